import type { Op } from '../gen/pb.js';
/** The wire bytes of a pb.Op (what encodeMessage(Op, op) returns). */
export declare function encodeOp(op: Op): Uint8Array;
