import { type ConvertOptions, type Image } from './dockerfile/convert/index.js';
import { type LintOptions, type LintResult } from './dockerfile/lint/index.js';
import type { Outline, TargetList } from './subrequests/index.js';
import type { Platform } from './dockerfile/convert/index.js';
export { parse } from './dockerfile/parser/index.js';
export type { ParseResult, InstructionNode, Heredoc, Directive, ParseWarning } from './dockerfile/parser/index.js';
export { DockerfileError } from './dockerfile/errors.js';
export { parsePlatform, formatPlatform } from './dockerfile/convert/index.js';
export type { ConvertOptions, Image, Platform, LintOptions, LintResult, Outline, TargetList };
export type { LintWarning, LintBuildError, JsonLocation, JsonRange, JsonPosition } from './dockerfile/lint/results.js';
export { RegistryResolver, type RegistryResolverOptions } from './registry/registry-client.js';
export { MetadataFileResolver, type ImageMetadata, type ImageMetadataEntry } from './registry/metadata-file.js';
export { ImageResolveError, type ImageResolver, type ResolveOptions, type ResolvedImage, type ResolveMode } from './registry/resolver.js';
export interface ConvertOutput {
    /** The marshaled pb.Definition, as `buildctl build` reads it on stdin. */
    definition: Uint8Array;
    /** The image config the build would produce. */
    image: Image;
    /** `image` as BuildKit writes it (containerimage.config bytes). */
    imageConfig: string;
    /** The platform the build is for. */
    platform: Platform;
}
/**
 * Converts a Dockerfile to LLB, as BuildKit v0.32.2's Dockerfile frontend
 * would for the same options. Throws a DockerfileError (with the line) for a
 * Dockerfile that cannot be built.
 */
export declare function convert(dockerfile: string | Uint8Array, options?: ConvertOptions): Promise<ConvertOutput>;
/**
 * Runs BuildKit's build checks (`docker build --call check`). A Dockerfile
 * that cannot be built is reported in `buildError`, not thrown.
 */
export declare function lint(dockerfile: string | Uint8Array, options?: LintOptions): Promise<LintResult>;
/** The build args, secrets and SSH sockets a target uses (`--call outline`), for the conversion options given. */
export declare function outline(dockerfile: string | Uint8Array, options?: ConvertOptions): Promise<Outline>;
/** The stages a Dockerfile can build (`--call targets`). */
export declare function targets(dockerfile: string | Uint8Array): TargetList;
