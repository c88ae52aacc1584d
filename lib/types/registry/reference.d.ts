/** Upstream's RepositoryNameTotalLengthMax (applies to the path, not the domain). */
export declare const NAME_TOTAL_LENGTH_MAX = 255;
export declare const ERR_REFERENCE_INVALID_FORMAT = "invalid reference format";
export declare const ERR_TAG_INVALID_FORMAT = "invalid tag format";
export declare const ERR_DIGEST_INVALID_FORMAT = "invalid digest format";
export declare const ERR_NAME_CONTAINS_UPPERCASE = "repository name must be lowercase";
export declare const ERR_NAME_EMPTY = "repository name must have at least one component";
export declare const ERR_NAME_TOO_LONG = "repository name must not be more than 255 characters";
export declare const ERR_NAME_NOT_CANONICAL = "repository name must be canonical";
export declare class ReferenceFormatError extends Error {
    constructor(message: string);
}
/** A reference with a repository name, and optionally a tag and/or a digest. */
export declare class NamedReference {
    /** Registry host[:port]; '' when the reference has none (only from `parse`). */
    readonly domain: string;
    readonly path: string;
    readonly tag?: string | undefined;
    readonly digest?: string | undefined;
    constructor(
    /** Registry host[:port]; '' when the reference has none (only from `parse`). */
    domain: string, path: string, tag?: string | undefined, digest?: string | undefined);
    get name(): string;
    toString(): string;
    /** The short form users type: docker.io and library/ dropped (upstream's Familiar). */
    familiar(): NamedReference;
}
/** A bare digest (only `parseAnyReference` produces one). */
export declare class DigestReference {
    readonly digest: string;
    constructor(digest: string);
    toString(): string;
}
export type Reference = NamedReference | DigestReference;
/** `[\w][\w.-]{0,127}` */
export declare function isValidTag(s: string): boolean;
/** reference.Parse: no normalization; "foo/bar" has domain "foo". */
export declare function parse(s: string): NamedReference;
/** reference.ParseNormalizedNamed: "alpine" is docker.io/library/alpine. */
export declare function parseNormalizedNamed(s: string): NamedReference;
/** reference.IsNameOnly */
export declare function isNameOnly(ref: NamedReference): boolean;
/** reference.TagNameOnly: adds ":latest" when there is neither tag nor digest. */
export declare function tagNameOnly(ref: NamedReference): NamedReference;
/** reference.WithName */
export declare function withName(name: string): NamedReference;
/** reference.WithTag: keeps an existing digest. */
export declare function withTag(ref: NamedReference, tag: string): NamedReference;
/** reference.WithDigest: keeps an existing tag, so "a:1" becomes "a:1@sha256:…". */
export declare function withDigest(ref: NamedReference, digest: string): NamedReference;
/** reference.TrimNamed: the repository alone. */
export declare function trimNamed(ref: NamedReference): NamedReference;
/** reference.FamiliarName: "docker.io/library/alpine" is "alpine". */
export declare function familiarName(ref: NamedReference): string;
/** reference.FamiliarString: the familiar name with tag and digest. */
export declare function familiarString(ref: Reference): string;
/** reference.ParseDockerRef: normalized, tagged latest, and a tag next to a digest dropped. */
export declare function parseDockerRef(s: string): NamedReference;
/** reference.ParseAnyReference: also accepts an image ID or a bare digest. */
export declare function parseAnyReference(s: string): Reference;
/** reference.ParseNamed: like parseNormalizedNamed, but the input must already be canonical. */
export declare function parseNamed(s: string): NamedReference;
