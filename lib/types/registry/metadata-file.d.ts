import { type ImageResolver, type ResolveOptions, type ResolvedImage } from './resolver.js';
export interface ImageMetadataEntry {
    digest: string;
    config: unknown;
}
export type ImageMetadata = Record<string, ImageMetadataEntry>;
/** Checks the file's shape up front so a typo fails before any build work. */
export declare function parseImageMetadata(text: string, source: string): ImageMetadata;
export declare class MetadataFileResolver implements ImageResolver {
    private readonly metadata;
    /** Named in errors, normally the file path. */
    private readonly source;
    /** Each entry's config as JSON bytes, made on first use (a Dockerfile resolves the same few images again and again). */
    private readonly configBytes;
    constructor(metadata: ImageMetadata, 
    /** Named in errors, normally the file path. */
    source: string);
    static fromFile(path: string): MetadataFileResolver;
    resolve(ref: string, opts: ResolveOptions): Promise<ResolvedImage>;
}
