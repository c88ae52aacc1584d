import type { Constraints, OpMetadata } from '../constraints.js';
import type { Platform } from '../../platform/platform.js';
import type { Op as PbOp, Platform as PbPlatform } from '../../gen/pb.js';
import type { MarshaledVertex } from '../vertex.js';
export declare function platformToPb(p: Platform): PbPlatform;
/** The op skeleton (platform, worker constraints) and metadata for an op. */
export declare function marshalConstraints(base: Constraints, own: Constraints): {
    op: PbOp;
    metadata: OpMetadata;
};
export declare function finishOp(op: PbOp, metadata: OpMetadata, own: Constraints): MarshaledVertex;
