// LLB capability IDs (BuildKit solver/pb/caps.go) that the SDK records in
// op metadata, so a daemon can refuse a definition it cannot run.
export const Caps = {
  sourceImage: 'source.image',
  sourceImageResolveMode: 'source.image.resolvemode',
  sourceImageLayerLimit: 'source.image.layerlimit',
  sourceImageChecksum: 'source.image.checksum',
  sourceLocal: 'source.local',
  sourceLocalUnique: 'source.local.unique',
  sourceLocalSessionID: 'source.local.sessionid',
  sourceLocalIncludePatterns: 'source.local.includepatterns',
  sourceLocalFollowPaths: 'source.local.followpaths',
  sourceLocalExcludePatterns: 'source.local.excludepatterns',
  sourceLocalSharedKeyHint: 'source.local.sharedkeyhint',
  sourceLocalDiffer: 'source.local.differ',
  sourceMetadataTransfer: 'source.local.metadatatransfer',
  sourceGit: 'source.git',
  sourceGitKeepDir: 'source.git.keepgitdir',
  sourceGitFullURL: 'source.git.fullurl',
  sourceGitHTTPAuth: 'source.git.httpauth',
  sourceGitKnownSSHHosts: 'source.git.knownsshhosts',
  sourceGitMountSSHSock: 'source.git.mountsshsock',
  sourceGitChecksum: 'source.git.checksum',
  sourceGitSkipSubmodules: 'source.git.skipsubmodules',
  sourceGitMTime: 'source.git.mtime',
  sourceGitFetchByCommit: 'source.git.fetchbycommit',
  sourceGitBundle: 'source.git.bundle',
  sourceGitCheckoutBundle: 'source.git.checkoutbundle',
  sourceHTTP: 'source.http',
  sourceHTTPAuth: 'source.http.auth',
  sourceHTTPChecksum: 'source.http.checksum',
  sourceHTTPPerm: 'source.http.perm',
  // Upstream's spelling, typo included: the daemon matches this exact string.
  sourceHTTPUIDGID: 'soruce.http.uidgid',
  sourceHTTPHeader: 'source.http.header',
  sourceImageBlob: 'source.imageblob',
  sourceOCILayout: 'source.ocilayout',
  execMetaBase: 'exec.meta.base',
  execMetaNetwork: 'exec.meta.network',
  execMetaProxy: 'exec.meta.proxyenv',
  execMetaSecurity: 'exec.meta.security',
  execMetaSetsDefaultPath: 'exec.meta.setsdefaultpath',
  execMetaUlimit: 'exec.meta.ulimit',
  execMetaCDI: 'exec.meta.cdi',
  execMetaLinuxResources: 'exec.meta.linux.resources',
  execMountBind: 'exec.mount.bind',
  execMountCache: 'exec.mount.cache',
  execMountCacheSharing: 'exec.mount.cache.sharing',
  execMountSelector: 'exec.mount.selector',
  execMountTmpfs: 'exec.mount.tmpfs',
  execMountTmpfsSize: 'exec.mount.tmpfs.size',
  execMountSecret: 'exec.mount.secret',
  execMountSSH: 'exec.mount.ssh',
  execMountContentCache: 'exec.mount.cache.content',
  execSecretEnv: 'exec.secretenv',
  execValidExitCode: 'exec.validexitcode',
  fileBase: 'file.base',
  constraints: 'constraints',
  platform: 'platform',
  metaIgnoreCache: 'meta.ignorecache',
  metaDescription: 'meta.description',
  metaExportCache: 'meta.exportcache',
  mergeOp: 'mergeop',
  diffOp: 'diffop',
  passthroughOp: 'passthroughop',
} as const;

/** The capabilities a build daemon (or gateway) reports as supported. */
export interface CapSet {
  supports(id: string): boolean;
}

/** A CapSet from a list of supported capability IDs. */
export function capSet(ids: Iterable<string>): CapSet {
  const s = new Set(ids);
  return { supports: (id) => s.has(id) };
}

/**
 * Every LLB capability BuildKit v0.32.2's solver/pb/caps.go declares (its
 * `Caps.Init` calls): all experimental, but `file.base`, a prerelease one with
 * a hint of the version that added it; `exporter.sourcedateepoch` alone has a
 * name. Two IDs there are never declared (`exec.meta.removemountstubs.recursive`,
 * `file.copy.modestring`), so a Go client knows them as unknown.
 */
