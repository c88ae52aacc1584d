// The `requestid` frontend option (upstream's dockerui.HandleSubrequest and
// the handlers builder.Build passes it): describe, outline, targets and lint
// are answered with a Result that has no refs, only metadata.
import type * as gw from '../gen/moby.buildkit.v1.frontend.ts';
import * as pb from '../gen/pb.ts';
import type { Definition as PbDefinition, SourceInfo } from '../gen/pb.ts';
import type { MessageDesc, MessageObject } from '../protobuf/registry.ts';
import type { ConvertOptions } from '../dockerfile/convert/index.ts';
import { lintDockerfile } from '../dockerfile/convert/index.ts';
import { type LintResult } from '../dockerfile/lint/index.ts';
import { computeOutline, listTargetsFor } from '../dockerfile/outline/index.ts';
import { convertDockerfile } from '../dockerfile/convert/index.ts';
import { sha256Digest } from '../llb/vertex.ts';
import { decodeMessage } from '../protobuf/decode.ts';
import { protoJSON } from '../protobuf/protojson.ts';
import { REQUEST_CONVERT_LLB, REQUEST_DESCRIBE, REQUEST_LINT, REQUEST_OUTLINE, REQUEST_TARGETS, convertLLBResult, describeResult, lintResult, outlineResult, targetsResult, type LintResults, type SubrequestResult } from '../subrequests/index.ts';
import { goJSONStringify, type GoJSON } from '../go/json.ts';
import { grpcErrorText } from '../go/grpcerrors.ts';
import type { BridgeError } from './bridge.ts';
import { FrontendError, goStructValue, withLocations } from './errors.ts';

export const KEY_REQUEST_ID = 'requestid';

const TYPE_PREFIX = 'github.com/moby/buildkit/';

/** errdefs.NewUnsupportedSubrequestError: the message and an errdefs.Subrequest detail. */
export function unsupportedSubrequest(name: string): FrontendError {
  const value = new TextEncoder().encode(goJSONStringify(name === '' ? {} : { name }));
  return new FrontendError(`unsupported request ${name}`, 2, [{ type_url: TYPE_PREFIX + 'errdefs.Subrequest+json', value }]);
}

/** A subrequest's answer as a gateway Result: an empty ref (as grpcclient sends a nil Ref) and the metadata. */
export function toGatewayResult(res: SubrequestResult): gw.Result {
  const metadata: { [k: string]: Uint8Array } = {};
  for (const [k, v] of res.metadata) metadata[k] = v;
  return { result: { case: 'ref', value: {} }, metadata };
}

export interface SubrequestContext {
  data: Uint8Array;
  sourceInfo: SourceInfo;
  /** The daemon calls that failed so far (an error that carries one keeps its code and details). */
  failures?: readonly BridgeError[];
  /**
   * The options a build converts with, the target platform left implicit
   * (outline, lint and convertllb use them; their lintWarn sends Warn).
   */
  convertOptions: ConvertOptions;
}

/**
 * Answers the request, or throws upstream's error: for one this frontend does
 * not handle, or the converter's, without Dockerfile locations (upstream's
 * builder answers subrequests before it wraps errors with their source, so
 * a client shows no Dockerfile excerpt, and a `# syntax=` forwarder adds its
 * own directive's).
 */
export async function handleSubrequest(id: string, c: SubrequestContext): Promise<gw.Result> {
  try {
    return await answer(id, c);
  } catch (err) {
    throw withLocations(err, undefined, c.failures ?? []);
  }
}

