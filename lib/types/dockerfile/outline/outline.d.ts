import type { Outline } from '../../subrequests/outline.js';
import { type ConvertOptions } from '../convert/index.js';
/**
 * The outline of the target of a conversion with these options (upstream's
 * subrequests leave the target platform implicit). Throws DockerfileError
 * for bad input.
 */
export declare function computeOutline(dockerfile: Uint8Array, opt?: ConvertOptions): Promise<Outline>;
