// The Dockerfile -> LLB converter. Used by the CLI (`llb`) and the gateway
// frontend alike; it knows nothing about gRPC.

export { convertDockerfile, marshalBuild } from './convert.ts';
export type { ConvertOptions, ConvertResult, DispatchedStage, ImageResolveMode, NetMode, NamedContextHooks, SourceRef, SourceTime, Ulimit } from './types.ts';
export { marshalImage, imageToJSON, parseImage, type Image } from './image.ts';
export { parsePlatform, normalizePlatform, formatPlatform, formatPlatformAll, DEFAULT_PLATFORM, type Platform } from './platform.ts';
export { lintDockerfile, type LintOptions } from './lint.ts';
export { stagesDepthFirst } from './stage-state.ts';
