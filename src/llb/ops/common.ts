// What every op shares when it marshals: Go's MarshalConstraints (the op's
// own constraints laid over the marshal-wide ones) and the final encoding.
import type { Constraints, OpMetadata } from '../constraints.ts';
import { isEmptyMetadata, mergeMetadata, shareMetadata } from '../constraints.ts';
import { defaultPlatform } from '../platform.ts';
import type { Platform } from '../../platform/platform.ts';
import type { SourceLocation } from '../sourcemap.ts';
import { encodeOp } from '../op-encode.ts';
import type { Op as PbOp, Platform as PbPlatform, WorkerConstraints as PbWorkerConstraints } from '../../gen/pb.ts';
import type { MarshaledVertex } from '../vertex.ts';
import { sha256Digest } from '../vertex.ts';

export function platformToPb(p: Platform): PbPlatform {
  const out: PbPlatform = { Architecture: p.architecture, OS: p.os };
  if (p.variant) out.Variant = p.variant;
  if (p.osVersion) out.OSVersion = p.osVersion;
  if (p.osFeatures && p.osFeatures.length > 0) out.OSFeatures = [...p.osFeatures];
  return out;
}

const pbPlatforms = new WeakMap<Platform, PbPlatform>();

/** platformToPb, made once per platform object (ops of one marshal share theirs); only read by the encoder. */
function sharedPlatformPb(p: Platform): PbPlatform {
  let pb = pbPlatforms.get(p);
  if (pb === undefined) {
    pb = platformToPb(p);
    pbPlatforms.set(p, pb);
  }
  return pb;
}

// Shared by every op without worker constraints; nothing changes an op's constraints after this.
const NO_WORKER_CONSTRAINTS: PbWorkerConstraints = Object.freeze({ filter: [] });

/** The op skeleton (platform, worker constraints) and metadata for an op. */
export function marshalConstraints(base: Constraints, own: Constraints): { op: PbOp; metadata: OpMetadata } {
  const platform = own.platform ?? base.platform ?? defaultPlatform();
  return {
    op: {
      platform: sharedPlatformPb(platform),
      constraints:
        base.workerConstraints.length === 0 && own.workerConstraints.length === 0
          ? NO_WORKER_CONSTRAINTS
          : { filter: [...base.workerConstraints, ...own.workerConstraints] },
    },
    // Usually the marshal-wide metadata is empty: then the op's own (a per-marshal copy) is the result.
    metadata: isEmptyMetadata(base.metadata) ? own.metadata : mergeMetadata(base.metadata, own.metadata),
  };
}

const NO_LOCATIONS: readonly SourceLocation[] = [];

export function finishOp(op: PbOp, metadata: OpMetadata, own: Constraints): MarshaledVertex {
  const bytes = encodeOp(op);
  // Most ops have no source locations: one shared empty list then, not the (cloned) empty array of each op.
  const sourceLocations = own.sourceLocations.length === 0 ? NO_LOCATIONS : own.sourceLocations;
  return { digest: sha256Digest(bytes), bytes, metadata: shareMetadata(metadata), sourceLocations };
}
