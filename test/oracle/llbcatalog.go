package main

// The LLB catalogue: small, named states built with BuildKit's own Go LLB
// package. Each case is meant to be mirrored one-to-one by the TypeScript LLB
// library; the oracle prints the marshaled Definition of each so the two can
// be compared byte for byte.
//
// Rules every case follows (the TypeScript mirror must follow them too):
//   - A case is marshaled with catalogMarshalDefaults (platform linux/amd64 and
//     the local unique id "catalog-local-unique-id") followed by the case's own
//     `marshal` options, in that order; later options win.
//   - Nothing depends on the host: every platform is explicit and the only
//     image metadata comes from catalogResolver below.
//   - The printed `def` is the pb.Definition that llb.WriteTo writes, encoded
//     with deterministic protobuf marshaling (map entries sorted by key).
//     llb.WriteTo itself iterates Go maps, so its byte order varies between
//     runs whenever a map has more than one entry; the message is the same.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/solver/pb"
	digest "github.com/opencontainers/go-digest"
	ocispecs "github.com/opencontainers/image-spec/specs-go/v1"
	"google.golang.org/protobuf/proto"
)

// catalogMarshalDefaults are applied first to every case's Marshal call.
var catalogMarshalDefaults = []llb.ConstraintsOpt{
	llb.LinuxAmd64,
	llb.LocalUniqueID("catalog-local-unique-id"),
}

// catalogImageConfig is what catalogResolver answers for every image: an
// OCI image config for linux/arm64 with two env vars, a working directory and
// a user. (State.WithImageConfig applies Env, WorkingDir and the platform; it
// ignores User.)
const catalogImageConfig = `{"architecture":"arm64","os":"linux","config":{"Env":["PATH=/usr/local/bin:/usr/bin:/bin","GREETING=hello"],"WorkingDir":"/app","User":"nobody"},"rootfs":{"type":"layers","diff_ids":[]}}`

// catalogImageDigest is the manifest digest catalogResolver answers.
const catalogImageDigest = digest.Digest("sha256:1111111111111111111111111111111111111111111111111111111111111111")

// catalogResolver is a fixed image metadata resolver: for any ref it returns
// the ref unchanged, catalogImageDigest and catalogImageConfig.
type catalogResolver struct{}

func (catalogResolver) ResolveImageConfig(_ context.Context, ref string, _ sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	return ref, catalogImageDigest, []byte(catalogImageConfig), nil
}

type catalogCase struct {
	name    string
	build   func() llb.State
	marshal []llb.ConstraintsOpt
}

// catalogTime is the fixed timestamp used by every "created time" option:
// 2023-11-14T22:13:20Z, i.e. 1700000000 seconds after the epoch.
var catalogTime = time.Unix(1700000000, 0).UTC()

// catalogDockerfile is the source file used by the source-map cases.
var catalogDockerfile = []byte("FROM busybox\nRUN echo hi\n")

