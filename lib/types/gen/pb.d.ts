import type { MessageDesc, Int64 } from '../protobuf/registry.js';
/** Enum pb.NetMode. */
export declare const NetMode: {
    readonly UNSET: 0;
    readonly HOST: 1;
    readonly NONE: 2;
};
export type NetMode = (typeof NetMode)[keyof typeof NetMode];
/** Enum pb.SecurityMode. */
export declare const SecurityMode: {
    readonly SANDBOX: 0;
    readonly INSECURE: 1;
};
export type SecurityMode = (typeof SecurityMode)[keyof typeof SecurityMode];
/** Enum pb.MountType. */
export declare const MountType: {
    readonly BIND: 0;
    readonly SECRET: 1;
    readonly SSH: 2;
    readonly CACHE: 3;
    readonly TMPFS: 4;
};
export type MountType = (typeof MountType)[keyof typeof MountType];
/** Enum pb.MountContentCache. */
export declare const MountContentCache: {
    readonly DEFAULT: 0;
    readonly ON: 1;
    readonly OFF: 2;
};
export type MountContentCache = (typeof MountContentCache)[keyof typeof MountContentCache];
/** Enum pb.CacheSharingOpt. */
export declare const CacheSharingOpt: {
    readonly SHARED: 0;
    readonly PRIVATE: 1;
    readonly LOCKED: 2;
};
export type CacheSharingOpt = (typeof CacheSharingOpt)[keyof typeof CacheSharingOpt];
/** Message pb.Op. */
export interface Op {
    inputs?: Input[];
    op?: {
        case: 'exec';
        value: ExecOp;
    } | {
        case: 'source';
        value: SourceOp;
    } | {
        case: 'file';
        value: FileOp;
    } | {
        case: 'build';
        value: BuildOp;
    } | {
        case: 'merge';
        value: MergeOp;
    } | {
        case: 'diff';
        value: DiffOp;
    } | {
        case: 'passthrough';
        value: PassthroughOp;
    };
    platform?: Platform;
    constraints?: WorkerConstraints;
}
export declare const Op: MessageDesc<Op>;
/** Message pb.Platform. */
export interface Platform {
    Architecture?: string;
    OS?: string;
    Variant?: string;
    OSVersion?: string;
    OSFeatures?: string[];
}
export declare const Platform: MessageDesc<Platform>;
/** Message pb.Input. */
export interface Input {
    digest?: string;
    index?: Int64;
}
export declare const Input: MessageDesc<Input>;
/** Message pb.ExecOp. */
export interface ExecOp {
    meta?: Meta;
    mounts?: Mount[];
    network?: NetMode;
    security?: SecurityMode;
    secretenv?: SecretEnv[];
    cdiDevices?: CDIDevice[];
}
export declare const ExecOp: MessageDesc<ExecOp>;
/** Message pb.Meta. */
export interface Meta {
    args?: string[];
    env?: string[];
    cwd?: string;
    user?: string;
    proxy_env?: ProxyEnv;
    extraHosts?: HostIP[];
    hostname?: string;
    ulimit?: Ulimit[];
    cgroupParent?: string;
    removeMountStubsRecursive?: boolean;
    validExitCodes?: number[];
}
export declare const Meta: MessageDesc<Meta>;
/** Message pb.HostIP. */
export interface HostIP {
    Host?: string;
    IP?: string;
}
export declare const HostIP: MessageDesc<HostIP>;
/** Message pb.Ulimit. */
export interface Ulimit {
    Name?: string;
    Soft?: Int64;
    Hard?: Int64;
}
export declare const Ulimit: MessageDesc<Ulimit>;
/** Message pb.SecretEnv. */
export interface SecretEnv {
    ID?: string;
    name?: string;
    optional?: boolean;
}
export declare const SecretEnv: MessageDesc<SecretEnv>;
/** Message pb.CDIDevice. */
export interface CDIDevice {
    name?: string;
    optional?: boolean;
}
export declare const CDIDevice: MessageDesc<CDIDevice>;
/** Message pb.Mount. */
export interface Mount {
    input?: Int64;
    selector?: string;
    dest?: string;
    output?: Int64;
    readonly?: boolean;
    mountType?: MountType;
    TmpfsOpt?: TmpfsOpt;
    cacheOpt?: CacheOpt;
    secretOpt?: SecretOpt;
    SSHOpt?: SSHOpt;
    resultID?: string;
    contentCache?: MountContentCache;
}
export declare const Mount: MessageDesc<Mount>;
/** Message pb.TmpfsOpt. */
export interface TmpfsOpt {
    size?: Int64;
}
export declare const TmpfsOpt: MessageDesc<TmpfsOpt>;
/** Message pb.CacheOpt. */
export interface CacheOpt {
    ID?: string;
    sharing?: CacheSharingOpt;
}
export declare const CacheOpt: MessageDesc<CacheOpt>;
/** Message pb.SecretOpt. */
export interface SecretOpt {
    ID?: string;
    uid?: number;
    gid?: number;
    mode?: number;
    optional?: boolean;
}
export declare const SecretOpt: MessageDesc<SecretOpt>;
/** Message pb.SSHOpt. */
export interface SSHOpt {
    ID?: string;
    uid?: number;
    gid?: number;
    mode?: number;
    optional?: boolean;
}
export declare const SSHOpt: MessageDesc<SSHOpt>;
/** Message pb.SourceOp. */
export interface SourceOp {
    identifier?: string;
    attrs?: {
        [key: string]: string;
    };
}
export declare const SourceOp: MessageDesc<SourceOp>;
/** Message pb.BuildOp. */
export interface BuildOp {
    builder?: Int64;
    inputs?: {
        [key: string]: BuildInput;
    };
    def?: Definition;
    attrs?: {
        [key: string]: string;
    };
}
export declare const BuildOp: MessageDesc<BuildOp>;
/** Message pb.BuildInput. */
export interface BuildInput {
    input?: Int64;
}
export declare const BuildInput: MessageDesc<BuildInput>;
/** Message pb.OpMetadata. */
export interface OpMetadata {
    ignore_cache?: boolean;
    description?: {
        [key: string]: string;
    };
    export_cache?: ExportCache;
    caps?: {
        [key: string]: boolean;
    };
    progress_group?: ProgressGroup;
    linux_resources?: LinuxResources;
}
export declare const OpMetadata: MessageDesc<OpMetadata>;
/** Message pb.Source. */
export interface Source {
    locations?: {
        [key: string]: Locations;
    };
    infos?: SourceInfo[];
}
export declare const Source: MessageDesc<Source>;
/** Message pb.Locations. */
export interface Locations {
    locations?: Location[];
}
export declare const Locations: MessageDesc<Locations>;
/** Message pb.SourceInfo. */
export interface SourceInfo {
    filename?: string;
    data?: Uint8Array;
    definition?: Definition;
    language?: string;
}
export declare const SourceInfo: MessageDesc<SourceInfo>;
/** Message pb.Location. */
export interface Location {
    sourceIndex?: number;
    ranges?: Range[];
}
export declare const Location: MessageDesc<Location>;
/** Message pb.Range. */
export interface Range {
    start?: Position;
    end?: Position;
}
export declare const Range: MessageDesc<Range>;
/** Message pb.Position. */
export interface Position {
    line?: number;
    character?: number;
}
export declare const Position: MessageDesc<Position>;
/** Message pb.ExportCache. */
export interface ExportCache {
    Value?: boolean;
}
export declare const ExportCache: MessageDesc<ExportCache>;
/** Message pb.ProgressGroup. */
export interface ProgressGroup {
    id?: string;
    name?: string;
    weak?: boolean;
}
export declare const ProgressGroup: MessageDesc<ProgressGroup>;
/** Message pb.LinuxResources. */
export interface LinuxResources {
    memory?: Int64;
    memorySwap?: Int64;
    cpuShares?: Int64;
    cpuPeriod?: Int64;
    cpuQuota?: Int64;
    cpusetCpus?: string;
    cpusetMems?: string;
}
export declare const LinuxResources: MessageDesc<LinuxResources>;
/** Message pb.ProxyEnv. */
export interface ProxyEnv {
    http_proxy?: string;
    https_proxy?: string;
    ftp_proxy?: string;
    no_proxy?: string;
    all_proxy?: string;
}
export declare const ProxyEnv: MessageDesc<ProxyEnv>;
/** Message pb.WorkerConstraints. */
export interface WorkerConstraints {
    filter?: string[];
}
export declare const WorkerConstraints: MessageDesc<WorkerConstraints>;
/** Message pb.Definition. */
export interface Definition {
    def?: Uint8Array[];
    metadata?: {
        [key: string]: OpMetadata;
    };
    Source?: Source;
}
export declare const Definition: MessageDesc<Definition>;
/** Message pb.FileOp. */
export interface FileOp {
    actions?: FileAction[];
}
export declare const FileOp: MessageDesc<FileOp>;
/** Message pb.FileAction. */
export interface FileAction {
    input?: Int64;
    secondaryInput?: Int64;
    output?: Int64;
    action?: {
        case: 'copy';
        value: FileActionCopy;
    } | {
        case: 'mkfile';
        value: FileActionMkFile;
    } | {
        case: 'mkdir';
        value: FileActionMkDir;
    } | {
        case: 'rm';
        value: FileActionRm;
    } | {
        case: 'symlink';
        value: FileActionSymlink;
    };
}
export declare const FileAction: MessageDesc<FileAction>;
/** Message pb.FileActionCopy. */
export interface FileActionCopy {
    src?: string;
    dest?: string;
    owner?: ChownOpt;
    mode?: number;
    followSymlink?: boolean;
    dirCopyContents?: boolean;
    attemptUnpackDockerCompatibility?: boolean;
    createDestPath?: boolean;
    allowWildcard?: boolean;
    allowEmptyWildcard?: boolean;
    timestamp?: Int64;
    include_patterns?: string[];
    exclude_patterns?: string[];
    alwaysReplaceExistingDestPaths?: boolean;
    modeStr?: string;
    required_paths?: string[];
}
export declare const FileActionCopy: MessageDesc<FileActionCopy>;
/** Message pb.FileActionMkFile. */
export interface FileActionMkFile {
    path?: string;
    mode?: number;
    data?: Uint8Array;
    owner?: ChownOpt;
    timestamp?: Int64;
}
export declare const FileActionMkFile: MessageDesc<FileActionMkFile>;
/** Message pb.FileActionSymlink. */
export interface FileActionSymlink {
    oldpath?: string;
    newpath?: string;
    owner?: ChownOpt;
    timestamp?: Int64;
}
export declare const FileActionSymlink: MessageDesc<FileActionSymlink>;
/** Message pb.FileActionMkDir. */
export interface FileActionMkDir {
    path?: string;
    mode?: number;
    makeParents?: boolean;
    owner?: ChownOpt;
    timestamp?: Int64;
}
export declare const FileActionMkDir: MessageDesc<FileActionMkDir>;
/** Message pb.FileActionRm. */
export interface FileActionRm {
    path?: string;
    allowNotFound?: boolean;
    allowWildcard?: boolean;
}
export declare const FileActionRm: MessageDesc<FileActionRm>;
/** Message pb.ChownOpt. */
export interface ChownOpt {
    user?: UserOpt;
    group?: UserOpt;
}
export declare const ChownOpt: MessageDesc<ChownOpt>;
/** Message pb.UserOpt. */
export interface UserOpt {
    user?: {
        case: 'byName';
        value: NamedUserOpt;
    } | {
        case: 'byID';
        value: number;
    };
}
export declare const UserOpt: MessageDesc<UserOpt>;
/** Message pb.NamedUserOpt. */
export interface NamedUserOpt {
    name?: string;
    input?: Int64;
}
export declare const NamedUserOpt: MessageDesc<NamedUserOpt>;
/** Message pb.MergeInput. */
export interface MergeInput {
    input?: Int64;
}
export declare const MergeInput: MessageDesc<MergeInput>;
/** Message pb.MergeOp. */
export interface MergeOp {
    inputs?: MergeInput[];
}
export declare const MergeOp: MessageDesc<MergeOp>;
/** Message pb.LowerDiffInput. */
export interface LowerDiffInput {
    input?: Int64;
}
export declare const LowerDiffInput: MessageDesc<LowerDiffInput>;
/** Message pb.UpperDiffInput. */
export interface UpperDiffInput {
    input?: Int64;
}
export declare const UpperDiffInput: MessageDesc<UpperDiffInput>;
/** Message pb.DiffOp. */
export interface DiffOp {
    lower?: LowerDiffInput;
    upper?: UpperDiffInput;
}
export declare const DiffOp: MessageDesc<DiffOp>;
/** Message pb.PassthroughOp. */
export interface PassthroughOp {
    id?: string;
    outputs?: Int64[];
}
export declare const PassthroughOp: MessageDesc<PassthroughOp>;
