import type { Mount } from './types.js';
import type { WordExpander } from './expand-types.js';
/**
 * Parses one `--mount` value. Without `expand` only `from` is read (and
 * checked for variables); with it, every value is expanded then validated.
 */
export declare function parseMount(spec: string, expand?: WordExpander): Mount;