var catalogCases = []catalogCase{
	// ---------------------------------------------------------------- sources

	// scratch: the empty state; marshals to a Definition with no ops.
	{name: "scratch", build: func() llb.State {
		return llb.Scratch()
	}},
	// image-plain: docker-image source for "busybox" (normalized to docker.io/library/busybox:latest).
	{name: "image-plain", build: func() llb.State {
		return llb.Image("busybox")
	}},
	// image-tag-normalized: docker-image source for "alpine:3.19" (normalized to docker.io/library/alpine:3.19).
	{name: "image-tag-normalized", build: func() llb.State {
		return llb.Image("alpine:3.19")
	}},
	// image-digest: docker-image source pinned by digest, no tag.
	{name: "image-digest", build: func() llb.State {
		return llb.Image("docker.io/library/alpine@sha256:2222222222222222222222222222222222222222222222222222222222222222")
	}},
	// image-resolve-mode-pull: image with ResolveModeForcePull (attr image.resolvemode=pull, cap source.image.resolvemode).
	{name: "image-resolve-mode-pull", build: func() llb.State {
		return llb.Image("busybox:1.36", llb.ResolveModeForcePull)
	}},
	// image-resolve-mode-local: image with ResolveModePreferLocal (attr image.resolvemode=local).
	{name: "image-resolve-mode-local", build: func() llb.State {
		return llb.Image("busybox:1.36", llb.ResolveModePreferLocal)
	}},
	// image-platform-arm64: image with its own platform linux/arm64 (overrides the marshal default).
	{name: "image-platform-arm64", build: func() llb.State {
		return llb.Image("busybox:1.36", llb.LinuxArm64)
	}},
	// image-platform-armv7: image with platform linux/arm/v7.
	{name: "image-platform-armv7", build: func() llb.State {
		return llb.Image("busybox:1.36", llb.LinuxArmhf)
	}},
	// image-meta-resolver-run: image "alpine:3.19" resolved by catalogResolver
	// (env, workdir /app, platform linux/arm64 from the config), then RUN env in it.
	{name: "image-meta-resolver-run", build: func() llb.State {
		return llb.Image("alpine:3.19", llb.WithMetaResolver(catalogResolver{})).
			Run(llb.Args([]string{"env"})).Root()
	}},
	// image-meta-resolver-digest: as above with ResolveDigest(true): the identifier gains @catalogImageDigest.
	{name: "image-meta-resolver-digest", build: func() llb.State {
		return llb.Image("alpine:3.19", llb.WithMetaResolver(catalogResolver{}), llb.ResolveDigest(true)).
			Run(llb.Args([]string{"pwd"})).Root()
	}},
	// image-layer-limit-checksum: image with layer limit 2 and an image checksum.
	{name: "image-layer-limit-checksum", build: func() llb.State {
		return llb.Image("busybox:1.36",
			llb.WithLayerLimit(2),
			llb.WithImageChecksum(digest.Digest("sha256:3333333333333333333333333333333333333333333333333333333333333333")))
	}},
	// local-plain: local source "context" (gets local.unique from the marshal default).
	{name: "local-plain", build: func() llb.State {
		return llb.Local("context")
	}},
	// local-all-options: local "context" with session id, include/exclude patterns, follow paths, shared key hint, differ none (required).
	{name: "local-all-options", build: func() llb.State {
		return llb.Local("context",
			llb.SessionID("session-123"),
			llb.IncludePatterns([]string{"src/**", "go.mod"}),
			llb.ExcludePatterns([]string{"**/*.tmp", "!keep.tmp"}),
			llb.FollowPaths([]string{"Dockerfile", "src"}),
			llb.SharedKeyHint("context-key"),
			llb.Differ(llb.DiffNone, true))
	}},
	// local-differ-metadata: local "dockerfile" with differ metadata (not required) and a custom name.
	{name: "local-differ-metadata", build: func() llb.State {
		return llb.Local("dockerfile",
			llb.Differ(llb.DiffMetadata, false),
			llb.WithCustomName("load build definition from Dockerfile"))
	}},
	// local-own-unique-id: local "context" whose own constraints set LocalUniqueID "per-source-id".
	{name: "local-own-unique-id", build: func() llb.State {
		return llb.Local("context", llb.LocalUniqueID("per-source-id"))
	}},
	// git-plain: git source for https://github.com/moby/buildkit.git without ref.
	{name: "git-plain", build: func() llb.State {
		return llb.Git("https://github.com/moby/buildkit.git", "")
	}},
	// git-ref-subdir-fragment: git with fragment "v0.32.2:frontend" (ref and subdir through the fragment).
	{name: "git-ref-subdir-fragment", build: func() llb.State {
		return llb.Git("https://github.com/moby/buildkit.git", "v0.32.2:frontend")
	}},
	// git-options: git with GitRef, GitSubDir, KeepGitDir, both auth secrets, checksum, skip submodules, mtime commit.
	{name: "git-options", build: func() llb.State {
		return llb.Git("https://github.com/moby/buildkit.git", "",
			llb.GitRef("main"),
			llb.GitSubDir("docs"),
			llb.KeepGitDir(),
			llb.AuthTokenSecret("GIT_TOKEN_custom"),
			llb.AuthHeaderSecret("GIT_HEADER_custom"),
			llb.GitChecksum("4444444444444444444444444444444444444444"),
			llb.GitSkipSubmodules(),
			llb.GitMTimeCommit())
	}},
	// git-no-scheme: git URL without scheme ("github.com/moby/buildkit"), which gets https:// added.
	{name: "git-no-scheme", build: func() llb.State {
		return llb.Git("github.com/moby/buildkit", "master")
	}},
	// git-ssh-known-hosts: git over ssh with explicit known hosts and an ssh socket id (no key scan).
	{name: "git-ssh-known-hosts", build: func() llb.State {
		return llb.Git("git@github.com:moby/buildkit.git", "",
			llb.KnownSSHHosts("github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"),
			llb.MountSSHSock("mysock"))
	}},
	// git-fetch-by-commit: git with checksum and GitFetchByCommit.
	{name: "git-fetch-by-commit", build: func() llb.State {
		return llb.Git("https://github.com/moby/buildkit.git", "",
			llb.GitRef("refs/tags/v0.32.2"),
			llb.GitChecksum("5555555555555555555555555555555555555555"),
			llb.GitFetchByCommit())
	}},
	// http-plain: http source without options.
	{name: "http-plain", build: func() llb.State {
		return llb.HTTP("https://example.com/file.tar.gz")
	}},
	// http-options: http with checksum, filename, chmod 0640, chown 1000:1001, auth header secret and headers.
	{name: "http-options", build: func() llb.State {
		return llb.HTTP("https://example.com/archive.tgz",
			llb.Checksum(digest.Digest("sha256:6666666666666666666666666666666666666666666666666666666666666666")),
			llb.Filename("renamed.tgz"),
			llb.Chmod(0640),
			llb.Chown(1000, 1001),
			llb.AuthHeaderSecret("HTTP_AUTH"),
			llb.Header(llb.HTTPHeader{Accept: "application/octet-stream", UserAgent: "catalog/1.0"}))
	}},
	// oci-layout-store: oci-layout source with session/store ids and a layer limit.
	{name: "oci-layout-store", build: func() llb.State {
		return llb.OCILayout("mystore@sha256:7777777777777777777777777777777777777777777777777777777777777777",
			llb.OCIStore("session-oci", "store-oci"),
			llb.OCILayerLimit(3))
	}},
	// oci-layout-platform: oci-layout source with explicit platform linux/arm64.
	{name: "oci-layout-platform", build: func() llb.State {
		return llb.OCILayout("mystore@sha256:7777777777777777777777777777777777777777777777777777777777777777",
			llb.LinuxArm64)
	}},

	// ------------------------------------------------------------------- exec

	// exec-args: busybox, RUN with args ["/bin/sh","-c","echo hello"].
	{name: "exec-args", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"/bin/sh", "-c", "echo hello"})).Root()
	}},
	// exec-shlex: busybox, RUN with llb.Shlex("echo 'a b' c").
	{name: "exec-shlex", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Shlex("echo 'a b' c")).Root()
	}},
	// exec-shlex-unclosed-quote: busybox, RUN with llb.Shlex of an unclosed quote (shlex.Split's error is ignored: the words before it).
	{name: "exec-shlex-unclosed-quote", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Shlex(`echo 'a b' "c d`)).Root()
	}},
	// exec-shlex-final-escape: busybox, RUN with llb.Shlex ending in a backslash, after a comment line.
	{name: "exec-shlex-final-escape", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Shlex("# note\necho a b\\")).Root()
	}},
	// exec-env-cwd-user: busybox with env A=1, B=2, A=3 (replaces), dir /work then sub (relative -> /work/sub), user 1000:1000; RUN true.
	{name: "exec-env-cwd-user", build: func() llb.State {
		return llb.Image("busybox").
			AddEnv("A", "1").
			AddEnv("B", "2").
			AddEnv("A", "3").
			Dir("/work").
			Dir("sub").
			User("1000:1000").
			Run(llb.Args([]string{"true"})).Root()
	}},
	// exec-hostname-extra-hosts: RUN true with hostname "buildhost" and extra hosts myhost=10.0.0.1, v6host=::1.
	{name: "exec-hostname-extra-hosts", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"true"}),
			llb.Hostname("buildhost"),
			llb.AddExtraHost("myhost", net.ParseIP("10.0.0.1")),
			llb.AddExtraHost("v6host", net.ParseIP("::1"))).Root()
	}},
	// exec-network-none: RUN true with network none.
	{name: "exec-network-none", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"true"}), llb.Network(llb.NetModeNone)).Root()
	}},
	// exec-network-host: RUN true with network host.
	{name: "exec-network-host", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"true"}), llb.Network(llb.NetModeHost)).Root()
	}},
	// exec-security-insecure: RUN true with security insecure.
	{name: "exec-security-insecure", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"true"}), llb.Security(llb.SecurityModeInsecure)).Root()
	}},
	// exec-ulimits-cgroup: RUN true with ulimits nofile 1024/2048 and nproc 100/200, cgroup parent "/custom-cgroup".
	{name: "exec-ulimits-cgroup", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"true"}),
			llb.AddUlimit(llb.UlimitNofile, 1024, 2048),
			llb.AddUlimit(llb.UlimitNproc, 100, 200),
			llb.WithCgroupParent("/custom-cgroup")).Root()
	}},
	// exec-valid-exit-codes: RUN false accepting exit codes 0, 1 and 42.
	{name: "exec-valid-exit-codes", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"false"}), llb.ValidExitCodes(0, 1, 42)).Root()
	}},
	// exec-proxy-env: RUN true with all five proxy variables set.
	{name: "exec-proxy-env", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"true"}),
			llb.WithProxy(llb.ProxyEnv{
				HTTPProxy:  "http://proxy.example:3128",
				HTTPSProxy: "https://proxy.example:3129",
				FTPProxy:   "ftp://proxy.example:21",
				NoProxy:    "localhost,127.0.0.1",
				AllProxy:   "socks5://proxy.example:1080",
			})).Root()
	}},
	// exec-secret-env: RUN env with secret "token" exposed as env TOKEN (optional) and secret "api" as env API_KEY.
	{name: "exec-secret-env", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"env"}),
			llb.AddSecretWithDest("token", nil, llb.SecretAsEnvName("TOKEN"), llb.SecretOptional),
			llb.AddSecret("API_KEY", llb.SecretID("api"), llb.SecretAsEnv(true))).Root()
	}},
	// exec-readonly-rootfs: RUN with a read-only root filesystem (root mount has no output) and a writable
	// scratch mount /out; the case's state is /out, which gets output index 0.
	{name: "exec-readonly-rootfs", build: func() llb.State {
		es := llb.Image("busybox").Run(
			llb.Args([]string{"/bin/sh", "-c", "echo x > /out/x"}),
			llb.ReadonlyRootFS(),
			llb.AddMount("/out", llb.Scratch()))
		return es.GetMount("/out")
	}},
	// exec-cdi-devices: RUN true with CDI devices vendor.com/gpu=0 (required) and vendor.com/gpu=1 (optional).
	{name: "exec-cdi-devices", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"true"}),
			llb.AddCDIDevice(llb.CDIDeviceName("vendor.com/gpu=0")),
			llb.AddCDIDevice(llb.CDIDeviceName("vendor.com/gpu=1"), llb.CDIDeviceOptional)).Root()
	}},
	// exec-caps-all: RUN true marshaled with WithCaps(every LLB cap, as a v0.32.2 daemon reports them):
	// the exec gets cap exec.meta.setsdefaultpath instead of a PATH env entry.
	{name: "exec-caps-all", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"true"})).Root()
	}, marshal: []llb.ConstraintsOpt{llb.WithCaps(pb.Caps.CapSet(pb.Caps.All()))}},
	// exec-caps-none: RUN true marshaled with WithCaps(an empty cap set): the exec gets the
	// default PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin env entry.
	{name: "exec-caps-none", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"true"})).Root()
	}, marshal: []llb.ConstraintsOpt{llb.WithCaps(pb.Caps.CapSet(nil))}},
	// exec-caps-none-path-set: as exec-caps-none but the state already has PATH=/custom, which is kept.
	{name: "exec-caps-none-path-set", build: func() llb.State {
		return llb.Image("busybox").AddEnv("PATH", "/custom").Run(llb.Args([]string{"true"})).Root()
	}, marshal: []llb.ConstraintsOpt{llb.WithCaps(pb.Caps.CapSet(nil))}},
	// exec-chain: two RUNs in a row (echo a, then echo b on the first's root).
	{name: "exec-chain", build: func() llb.State {
		return llb.Image("busybox").
			Run(llb.Args([]string{"echo", "a"})).Root().
			Run(llb.Args([]string{"echo", "b"})).Root()
	}},

	// ----------------------------------------------------------------- mounts

	// mount-bind-readonly: RUN ls /src with local "context" bind-mounted read-only at /src.
	{name: "mount-bind-readonly", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"ls", "/src"}),
			llb.AddMount("/src", llb.Local("context"), llb.Readonly)).Root()
	}},
	// mount-bind-selector: RUN ls /cfg with image alpine:3.19 mounted read-only at /cfg from source path /etc.
	{name: "mount-bind-selector", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"ls", "/cfg"}),
			llb.AddMount("/cfg", llb.Image("alpine:3.19"), llb.SourcePath("/etc"), llb.Readonly)).Root()
	}},
	// mount-output: RUN writing to a writable scratch mount /out; the case's state is that mount (output index 1).
	{name: "mount-output", build: func() llb.State {
		es := llb.Image("busybox").Run(
			llb.Args([]string{"/bin/sh", "-c", "echo x > /out/x"}),
			llb.AddMount("/out", llb.Scratch()))
		return es.GetMount("/out")
	}},
	// mount-output-ordering: mounts /b (writable) and /a (writable) on one RUN; state is /b, which sorts after /a.
	{name: "mount-output-ordering", build: func() llb.State {
		es := llb.Image("busybox").Run(
			llb.Args([]string{"true"}),
			llb.AddMount("/b", llb.Scratch()),
			llb.AddMount("/a", llb.Image("alpine:3.19")))
		return es.GetMount("/b")
	}},
	// mount-force-no-output-content-cache: writable mount /data marked no-output and content cache on.
	{name: "mount-force-no-output-content-cache", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"true"}),
			llb.AddMount("/data", llb.Local("context"), llb.ForceNoOutput, llb.ContentCache(llb.MountContentCacheOn))).Root()
	}},
	// mount-cache-shared: cache mount id "go-build" at /root/.cache, sharing shared.
	{name: "mount-cache-shared", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"true"}),
			llb.AddMount("/root/.cache", llb.Scratch(), llb.AsPersistentCacheDir("go-build", llb.CacheMountShared))).Root()
	}},
	// mount-cache-private: cache mount id "apt" at /var/cache/apt, sharing private.
	{name: "mount-cache-private", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"true"}),
			llb.AddMount("/var/cache/apt", llb.Scratch(), llb.AsPersistentCacheDir("apt", llb.CacheMountPrivate))).Root()
	}},
	// mount-cache-locked-from-image: cache mount id "npm" at /npm seeded from image alpine:3.19 with selector /root, sharing locked.
	{name: "mount-cache-locked-from-image", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"true"}),
			llb.AddMount("/npm", llb.Image("alpine:3.19"), llb.SourcePath("/root"), llb.AsPersistentCacheDir("npm", llb.CacheMountLocked))).Root()
	}},
	// mount-tmpfs: tmpfs at /tmp without size and tmpfs at /scratch with size 65536.
	{name: "mount-tmpfs", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"true"}),
			llb.AddMount("/tmp", llb.Scratch(), llb.Tmpfs()),
			llb.AddMount("/scratch", llb.Scratch(), llb.Tmpfs(llb.TmpfsSize(65536)))).Root()
	}},
	// mount-secret-file: secret id "mysecret" at /run/secrets/mysecret (uid 1000, gid 1001, mode 0440, optional) and secret at /etc/pw (defaults).
	{name: "mount-secret-file", build: func() llb.State {
		return llb.Image("busybox").Run(
			llb.Args([]string{"true"}),
			llb.AddSecret("/run/secrets/mysecret", llb.SecretID("mysecret"), llb.SecretFileOpt(1000, 1001, 0440), llb.SecretOptional),
			llb.AddSecret("/etc/pw")).Root()
	}},
	// mount-ssh-default: one SSH socket with defaults (target /run/buildkit/ssh_agent.0, mode 0600, env SSH_AUTH_SOCK added).
	{name: "mount-ssh-default", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"true"}), llb.AddSSHSocket()).Root()
	}},
	// mount-ssh-options: SSH id "gh" at /run/ssh.sock (uid 1000, gid 1001, mode 0660, optional) plus a default-target second socket; env SSH_AUTH_SOCK preset.
	{name: "mount-ssh-options", build: func() llb.State {
		return llb.Image("busybox").AddEnv("SSH_AUTH_SOCK", "/preset.sock").Run(
			llb.Args([]string{"true"}),
			llb.AddSSHSocket(llb.SSHID("gh"), llb.SSHSocketOpt("/run/ssh.sock", 1000, 1001, 0660), llb.SSHOptional),
			llb.AddSSHSocket(llb.SSHID("other"))).Root()
	}},

	// ------------------------------------------------------------ file actions

	// file-mkdir: scratch, mkdir /foo 0755.
	{name: "file-mkdir", build: func() llb.State {
		return llb.Scratch().File(llb.Mkdir("/foo", 0755))
	}},
	// file-mkdir-options: busybox, mkdir /a/b/c 0700 with parents, owner by name "app:staff", timestamp catalogTime.
	{name: "file-mkdir-options", build: func() llb.State {
		return llb.Image("busybox").File(llb.Mkdir("/a/b/c", 0700,
			llb.WithParents(true), llb.WithUser("app:staff"), llb.WithCreatedTime(catalogTime)))
	}},
	// file-mkdir-relative: busybox with dir /work, mkdir "rel" (relative -> /work/rel) 0755, owner by ids 1000:1000.
	{name: "file-mkdir-relative", build: func() llb.State {
		return llb.Image("busybox").Dir("/work").File(llb.Mkdir("rel", 0755, llb.WithUIDGID(1000, 1000)))
	}},
	// file-mkfile: scratch, mkfile /hello.txt 0644 "hello\n".
	{name: "file-mkfile", build: func() llb.State {
		return llb.Scratch().File(llb.Mkfile("/hello.txt", 0644, []byte("hello\n")))
	}},
	// file-mkfile-options: scratch, mkfile /bin/run.sh 0755 with owner "root:1001" (user root -> id 0) and timestamp catalogTime.
	{name: "file-mkfile-options", build: func() llb.State {
		return llb.Scratch().File(llb.Mkfile("/bin/run.sh", 0755, []byte("#!/bin/sh\necho run\n"),
			llb.WithUser("root:1001"), llb.WithCreatedTime(catalogTime)))
	}},
	// file-rm: busybox, rm /etc/motd.
	{name: "file-rm", build: func() llb.State {
		return llb.Image("busybox").File(llb.Rm("/etc/motd"))
	}},
	// file-rm-options: busybox, rm /tmp/*.log with allow-not-found and allow-wildcard.
	{name: "file-rm-options", build: func() llb.State {
		return llb.Image("busybox").File(llb.Rm("/tmp/*.log", llb.WithAllowNotFound(true), llb.WithAllowWildcard(true)))
	}},
	// file-symlink: busybox, symlink /bin/busybox -> /usr/bin/bb with owner 1000:1000 and timestamp catalogTime.
	{name: "file-symlink", build: func() llb.State {
		return llb.Image("busybox").File(llb.Symlink("/bin/busybox", "/usr/bin/bb",
			llb.WithUIDGID(1000, 1000), llb.WithCreatedTime(catalogTime)))
	}},
	// copy-plain: scratch, copy /etc/hosts from busybox to /hosts (mode unset -> -1, timestamp -1).
	{name: "copy-plain", build: func() llb.State {
		return llb.Scratch().File(llb.Copy(llb.Image("busybox"), "/etc/hosts", "/hosts"))
	}},
	// copy-relative-paths: src "app" from local context with dir /src (-> /src/app); dest "out/" on a state with dir /dst (-> /dst/out/).
	{name: "copy-relative-paths", build: func() llb.State {
		return llb.Image("busybox").Dir("/dst").File(llb.Copy(llb.Local("context").Dir("/src"), "app", "out/"))
	}},
	// copy-dest-dot: copy /a from local context to "/dest/." (keeps the trailing /.).
	{name: "copy-dest-dot", build: func() llb.State {
		return llb.Scratch().File(llb.Copy(llb.Local("context"), "/a", "/dest/."))
	}},
	// copy-mode-octal: copy with ChmodOpt Mode 0755.
	{name: "copy-mode-octal", build: func() llb.State {
		return llb.Scratch().File(llb.Copy(llb.Local("context"), "/run.sh", "/run.sh", llb.ChmodOpt{Mode: 0755}))
	}},
	// copy-mode-string: copy with ChmodOpt ModeStr "u+x,g-w" (mode field stays 0, modeStr set).
	{name: "copy-mode-string", build: func() llb.State {
		return llb.Scratch().File(llb.Copy(llb.Local("context"), "/run.sh", "/run.sh", llb.ChmodOpt{ModeStr: "u+x,g-w"}))
	}},
	// copy-owner-name: copy with owner by name "app:app" (names reference the destination input).
	{name: "copy-owner-name", build: func() llb.State {
		return llb.Image("busybox").File(llb.Copy(llb.Local("context"), "/f", "/f", llb.WithUser("app:app")))
	}},
	// copy-owner-id: copy with owner by ids 1000:1001 and timestamp catalogTime.
	{name: "copy-owner-id", build: func() llb.State {
		return llb.Scratch().File(llb.Copy(llb.Local("context"), "/f", "/f",
			llb.WithUIDGID(1000, 1001), llb.WithCreatedTime(catalogTime)))
	}},
	// copy-user-only: copy with owner "1000" (user only, no group).
	{name: "copy-user-only", build: func() llb.State {
		return llb.Scratch().File(llb.Copy(llb.Local("context"), "/f", "/f", llb.WithUser("1000")))
	}},
	// copy-info-all-flags: copy "/src/" to "/dst/" with every boolean CopyInfo flag set.
	{name: "copy-info-all-flags", build: func() llb.State {
		return llb.Scratch().File(llb.Copy(llb.Local("context"), "/src/", "/dst/", &llb.CopyInfo{
			FollowSymlinks:                 true,
			CopyDirContentsOnly:            true,
			AttemptUnpack:                  true,
			CreateDestPath:                 true,
			AllowWildcard:                  true,
			AllowEmptyWildcard:             true,
			AlwaysReplaceExistingDestPaths: true,
		}))
	}},
	// copy-patterns: copy "/" to "/app" with include patterns, exclude patterns and required paths (CopyInfo), plus WithExcludePatterns appending one more exclude.
	{name: "copy-patterns", build: func() llb.State {
		return llb.Scratch().File(llb.Copy(llb.Local("context"), "/", "/app",
			&llb.CopyInfo{
				IncludePatterns:     []string{"*.go", "go.mod"},
				ExcludePatterns:     []string{"*_test.go"},
				RequiredPaths:       []string{"go.mod"},
				CopyDirContentsOnly: true,
			},
			llb.WithExcludePatterns([]string{"vendor"})))
	}},
	// copy-docker-add-style: the option set Dockerfile ADD uses: mode 0644, owner 1:2, follow symlinks, dir contents, unpack, create dest, wildcard, empty wildcard, timestamp.
	{name: "copy-docker-add-style", build: func() llb.State {
		return llb.Image("busybox").File(llb.Copy(llb.HTTP("https://example.com/a.tar"), "/a.tar", "/opt/",
			&llb.CopyInfo{
				FollowSymlinks:      true,
				CopyDirContentsOnly: true,
				AttemptUnpack:       true,
				CreateDestPath:      true,
				AllowWildcard:       true,
				AllowEmptyWildcard:  true,
			},
			llb.ChmodOpt{Mode: 0644},
			llb.WithUIDGID(1, 2),
			llb.WithCreatedTime(catalogTime)))
	}},
	// file-chain: one FileOp: mkdir /app, mkfile /app/a, copy /etc/passwd from busybox to /app/passwd, symlink, rm /app/a.
	{name: "file-chain", build: func() llb.State {
		return llb.Scratch().File(
			llb.Mkdir("/app", 0755).
				Mkfile("/app/a", 0600, []byte("a")).
				Copy(llb.Image("busybox"), "/etc/passwd", "/app/passwd").
				Symlink("/app/passwd", "/app/link").
				Rm("/app/a"))
	}},
	// file-chain-two-sources: one FileOp on busybox copying from local context and from alpine:3.19.
	{name: "file-chain-two-sources", build: func() llb.State {
		return llb.Image("busybox").File(
			llb.Copy(llb.Local("context"), "/x", "/x").
				Copy(llb.Image("alpine:3.19"), "/etc/os-release", "/os-release"))
	}},
	// file-copy-from-action: copy from a FileAction-with-state (mkfile on scratch) into busybox.
	{name: "file-copy-from-action", build: func() llb.State {
		src := llb.Mkfile("/gen.txt", 0644, []byte("generated")).WithState(llb.Scratch())
		return llb.Image("busybox").File(llb.Copy(src, "/gen.txt", "/gen.txt"))
	}},
	// file-two-ops: two separate FileOps in sequence (mkdir /a, then mkfile /a/b).
	{name: "file-two-ops", build: func() llb.State {
		return llb.Scratch().
			File(llb.Mkdir("/a", 0755)).
			File(llb.Mkfile("/a/b", 0644, []byte("b")))
	}},

	// ------------------------------------------------------------ merge, diff

	// merge-three: merge busybox, alpine:3.19 and a mkfile-on-scratch state.
	{name: "merge-three", build: func() llb.State {
		return llb.Merge([]llb.State{
			llb.Image("busybox"),
			llb.Image("alpine:3.19"),
			llb.Scratch().File(llb.Mkfile("/m", 0644, []byte("m"))),
		})
	}},
	// merge-with-scratch: merge of scratch + busybox + scratch collapses to busybox alone.
	{name: "merge-with-scratch", build: func() llb.State {
		return llb.Merge([]llb.State{llb.Scratch(), llb.Image("busybox"), llb.Scratch()})
	}},
	// diff-basic: diff between busybox and busybox+RUN touch /x.
	{name: "diff-basic", build: func() llb.State {
		base := llb.Image("busybox")
		upper := base.Run(llb.Args([]string{"touch", "/x"})).Root()
		return llb.Diff(base, upper)
	}},
	// merge-diff: merge alpine:3.19 with the diff of busybox -> busybox+mkfile /y, with custom name on the merge.
	{name: "merge-diff", build: func() llb.State {
		base := llb.Image("busybox")
		upper := base.File(llb.Mkfile("/y", 0644, []byte("y")))
		return llb.Merge([]llb.State{llb.Image("alpine:3.19"), llb.Diff(base, upper)}, llb.WithCustomName("merge layers"))
	}},
	// diff-scratch-lower: diff with scratch lower collapses to the upper.
	{name: "diff-scratch-lower", build: func() llb.State {
		return llb.Diff(llb.Scratch(), llb.Image("busybox"))
	}},

	// ------------------------------------------------ platforms, constraints

	// platform-marshal-arm64: busybox + RUN true, marshaled with platform linux/arm64 instead of amd64.
	{name: "platform-marshal-arm64", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"true"})).Root()
	}, marshal: []llb.ConstraintsOpt{llb.LinuxArm64}},
	// platform-state-override: busybox (amd64) then State.Platform(linux/s390x) before RUN: exec gets s390x.
	{name: "platform-state-override", build: func() llb.State {
		return llb.Image("busybox").Platform(ocispecs.Platform{OS: "linux", Architecture: "s390x"}).
			Run(llb.Args([]string{"true"})).Root()
	}},
	// platform-image-arm64-run: image with linux/arm64; the RUN on it inherits arm64.
	{name: "platform-image-arm64-run", build: func() llb.State {
		return llb.Image("busybox", llb.LinuxArm64).Run(llb.Args([]string{"uname", "-m"})).Root()
	}},
	// platform-windows-osversion: image for windows/amd64 with OSVersion 10.0.17763.1234.
	{name: "platform-windows-osversion", build: func() llb.State {
		return llb.Image("mcr.microsoft.com/windows/nanoserver:ltsc2022",
			llb.Platform(ocispecs.Platform{OS: "windows", Architecture: "amd64", OSVersion: "10.0.17763.1234"}))
	}},
	// worker-constraints: image with Require("node.labels.a==b") and a RUN with Require("node.labels.c==d"); marshal adds Require("global==1").
	{name: "worker-constraints", build: func() llb.State {
		return llb.Image("busybox", llb.Require("node.labels.a==b")).
			Run(llb.Args([]string{"true"}), llb.Require("node.labels.c==d")).Root()
	}, marshal: []llb.ConstraintsOpt{llb.Require("global==1")}},

	// --------------------------------------------------------------- metadata

	// meta-custom-name: RUN with custom name "[stage 1/2] RUN true".
	{name: "meta-custom-name", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"true"}), llb.WithCustomName("[stage 1/2] RUN true")).Root()
	}},
	// meta-description: RUN with description {com.docker.dockerfile.v1.command: "RUN true", llb.customname: "RUN true"}.
	{name: "meta-description", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"true"}), llb.WithDescription(map[string]string{
			"com.docker.dockerfile.v1.command": "RUN true",
			"llb.customname":                   "RUN true",
		})).Root()
	}},
	// meta-ignore-cache: RUN date with IgnoreCache (terminal op gets cap meta.ignorecache).
	{name: "meta-ignore-cache", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"date"}), llb.IgnoreCache).Root()
	}},
	// meta-export-cache: image with WithExportCache and a RUN with WithoutExportCache.
	{name: "meta-export-cache", build: func() llb.State {
		return llb.Image("busybox", llb.WithExportCache()).
			Run(llb.Args([]string{"true"}), llb.WithoutExportCache()).Root()
	}},
	// meta-progress-group: two mkfiles in separate FileOps, both in progress group "pg1"/"Group One" (weak on the second).
	{name: "meta-progress-group", build: func() llb.State {
		return llb.Scratch().
			File(llb.Mkfile("/a", 0644, []byte("a")), llb.ProgressGroup("pg1", "Group One", false)).
			File(llb.Mkfile("/b", 0644, []byte("b")), llb.ProgressGroup("pg1", "Group One", true))
	}},
	// meta-linux-resources: RUN with memory 512MiB, swap 1GiB, cpu shares 512, period 100000, quota 50000, cpuset 0-1 / 0.
	{name: "meta-linux-resources", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"true"}), llb.WithLinuxResources(llb.LinuxResources{
			Memory:     536870912,
			MemorySwap: 1073741824,
			CPUShares:  512,
			CPUPeriod:  100000,
			CPUQuota:   50000,
			CpusetCpus: "0-1",
			CpusetMems: "0",
		})).Root()
	}},
	// meta-memory-limit: RUN with only MemoryLimit(1048576) set through the single-field option.
	{name: "meta-memory-limit", build: func() llb.State {
		return llb.Image("busybox").Run(llb.Args([]string{"true"}), llb.MemoryLimit(1048576)).Root()
	}},
	// meta-marshal-custom-name: busybox + mkfile, marshaled with WithCustomName("everything") applied to every op.
	{name: "meta-marshal-custom-name", build: func() llb.State {
		return llb.Image("busybox").File(llb.Mkfile("/f", 0644, []byte("f")))
	}, marshal: []llb.ConstraintsOpt{llb.WithCustomName("everything")}},
	// passthrough-requires: busybox that Requires ("dep-id") local context and alpine:3.19.
	{name: "passthrough-requires", build: func() llb.State {
		return llb.Image("busybox").Requires("dep-id", llb.Local("context"), llb.Image("alpine:3.19"))
	}},

	// ------------------------------------------------------------ source maps

	// sourcemap-one-location: source map for file "Dockerfile" (language Dockerfile, data catalogDockerfile,
	// state = local "dockerfile"); image at line 1 and RUN at line 2 each carry one location.
	{name: "sourcemap-one-location", build: func() llb.State {
		dfState := llb.Local("dockerfile")
		sm := llb.NewSourceMap(&dfState, "Dockerfile", "Dockerfile", catalogDockerfile)
		return llb.Image("busybox", sm.Location([]*pb.Range{{Start: &pb.Position{Line: 1}, End: &pb.Position{Line: 1}}})).
			Run(llb.Args([]string{"/bin/sh", "-c", "echo hi"}),
				sm.Location([]*pb.Range{{Start: &pb.Position{Line: 2}, End: &pb.Position{Line: 2}}})).Root()
	}},
	// sourcemap-multi-range: one op with a two-range location (lines 1-2 and 4 col 3-7) and a second location from another map without state.
	{name: "sourcemap-multi-range", build: func() llb.State {
		dfState := llb.Local("dockerfile")
		sm := llb.NewSourceMap(&dfState, "Dockerfile", "Dockerfile", catalogDockerfile)
		other := llb.NewSourceMap(nil, "other.hcl", "HCL", []byte("target {}\n"))
		return llb.Scratch().File(llb.Mkdir("/x", 0755),
			sm.Location([]*pb.Range{
				{Start: &pb.Position{Line: 1}, End: &pb.Position{Line: 2}},
				{Start: &pb.Position{Line: 4, Character: 3}, End: &pb.Position{Line: 4, Character: 7}},
			}),
			other.Location([]*pb.Range{{Start: &pb.Position{Line: 1}, End: &pb.Position{Line: 1}}}))
	}},
	// sourcemap-shared-op: the same image used twice (mount and root) with the same location; the map is stored once.
	{name: "sourcemap-shared-op", build: func() llb.State {
		sm := llb.NewSourceMap(nil, "Dockerfile", "Dockerfile", catalogDockerfile)
		loc := sm.Location([]*pb.Range{{Start: &pb.Position{Line: 1}, End: &pb.Position{Line: 1}}})
		img := llb.Image("busybox", loc)
		return img.Run(llb.Args([]string{"true"}), llb.AddMount("/ro", img, llb.Readonly), loc).Root()
	}},

	// ------------------------------------------------------ definition ops

	// definition-run: a marshaled definition (busybox for linux/arm64, RUN echo hi with IgnoreCache) loaded
	// with NewDefinitionOp; llb.NewState(op) takes no platform from the op (it has no Platform method), so
	// the RUN ls on top is linux/amd64; the terminal op's caps count the ignore-cache metadata of the loaded op.
	// (A definition with no ops fails to marshal: "cannot marshal empty definition op".)
	{name: "definition-run", build: func() llb.State {
		inner := llb.Image("busybox", llb.Platform(ocispecs.Platform{OS: "linux", Architecture: "arm64"})).
			Run(llb.Args([]string{"echo", "hi"}), llb.IgnoreCache).Root()
		return catalogDefinitionState(inner).Run(llb.Args([]string{"ls"})).Root()
	}},
	// definition-two-outputs-sourcemap: the loaded definition's head copies from one mount of an exec onto
	// another (outputs 2 and 1 of the same op); the exec carries a source location (line 2, source map with
	// state local "dockerfile"), the copy another (line 1). The exec is loaded as two DefinitionOps, so its
	// location is listed twice; the source map's state is re-marshaled from its definition. A mkdir on top.
	{name: "definition-two-outputs-sourcemap", build: func() llb.State {
		dfState := llb.Local("dockerfile")
		sm := llb.NewSourceMap(&dfState, "Dockerfile", "Dockerfile", catalogDockerfile)
		es := llb.Image("busybox").Run(llb.Args([]string{"true"}),
			llb.AddMount("/a", llb.Scratch()), llb.AddMount("/b", llb.Scratch()),
			sm.Location([]*pb.Range{{Start: &pb.Position{Line: 2}, End: &pb.Position{Line: 2}}}))
		inner := es.GetMount("/b").File(llb.Copy(es.GetMount("/a"), "/", "/a"),
			sm.Location([]*pb.Range{{Start: &pb.Position{Line: 1}, End: &pb.Position{Line: 1}}}))
		return catalogDefinitionState(inner).File(llb.Mkdir("/x", 0755))
	}},
	// definition-mount-and-root: the same loaded definition (an exec's /out mount, output 1) as the root of a
	// RUN and as a read-only mount of it, plus a second loading of the same definition as another mount.
	{name: "definition-mount-and-root", build: func() llb.State {
		inner := llb.Image("busybox").Run(llb.Args([]string{"/bin/sh", "-c", "echo x > /out/x"}),
			llb.AddMount("/out", llb.Scratch())).GetMount("/out")
		a := catalogDefinitionState(inner)
		b := catalogDefinitionState(inner)
		return a.Run(llb.Args([]string{"true"}), llb.AddMount("/ro", a, llb.Readonly), llb.AddMount("/again", b, llb.Readonly)).Root()
	}},
}

