import { type ParseRequest } from './request.js';
import type { ArgCommand, EnvCommand, ExposeCommand, LabelCommand, MaintainerCommand, ShellCommand, StopSignalCommand, UserCommand, VolumeCommand, WorkdirCommand } from './types.js';
export declare function parseEnv(req: ParseRequest): EnvCommand;
export declare function parseLabel(req: ParseRequest): LabelCommand;
export declare function parseMaintainer(req: ParseRequest): MaintainerCommand;
export declare function parseWorkdir(req: ParseRequest): WorkdirCommand;
export declare function parseUser(req: ParseRequest): UserCommand;
export declare function parseExpose(req: ParseRequest): ExposeCommand;
export declare function parseVolume(req: ParseRequest): VolumeCommand;
/** Upstream never parses STOPSIGNAL's flags, so any flag is silently ignored. */
export declare function parseStopSignal(req: ParseRequest): StopSignalCommand;
/** Upstream never parses ARG's flags either. */
export declare function parseArg(req: ParseRequest): ArgCommand;
export declare function parseShell(req: ParseRequest): ShellCommand;
