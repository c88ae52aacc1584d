import { type ParseRequest } from './request.js';
import type { AddCommand, CopyCommand } from './types.js';
export declare function parseAdd(req: ParseRequest): AddCommand;
export declare function parseCopy(req: ParseRequest): CopyCommand;
