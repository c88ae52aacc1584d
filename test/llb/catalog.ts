// The LLB catalogue mirrored with our SDK: one entry per case of
// test/oracle/llbcatalog.go, same name, same graph. parity.test.ts marshals
// each and compares with the bytes upstream's Go llb produces.
import * as llb from '../../src/llb/index.ts';

export interface CatalogCase {
  readonly build: () => llb.State | Promise<llb.State>;
  readonly marshal?: llb.ConstraintsOptions;
}

/** The options every case is marshaled with first (catalogMarshalDefaults). */
export const catalogMarshalDefaults: llb.ConstraintsOptions = {
  platform: { os: 'linux', architecture: 'amd64' },
  localUniqueId: 'catalog-local-unique-id',
};

const catalogImageConfig =
  '{"architecture":"arm64","os":"linux","config":{"Env":["PATH=/usr/local/bin:/usr/bin:/bin","GREETING=hello"],"WorkingDir":"/app","User":"nobody"},"rootfs":{"type":"layers","diff_ids":[]}}';
const catalogImageDigest = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';

const catalogResolver: llb.ImageMetaResolver = {
  resolveImageConfig: async (ref) => ({ ref, digest: catalogImageDigest, config: new TextEncoder().encode(catalogImageConfig) }),
};

/** 2023-11-14T22:13:20Z. */
const catalogTime = new Date(1700000000 * 1000);
const catalogDockerfile = new TextEncoder().encode('FROM busybox\nRUN echo hi\n');

const arm64: llb.Platform = { os: 'linux', architecture: 'arm64' };
const armhf: llb.Platform = { os: 'linux', architecture: 'arm', variant: 'v7' };
const busybox = (opts?: llb.ImageOptions): llb.State => llb.image('busybox', opts);
const runTrue = (opts: Omit<llb.RunOptions, 'args'> = {}): llb.State => busybox().run({ args: ['true'], ...opts }).root();
const line = (l: number): llb.Range => ({ start: { line: l, character: 0 }, end: { line: l, character: 0 } });
/** Every cap a v0.32.2 daemon reports; only exec.meta.setsdefaultpath changes what an exec marshals to. */
const allCaps = llb.capSet([llb.Caps.execMetaSetsDefaultPath]);

