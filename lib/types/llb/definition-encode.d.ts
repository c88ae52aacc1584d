import type { Definition } from './definition.js';
export declare function encodeDefinition(def: Definition): Uint8Array;
