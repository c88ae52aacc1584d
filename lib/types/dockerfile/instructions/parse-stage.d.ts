import { type ParseRequest } from './request.js';
import type { OnbuildCommand, Stage } from './types.js';
/** The lower-cased stage name of `FROM image [AS name]`, or `""` without AS. */
export declare function parseBuildStageName(args: readonly string[]): string;
export declare function parseFrom(req: ParseRequest): Stage;
export declare function parseOnBuild(req: ParseRequest): OnbuildCommand;