// catalogDefinitionState marshals st with catalogMarshalDefaults and loads the result
// back as a state with llb.NewDefinitionOp (as a gateway client's Inputs does).
func catalogDefinitionState(st llb.State) llb.State {
	def, err := st.Marshal(context.Background(), catalogMarshalDefaults...)
	if err != nil {
		panic(err)
	}
	op, err := llb.NewDefinitionOp(def.ToPB())
	if err != nil {
		panic(err)
	}
	return llb.NewState(op)
}

// marshalCatalogCase marshals one case exactly as described at the top of this file.
func marshalCatalogCase(ctx context.Context, c catalogCase) ([]byte, error) {
	opts := append(append([]llb.ConstraintsOpt{}, catalogMarshalDefaults...), c.marshal...)
	def, err := c.build().Marshal(ctx, opts...)
	if err != nil {
		return nil, err
	}
	return deterministicDefinition(def)
}

// deterministicDefinition encodes the Definition llb.WriteTo would write, with sorted map entries.
func deterministicDefinition(def *llb.Definition) ([]byte, error) {
	return proto.MarshalOptions{Deterministic: true}.Marshal(def.ToPB())
}

func cmdLLBCatalog(args []string, _ io.Reader, stdout io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("llb-catalog takes no arguments")
	}
	ctx := context.Background()
	seen := map[string]bool{}
	enc := json.NewEncoder(stdout)
	for _, c := range catalogCases {
		if seen[c.name] {
			return fmt.Errorf("duplicate catalog case %q", c.name)
		}
		seen[c.name] = true
		dt, err := marshalCatalogCase(ctx, c)
		if err != nil {
			return fmt.Errorf("catalog case %s: %w", c.name, err)
		}
		if err := enc.Encode(struct {
			Name string `json:"name"`
			Def  string `json:"def"`
		}{c.name, base64.StdEncoding.EncodeToString(dt)}); err != nil {
			return err
		}
	}
	return nil
}