export const catalog: Record<string, CatalogCase> = {
  // sources
  scratch: { build: () => llb.scratch() },
  'image-plain': { build: () => llb.image('busybox') },
  'image-tag-normalized': { build: () => llb.image('alpine:3.19') },
  'image-digest': {
    build: () => llb.image('docker.io/library/alpine@sha256:2222222222222222222222222222222222222222222222222222222222222222'),
  },
  'image-resolve-mode-pull': { build: () => llb.image('busybox:1.36', { resolveMode: 'pull' }) },
  'image-resolve-mode-local': { build: () => llb.image('busybox:1.36', { resolveMode: 'local' }) },
  'image-platform-arm64': { build: () => llb.image('busybox:1.36', { platform: arm64 }) },
  'image-platform-armv7': { build: () => llb.image('busybox:1.36', { platform: armhf }) },
  'image-meta-resolver-run': {
    build: async () => (await llb.resolvedImage('alpine:3.19', catalogResolver)).run({ args: ['env'] }).root(),
  },
  'image-meta-resolver-digest': {
    build: async () => (await llb.resolvedImage('alpine:3.19', catalogResolver, { resolveDigest: true })).run({ args: ['pwd'] }).root(),
  },
  'image-layer-limit-checksum': {
    build: () =>
      llb.image('busybox:1.36', {
        layerLimit: 2,
        checksum: 'sha256:3333333333333333333333333333333333333333333333333333333333333333',
      }),
  },
  'local-plain': { build: () => llb.local('context') },
  'local-all-options': {
    build: () =>
      llb.local('context', {
        sessionId: 'session-123',
        includePatterns: ['src/**', 'go.mod'],
        excludePatterns: ['**/*.tmp', '!keep.tmp'],
        followPaths: ['Dockerfile', 'src'],
        sharedKeyHint: 'context-key',
        differ: { type: 'none', required: true },
      }),
  },
  'local-differ-metadata': {
    build: () => llb.local('dockerfile', { differ: { type: 'metadata' }, customName: 'load build definition from Dockerfile' }),
  },
  'local-own-unique-id': { build: () => llb.local('context', { localUniqueId: 'per-source-id' }) },
  'git-plain': { build: () => llb.git('https://github.com/moby/buildkit.git', '') },
  'git-ref-subdir-fragment': { build: () => llb.git('https://github.com/moby/buildkit.git', 'v0.32.2:frontend') },
  'git-options': {
    build: () =>
      llb.git('https://github.com/moby/buildkit.git', '', {
        ref: 'main',
        subdir: 'docs',
        keepGitDir: true,
        authTokenSecret: 'GIT_TOKEN_custom',
        authHeaderSecret: 'GIT_HEADER_custom',
        checksum: '4444444444444444444444444444444444444444',
        skipSubmodules: true,
        mtime: 'commit',
      }),
  },
  'git-no-scheme': { build: () => llb.git('github.com/moby/buildkit', 'master') },
  'git-ssh-known-hosts': {
    build: () =>
      llb.git('git@github.com:moby/buildkit.git', '', {
        knownSSHHosts: 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
        mountSSHSock: 'mysock',
      }),
  },
  'git-fetch-by-commit': {
    build: () =>
      llb.git('https://github.com/moby/buildkit.git', '', {
        ref: 'refs/tags/v0.32.2',
        checksum: '5555555555555555555555555555555555555555',
        fetchByCommit: true,
      }),
  },
  'http-plain': { build: () => llb.http('https://example.com/file.tar.gz') },
  'http-options': {
    build: () =>
      llb.http('https://example.com/archive.tgz', {
        checksum: 'sha256:6666666666666666666666666666666666666666666666666666666666666666',
        filename: 'renamed.tgz',
        chmod: 0o640,
        chown: { uid: 1000, gid: 1001 },
        authHeaderSecret: 'HTTP_AUTH',
        header: { accept: 'application/octet-stream', userAgent: 'catalog/1.0' },
      }),
  },
  'oci-layout-store': {
    build: () =>
      llb.ociLayout('mystore@sha256:7777777777777777777777777777777777777777777777777777777777777777', {
        store: { sessionId: 'session-oci', storeId: 'store-oci' },
        layerLimit: 3,
      }),
  },
  'oci-layout-platform': {
    build: () => llb.ociLayout('mystore@sha256:7777777777777777777777777777777777777777777777777777777777777777', { platform: arm64 }),
  },

  // exec
  'exec-args': { build: () => busybox().run({ args: ['/bin/sh', '-c', 'echo hello'] }).root() },
  'exec-shlex': { build: () => busybox().run({ shlex: "echo 'a b' c" }).root() },
  'exec-shlex-unclosed-quote': { build: () => busybox().run({ shlex: `echo 'a b' "c d` }).root() },
  'exec-shlex-final-escape': { build: () => busybox().run({ shlex: '# note\necho a b\\' }).root() },
  'exec-env-cwd-user': {
    build: () =>
      busybox().addEnv('A', '1').addEnv('B', '2').addEnv('A', '3').dir('/work').dir('sub').user('1000:1000').run({ args: ['true'] }).root(),
  },
  'exec-hostname-extra-hosts': {
    build: () =>
      runTrue({
        hostname: 'buildhost',
        extraHosts: [
          { host: 'myhost', ip: '10.0.0.1' },
          { host: 'v6host', ip: '::1' },
        ],
      }),
  },
  'exec-network-none': { build: () => runTrue({ network: 'none' }) },
  'exec-network-host': { build: () => runTrue({ network: 'host' }) },
  'exec-security-insecure': { build: () => runTrue({ security: 'insecure' }) },
  'exec-ulimits-cgroup': {
    build: () =>
      runTrue({
        ulimits: [
          { name: 'nofile', soft: 1024, hard: 2048 },
          { name: 'nproc', soft: 100, hard: 200 },
        ],
        cgroupParent: '/custom-cgroup',
      }),
  },
  'exec-valid-exit-codes': { build: () => busybox().run({ args: ['false'], validExitCodes: [0, 1, 42] }).root() },
  'exec-proxy-env': {
    build: () =>
      runTrue({
        proxyEnv: {
          httpProxy: 'http://proxy.example:3128',
          httpsProxy: 'https://proxy.example:3129',
          ftpProxy: 'ftp://proxy.example:21',
          noProxy: 'localhost,127.0.0.1',
          allProxy: 'socks5://proxy.example:1080',
        },
      }),
  },
  'exec-secret-env': {
    build: () =>
      busybox()
        .run({
          args: ['env'],
          secrets: [
            { id: 'token', env: 'TOKEN', optional: true },
            { id: 'api', env: 'API_KEY' },
          ],
        })
        .root(),
  },
  'exec-readonly-rootfs': {
    build: () =>
      busybox()
        .run({ args: ['/bin/sh', '-c', 'echo x > /out/x'], readonlyRootfs: true, mounts: [{ target: '/out', source: llb.scratch() }] })
        .getMount('/out'),
  },
  'exec-cdi-devices': {
    build: () => runTrue({ cdiDevices: [{ name: 'vendor.com/gpu=0' }, { name: 'vendor.com/gpu=1', optional: true }] }),
  },
  'exec-caps-all': { build: () => runTrue(), marshal: { caps: allCaps } },
  'exec-caps-none': { build: () => runTrue(), marshal: { caps: llb.capSet([]) } },
  'exec-caps-none-path-set': {
    build: () => busybox().addEnv('PATH', '/custom').run({ args: ['true'] }).root(),
    marshal: { caps: llb.capSet([]) },
  },
  'exec-chain': {
    build: () => busybox().run({ args: ['echo', 'a'] }).root().run({ args: ['echo', 'b'] }).root(),
  },

  // mounts
  'mount-bind-readonly': {
    build: () => busybox().run({ args: ['ls', '/src'], mounts: [{ target: '/src', source: llb.local('context'), readonly: true }] }).root(),
  },
  'mount-bind-selector': {
    build: () =>
      busybox()
        .run({ args: ['ls', '/cfg'], mounts: [{ target: '/cfg', source: llb.image('alpine:3.19'), selector: '/etc', readonly: true }] })
        .root(),
  },
  'mount-output': {
    build: () =>
      busybox()
        .run({ args: ['/bin/sh', '-c', 'echo x > /out/x'], mounts: [{ target: '/out', source: llb.scratch() }] })
        .getMount('/out'),
  },
  'mount-output-ordering': {
    build: () =>
      busybox()
        .run({
          args: ['true'],
          mounts: [
            { target: '/b', source: llb.scratch() },
            { target: '/a', source: llb.image('alpine:3.19') },
          ],
        })
        .getMount('/b'),
  },
  'mount-force-no-output-content-cache': {
    build: () => runTrue({ mounts: [{ target: '/data', source: llb.local('context'), noOutput: true, contentCache: 'on' }] }),
  },
  'mount-cache-shared': {
    build: () => runTrue({ mounts: [{ target: '/root/.cache', source: llb.scratch(), cache: { id: 'go-build', sharing: 'shared' } }] }),
  },
  'mount-cache-private': {
    build: () => runTrue({ mounts: [{ target: '/var/cache/apt', source: llb.scratch(), cache: { id: 'apt', sharing: 'private' } }] }),
  },
  'mount-cache-locked-from-image': {
    build: () =>
      runTrue({
        mounts: [{ target: '/npm', source: llb.image('alpine:3.19'), selector: '/root', cache: { id: 'npm', sharing: 'locked' } }],
      }),
  },
  'mount-tmpfs': {
    build: () =>
      runTrue({
        mounts: [
          { target: '/tmp', source: llb.scratch(), tmpfs: {} },
          { target: '/scratch', source: llb.scratch(), tmpfs: { size: 65536 } },
        ],
      }),
  },
  'mount-secret-file': {
    build: () =>
      runTrue({
        secrets: [
          { id: 'mysecret', target: '/run/secrets/mysecret', uid: 1000, gid: 1001, mode: 0o440, optional: true },
          { id: '/etc/pw', target: '/etc/pw' },
        ],
      }),
  },
  'mount-ssh-default': { build: () => runTrue({ ssh: [{}] }) },
  'mount-ssh-options': {
    build: () =>
      busybox()
        .addEnv('SSH_AUTH_SOCK', '/preset.sock')
        .run({
          args: ['true'],
          ssh: [{ id: 'gh', target: '/run/ssh.sock', uid: 1000, gid: 1001, mode: 0o660, optional: true }, { id: 'other' }],
        })
        .root(),
  },

  // file actions
  'file-mkdir': { build: () => llb.scratch().file(llb.mkdir('/foo', 0o755)) },
  'file-mkdir-options': {
    build: () =>
      busybox().file(llb.mkdir('/a/b/c', 0o700, { makeParents: true, chown: llb.chownFromString('app:staff'), createdTime: catalogTime })),
  },
  'file-mkdir-relative': {
    build: () => busybox().dir('/work').file(llb.mkdir('rel', 0o755, { chown: { user: { uid: 1000 }, group: { uid: 1000 } } })),
  },
  'file-mkfile': { build: () => llb.scratch().file(llb.mkfile('/hello.txt', 0o644, 'hello\n')) },
  'file-mkfile-options': {
    build: () =>
      llb
        .scratch()
        .file(llb.mkfile('/bin/run.sh', 0o755, '#!/bin/sh\necho run\n', { chown: llb.chownFromString('root:1001'), createdTime: catalogTime })),
  },
  'file-rm': { build: () => busybox().file(llb.rm('/etc/motd')) },
  'file-rm-options': { build: () => busybox().file(llb.rm('/tmp/*.log', { allowNotFound: true, allowWildcard: true })) },
  'file-symlink': {
    build: () =>
      busybox().file(llb.symlink('/bin/busybox', '/usr/bin/bb', { chown: { user: { uid: 1000 }, group: { uid: 1000 } }, createdTime: catalogTime })),
  },
  'copy-plain': { build: () => llb.scratch().file(llb.copy(busybox(), '/etc/hosts', '/hosts')) },
  'copy-relative-paths': { build: () => busybox().dir('/dst').file(llb.copy(llb.local('context').dir('/src'), 'app', 'out/')) },
  'copy-dest-dot': { build: () => llb.scratch().file(llb.copy(llb.local('context'), '/a', '/dest/.')) },
  'copy-mode-octal': { build: () => llb.scratch().file(llb.copy(llb.local('context'), '/run.sh', '/run.sh', { mode: 0o755 })) },
  'copy-mode-string': { build: () => llb.scratch().file(llb.copy(llb.local('context'), '/run.sh', '/run.sh', { mode: 'u+x,g-w' })) },
  'copy-owner-name': { build: () => busybox().file(llb.copy(llb.local('context'), '/f', '/f', { chown: llb.chownFromString('app:app') })) },
  'copy-owner-id': {
    build: () =>
      llb.scratch().file(llb.copy(llb.local('context'), '/f', '/f', { chown: { user: { uid: 1000 }, group: { uid: 1001 } }, createdTime: catalogTime })),
  },
  'copy-user-only': { build: () => llb.scratch().file(llb.copy(llb.local('context'), '/f', '/f', { chown: llb.chownFromString('1000') })) },
  'copy-info-all-flags': {
    build: () =>
      llb.scratch().file(
        llb.copy(llb.local('context'), '/src/', '/dst/', {
          followSymlinks: true,
          copyDirContentsOnly: true,
          attemptUnpack: true,
          createDestPath: true,
          allowWildcard: true,
          allowEmptyWildcard: true,
          alwaysReplaceExistingDestPaths: true,
        }),
      ),
  },
  'copy-patterns': {
    build: () =>
      llb.scratch().file(
        llb.copy(llb.local('context'), '/', '/app', {
          includePatterns: ['*.go', 'go.mod'],
          excludePatterns: ['*_test.go', 'vendor'],
          requiredPaths: ['go.mod'],
          copyDirContentsOnly: true,
        }),
      ),
  },
  'copy-docker-add-style': {
    build: () =>
      busybox().file(
        llb.copy(llb.http('https://example.com/a.tar'), '/a.tar', '/opt/', {
          followSymlinks: true,
          copyDirContentsOnly: true,
          attemptUnpack: true,
          createDestPath: true,
          allowWildcard: true,
          allowEmptyWildcard: true,
          mode: 0o644,
          chown: { user: { uid: 1 }, group: { uid: 2 } },
          createdTime: catalogTime,
        }),
      ),
  },
  'file-chain': {
    build: () =>
      llb
        .scratch()
        .file(
          llb
            .mkdir('/app', 0o755)
            .mkfile('/app/a', 0o600, 'a')
            .copy(busybox(), '/etc/passwd', '/app/passwd')
            .symlink('/app/passwd', '/app/link')
            .rm('/app/a'),
        ),
  },
  'file-chain-two-sources': {
    build: () => busybox().file(llb.copy(llb.local('context'), '/x', '/x').copy(llb.image('alpine:3.19'), '/etc/os-release', '/os-release')),
  },
  'file-copy-from-action': {
    build: () => {
      const src = llb.mkfile('/gen.txt', 0o644, 'generated').withState(llb.scratch());
      return busybox().file(llb.copy(src, '/gen.txt', '/gen.txt'));
    },
  },
  'file-two-ops': { build: () => llb.scratch().file(llb.mkdir('/a', 0o755)).file(llb.mkfile('/a/b', 0o644, 'b')) },

  // merge, diff
  'merge-three': {
    build: () => llb.merge([busybox(), llb.image('alpine:3.19'), llb.scratch().file(llb.mkfile('/m', 0o644, 'm'))]),
  },
  'merge-with-scratch': { build: () => llb.merge([llb.scratch(), busybox(), llb.scratch()]) },
  'diff-basic': {
    build: () => {
      const base = busybox();
      return llb.diff(base, base.run({ args: ['touch', '/x'] }).root());
    },
  },
  'merge-diff': {
    build: () => {
      const base = busybox();
      const upper = base.file(llb.mkfile('/y', 0o644, 'y'));
      return llb.merge([llb.image('alpine:3.19'), llb.diff(base, upper)], { customName: 'merge layers' });
    },
  },
  'diff-scratch-lower': { build: () => llb.diff(llb.scratch(), busybox()) },

  // platforms, constraints
  'platform-marshal-arm64': { build: () => runTrue(), marshal: { platform: arm64 } },
  'platform-state-override': {
    build: () => busybox().platform({ os: 'linux', architecture: 's390x' }).run({ args: ['true'] }).root(),
  },
  'platform-image-arm64-run': { build: () => busybox({ platform: arm64 }).run({ args: ['uname', '-m'] }).root() },
  'platform-windows-osversion': {
    build: () =>
      llb.image('mcr.microsoft.com/windows/nanoserver:ltsc2022', {
        platform: { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.1234' },
      }),
  },
  'worker-constraints': {
    build: () => busybox({ workerConstraints: ['node.labels.a==b'] }).run({ args: ['true'], workerConstraints: ['node.labels.c==d'] }).root(),
    marshal: { workerConstraints: ['global==1'] },
  },

  // metadata
  'meta-custom-name': { build: () => runTrue({ customName: '[stage 1/2] RUN true' }) },
  'meta-description': {
    build: () => runTrue({ description: { 'com.docker.dockerfile.v1.command': 'RUN true', 'llb.customname': 'RUN true' } }),
  },
  'meta-ignore-cache': { build: () => busybox().run({ args: ['date'], ignoreCache: true }).root() },
  'meta-export-cache': { build: () => busybox({ exportCache: true }).run({ args: ['true'], exportCache: false }).root() },
  'meta-progress-group': {
    build: () =>
      llb
        .scratch()
        .file(llb.mkfile('/a', 0o644, 'a'), { progressGroup: { id: 'pg1', name: 'Group One', weak: false } })
        .file(llb.mkfile('/b', 0o644, 'b'), { progressGroup: { id: 'pg1', name: 'Group One', weak: true } }),
  },
  'meta-linux-resources': {
    build: () =>
      runTrue({
        linuxResources: {
          memory: 536870912,
          memorySwap: 1073741824,
          cpuShares: 512,
          cpuPeriod: 100000,
          cpuQuota: 50000,
          cpusetCpus: '0-1',
          cpusetMems: '0',
        },
      }),
  },
  'meta-memory-limit': { build: () => runTrue({ linuxResources: { memory: 1048576 } }) },
  'meta-marshal-custom-name': {
    build: () => busybox().file(llb.mkfile('/f', 0o644, 'f')),
    marshal: { customName: 'everything' },
  },
  'passthrough-requires': { build: () => busybox().requires('dep-id', llb.local('context'), llb.image('alpine:3.19')) },

  // source maps
  'sourcemap-one-location': {
    build: () => {
      const sm = new llb.SourceMap('Dockerfile', 'Dockerfile', catalogDockerfile, llb.local('dockerfile'));
      return llb
        .image('busybox', { sourceLocations: [sm.location([line(1)])] })
        .run({ args: ['/bin/sh', '-c', 'echo hi'], sourceLocations: [sm.location([line(2)])] })
        .root();
    },
  },
  'sourcemap-multi-range': {
    build: () => {
      const sm = new llb.SourceMap('Dockerfile', 'Dockerfile', catalogDockerfile, llb.local('dockerfile'));
      const other = new llb.SourceMap('other.hcl', 'HCL', new TextEncoder().encode('target {}\n'));
      return llb.scratch().file(llb.mkdir('/x', 0o755), {
        sourceLocations: [
          sm.location([
            { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } },
            { start: { line: 4, character: 3 }, end: { line: 4, character: 7 } },
          ]),
          other.location([line(1)]),
        ],
      });
    },
  },
  'sourcemap-shared-op': {
    build: () => {
      const sm = new llb.SourceMap('Dockerfile', 'Dockerfile', catalogDockerfile);
      const loc = sm.location([line(1)]);
      const img = llb.image('busybox', { sourceLocations: [loc] });
      return img.run({ args: ['true'], mounts: [{ target: '/ro', source: img, readonly: true }], sourceLocations: [loc] }).root();
    },
  },

  // definition ops
  'definition-run': {
    build: () => {
      const inner = busybox({ platform: arm64 }).run({ args: ['echo', 'hi'], ignoreCache: true }).root();
      return definitionOf(inner).run({ args: ['ls'] }).root();
    },
  },
  'definition-two-outputs-sourcemap': {
    build: () => {
      const sm = new llb.SourceMap('Dockerfile', 'Dockerfile', catalogDockerfile, llb.local('dockerfile'));
      const es = busybox().run({
        args: ['true'],
        mounts: [
          { target: '/a', source: llb.scratch() },
          { target: '/b', source: llb.scratch() },
        ],
        sourceLocations: [sm.location([line(2)])],
      });
      const inner = es.getMount('/b').file(llb.copy(es.getMount('/a'), '/', '/a'), { sourceLocations: [sm.location([line(1)])] });
      return definitionOf(inner).file(llb.mkdir('/x', 0o755));
    },
  },
  'definition-mount-and-root': {
    build: () => {
      const inner = busybox()
        .run({ args: ['/bin/sh', '-c', 'echo x > /out/x'], mounts: [{ target: '/out', source: llb.scratch() }] })
        .getMount('/out');
      const a = definitionOf(inner);
      const b = definitionOf(inner);
      return a
        .run({
          args: ['true'],
          mounts: [
            { target: '/ro', source: a, readonly: true },
            { target: '/again', source: b, readonly: true },
          ],
        })
        .root();
    },
  },
};

/** Marshals st with the catalogue defaults and loads it back (Go's llb.NewDefinitionOp, as a gateway's Inputs does). */
function definitionOf(st: llb.State): llb.State {
  return llb.definitionState(st.marshal(catalogMarshalDefaults).toPb());
}

/** Marshals a case as the Go catalogue does: defaults first, then the case's options. */
export async function marshalCase(c: CatalogCase): Promise<Uint8Array> {
  const st = await c.build();
  return st.marshal({ ...catalogMarshalDefaults, ...c.marshal }).encode();
}
