/** An OCI image-spec platform (JSON names differ; see toOCIPlatform). */
export interface Platform {
    os: string;
    architecture: string;
    variant?: string;
    osVersion?: string;
    osFeatures?: string[];
}
/** The platform object as it appears in OCI JSON (index entries, image configs). */
export interface OCIPlatform {
    os: string;
    architecture: string;
    variant?: string;
    'os.version'?: string;
    'os.features'?: string[];
}
export declare class PlatformError extends Error {
    constructor(message: string);
}
/** This machine as containerd's DefaultSpec would describe it. */
export declare function hostPlatform(): Platform;
/** Canonical architecture and variant names (containerd's normalizeArch). */
export declare function normalizeArch(arch: string, variant: string): [string, string];
/** containerd's platforms.Normalize. */
export declare function normalizePlatform(p: Platform, host?: Platform): Platform;
/**
 * containerd's platforms.Parse: `os[(version+features)][/arch[/variant]]`, or
 * a lone OS or architecture, which borrows the rest from `host`. Throws
 * PlatformError with upstream's text.
 */
export declare function parsePlatform(specifier: string, host?: Platform): Platform;
/** containerd's platforms.Format: os/arch[/variant], ignoring version and features. */
export declare function formatPlatform(p: Platform): string;
/** containerd's platforms.FormatAll: like Format, plus `(version+features)`. */
export declare function formatPlatformAll(p: Platform): string;
export declare function toOCIPlatform(p: Platform): OCIPlatform;
export declare function fromOCIPlatform(o: OCIPlatform): Platform;