async function answer(id: string, c: SubrequestContext): Promise<gw.Result> {
  switch (id) {
    case REQUEST_DESCRIBE:
      return toGatewayResult(describeResult());
    case REQUEST_OUTLINE: {
      const o = await computeOutline(c.data, c.convertOptions);
      return toGatewayResult(outlineResult(o));
    }
    case REQUEST_TARGETS:
      return toGatewayResult(targetsResult(await listTargetsFor(c.data, c.convertOptions)));
    case REQUEST_LINT: {
      // The labs channel also runs the lint pack when the check setting names
      // it (loaded only then: it brings a WebAssembly shell parser).
      const r =
        c.convertOptions.channel === 'labs'
          ? (await (await import('../lint-pack/index.ts')).lintWithPack(c.data, c.convertOptions)).result
          : await lintDockerfile(c.data, c.convertOptions);
      return toGatewayResult(lintResult(lintResults(withCallCodes(r, c.failures ?? []), c.sourceInfo)));
    }
    case REQUEST_CONVERT_LLB: {
      const r = await convertDockerfile(c.data, c.convertOptions);
      return toGatewayResult(convertLLBResult(convertLLBJSON(r.state.marshal().toPb())));
    }
  }
  throw unsupportedSubrequest(id);
}

/**
 * A lint result's build error as upstream's, whose message is the Go error's
 * text (Error()): a failed daemon call in it reads with its code's name
 * (grpcerrors.FromGRPC's error), where a Returned error's status carries the
 * call's own message (withLocations).
 */
function withCallCodes(r: LintResult, failures: readonly BridgeError[]): LintResult {
  const e = r.buildError;
  if (e === undefined) return r;
  const inner = failures.find((f) => f.message !== '' && e.message.includes(f.message));
  if (inner === undefined) return r;
  const at = e.message.lastIndexOf(inner.message);
  const message = e.message.slice(0, at) + grpcErrorText(inner.code, inner.message) + e.message.slice(at + inner.message.length);
  return { ...r, buildError: { ...e, message } };
}

/**
 * convertllb.Result as upstream marshals it: each op as protojson keyed by
 * its digest, each op's metadata as encoding/json of llb.OpMetadata (whose
 * fields are pb.OpMetadata's, under the same names), and the source as
 * protojson; Go writes map keys sorted.
 */
export function convertLLBJSON(def: PbDefinition): GoJSON {
  const ops: { [digest: string]: GoJSON } = {};
  const entries = (def.def ?? []).map((bytes) => [sha256Digest(bytes), bytes] as const);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [digest, bytes] of entries) ops[digest] = protoJSON(pb.Op, decodeMessage(pb.Op, bytes));
  const metadata: { [digest: string]: GoJSON } = {};
  for (const digest of Object.keys(def.metadata ?? {}).sort()) {
    metadata[digest] = goStructValue(pb.OpMetadata as MessageDesc, def.metadata![digest] as MessageObject) as GoJSON;
  }
  return { def: ops, metadata, source: protoJSON(pb.Source, def.Source) };
}

function definitionJSON(def: PbDefinition | undefined): GoJSON | undefined {
  if (def === undefined) return undefined;
  return goStructValue(pb.Definition as MessageDesc, def as MessageObject) as GoJSON;
}

/** The converter's lint result in the shape src/subrequests renders, with the Dockerfile's source info. */
export function lintResults(r: LintResult, info: SourceInfo): LintResults {
  const loc = (l: LintResult['warnings'][number]['location']) => ({
    sourceIndex: l?.sourceIndex,
    ranges: (l?.ranges ?? []).map((x) => ({ start: { line: x.start.line }, end: { line: x.end.line } })),
  });
  return {
    warnings: r.warnings.map((w) => ({
      ruleName: w.ruleName,
      description: w.description ?? '',
      url: w.url ?? '',
      detail: w.detail ?? '',
      location: loc(w.location),
    })),
    // The Dockerfile, then each included file (labs INCLUDE) a location points into, loaded by the Dockerfile's source.
    sources: r.sources.map((src, i) => ({
      filename: i === 0 ? (info.filename ?? '') : src.filename,
      data: i === 0 ? (info.data ?? new Uint8Array()) : Buffer.from(src.data, 'base64'),
      definition: definitionJSON(info.definition),
      language: info.language ?? '',
    })),
    buildError: r.buildError === undefined ? undefined : { message: r.buildError.message, location: loc(r.buildError.location) },
  };
}
