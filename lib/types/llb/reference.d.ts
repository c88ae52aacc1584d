export interface ImageReference {
    readonly domain: string;
    readonly path: string;
    readonly tag?: string;
    readonly digest?: string;
}
/** Parses and normalises a reference; throws LLBError('invalid-reference') as Go would fail. */
export declare function parseNormalizedNamed(ref: string): ImageReference;
/** Adds ":latest" when a reference has neither tag nor digest. */
export declare function tagNameOnly(r: ImageReference): ImageReference;
export declare function formatReference(r: ImageReference): string;
