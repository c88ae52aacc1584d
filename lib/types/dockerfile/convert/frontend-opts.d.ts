import type { LinuxResources } from '../../llb/index.js';
export interface Ulimit {
    name: string;
    soft: number;
    hard: number;
}
/** go-units ParseUlimit: `name=soft[:hard]`, hard defaults to soft. */
export declare function parseUlimit(val: string): Ulimit;
/** The `ulimit` option: a CSV list of go-units ulimits; empty gives none. */
export declare function parseUlimits(v: string): Ulimit[];
/** BuildKit's cpuset.Validate: `0-3,5,7-9`, elements in [0, 8192]. */
export declare function validateCpuset(s: string): void;
/**
 * dockerui's parseLinuxResources: the resource options, validated in this
 * order; undefined when none is set (or all are empty).
 */
export declare function parseLinuxResources(get: (key: string) => string | undefined): LinuxResources | undefined;
/**
 * net.ParseIP followed by IP.String, as llb.AddExtraHost does with the
 * `add-hosts` values: the canonical text, or undefined when not an IP.
 */
export declare function canonicalIP(s: string): string | undefined;
/** dockerui's parseExtraHosts: CSV `host=ip`, lower-cased; callers add "failed to parse additional hosts". */
export declare function parseExtraHosts(v: string): {
    host: string;
    ip: string;
}[];
