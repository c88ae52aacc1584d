// The LLB SDK: build BuildKit LLB graphs with immutable states and marshal
// them into byte-identical pb.Definitions (as Go's client/llb would).
//
//   import * as llb from './llb/index.ts';
//   const st = llb.image('alpine').run({ shlex: 'apk add git' }).root();
//   const bytes = st.marshal({ platform: { os: 'linux', architecture: 'amd64' } }).encode();
//
// Nothing here knows about Dockerfiles.

export { State, ExecState } from './state.ts';
export type { RunMount, RunSecret, RunSSH, RunOptions } from './state.ts';
export { scratch, image, resolvedImage, local, git, http, ociLayout, merge, diff } from './sources.ts';
export type {
  ImageOptions,
  ImageMetaResolver,
  ResolveMode,
  LocalOptions,
  GitOptions,
  HTTPOptions,
  OCILayoutOptions,
} from './sources.ts';
export { definitionState, DefinitionOp } from './ops/definition.ts';
export { FileAction, BoundFileAction, mkdir, mkfile, rm, symlink, copy, chownFromString } from './ops/file.ts';
export type {
  ChownOption,
  UserRef,
  CreatedTime,
  MkdirOptions,
  MkfileOptions,
  SymlinkOptions,
  RmOptions,
  CopyOptions,
} from './ops/file.ts';
export type { CacheSharing, ContentCache, NetworkMode, SecurityMode, ProxyEnv, CDIDevice } from './ops/exec.ts';
export type { ConstraintsOptions, ProgressGroup, LinuxResources, OpMetadata } from './constraints.ts';
export { Definition, definitionOps } from './definition.ts';
export { newID } from './identity.ts';
export { SourceMap } from './sourcemap.ts';
export type { SourceLocation, Range, Position } from './sourcemap.ts';
export { Caps, capSet, ReportedCaps } from './caps.ts';
export type { CapSet } from './caps.ts';
export { defaultPlatform } from './platform.ts';
export type { Platform } from '../platform/platform.ts';
export { EnvList } from './env.ts';
export { LLBError } from './errors.ts';
export type { LLBErrorCode } from './errors.ts';
export { parseNormalizedNamed, tagNameOnly, formatReference } from './reference.ts';
export type { ImageReference } from './reference.ts';
export { opToGoJSON, dumpDefinition } from './dump.ts';
export { encodeMessage } from '../protobuf/encode.ts';
export { decodeMessage, DecodeError } from '../protobuf/decode.ts';
export type { Int64, MessageDesc } from '../protobuf/registry.ts';
