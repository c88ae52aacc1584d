import { type ParseRequest } from './request.js';
import type { CmdCommand, EntrypointCommand, HealthCheckCommand, RunCommand } from './types.js';
/** Exec form keeps the JSON array; shell form joins the words into one string. */
export declare function handleJSONArgs(args: readonly string[], json: boolean): string[];
export declare function parseRun(req: ParseRequest): RunCommand;
export declare function parseCmd(req: ParseRequest): CmdCommand;
export declare function parseEntrypoint(req: ParseRequest): EntrypointCommand;
export declare function parseHealthcheck(req: ParseRequest): HealthCheckCommand;