const DECLARED_LLB_CAPS: ReadonlySet<string> = new Set(
  (
    'source.image source.image.resolvemode source.image.layerlimit source.image.checksum source.local source.local.unique ' +
    'source.local.sessionid source.local.includepatterns source.local.followpaths source.local.excludepatterns ' +
    'source.local.sharedkeyhint source.local.differ source.local.metadatatransfer source.git source.git.keepgitdir ' +
    'source.git.fullurl source.git.httpauth source.git.knownsshhosts source.git.mountsshsock source.git.subdir ' +
    'source.git.checksum source.git.skipsubmodules source.git.signatureverify source.git.mtime source.git.fetchbycommit ' +
    'source.git.bundle source.git.checkoutbundle source.http source.http.auth source.http.checksum source.http.perm ' +
    'soruce.http.uidgid source.http.header source.http.signatureverify source.imageblob source.ocilayout ' +
    'source.buildop.llbfilename exec.meta.base exec.meta.cgroup.parent exec.meta.network exec.meta.network.proxy ' +
    'exec.meta.proxyenv exec.meta.security exec.meta.security.devices.v1 exec.meta.setsdefaultpath exec.meta.ulimit ' +
    'exec.meta.cdi exec.meta.linux.resources exec.mount.bind exec.mount.bind.readwrite-nooutput exec.mount.cache ' +
    'exec.mount.cache.sharing exec.mount.selector exec.mount.tmpfs exec.mount.tmpfs.size exec.mount.secret exec.mount.ssh ' +
    'exec.mount.cache.content exec.cgroup exec.secretenv exec.validexitcode file.base file.rm.wildcard ' +
    'file.copy.includeexcludepatterns file.copy.requiredpaths file.rm.nofollowsymlink file.copy.alwaysreplaceexistingdestpaths ' +
    'file.symlink.create constraints platform meta.ignorecache meta.description meta.exportcache cache.gha cache.s3 ' +
    'cache.azblob mergeop diffop passthroughop exporter.image.annotations exporter.image.attestations ' +
    'exporter.sourcedateepoch exporter.multiple exporter.session source.policy source.policy.session gc.freespacefilter ' +
    'history.filter'
  ).split(' '),
);
/** file.base's SupportedHint, by product. */
const FILE_BASE_HINTS = new Map([
  ['docker', 'Docker v19.03'],
  ['buildkit', 'BuildKit v0.5.0'],
]);

/** A capability as a daemon reports it (moby.buildkit.v1.apicaps.APICap). */
export interface ReportedCap {
  ID?: string;
  Enabled?: boolean;
  DisabledReasonMsg?: string;
}

/**
 * The LLB capabilities of a daemon as BuildKit's Go client sees them
 * (apicaps.CapSet over solver/pb's list): a capability is supported when the
 * client declares it and the daemon reports it enabled. `unsupported` gives
 * the text of the error Go's client fails with otherwise (apicaps.CapError),
 * `product` being the name the daemon gave (BUILDKIT_EXPORTEDPRODUCT).
 */
export class ReportedCaps implements CapSet {
  private readonly reported = new Map<string, ReportedCap>();
  constructor(
    reported: readonly ReportedCap[] | undefined,
    private readonly product: string,
  ) {
    for (const c of reported ?? []) this.reported.set(c.ID ?? '', c);
  }

  supports(id: string): boolean {
    return this.unsupported(id) === undefined;
  }

  unsupported(id: string): string | undefined {
    if (!DECLARED_LLB_CAPS.has(id)) return `unknown API capability ${id}`;
    const state = this.reported.get(id);
    if (state?.Enabled === true) return undefined;
    const prerelease = id === 'file.base';
    const name = id === 'exporter.sourcedateepoch' ? '(source date epoch)' : '';
    const head = `requested ${prerelease ? 'prerelease' : 'experimental'} feature ${id} ${name}`;
    if (state === undefined) {
      const hint = prerelease ? FILE_BASE_HINTS.get(this.product) : undefined;
      return `${head} is not supported by build server${hint === undefined ? '' : ` (added in ${hint})`}, please update ${this.product}`;
    }
    return `${head} has been disabled on the build server${state.DisabledReasonMsg ? `: ${state.DisabledReasonMsg}` : ''}`;
  }
}
