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
