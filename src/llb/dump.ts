// Go encoding/json output for decoded LLB, as `buildctl debug dump-llb`
// prints it: protoc-gen-go struct fields in declaration order with their
// json tags (the proto field names, all omitempty), maps sorted by key,
// bytes as base64, enums and 64-bit integers as numbers, HTML-escaped
// strings; plus the hand-written MarshalJSON of pb.Op, pb.FileAction and
// pb.UserOpt (solver/pb/json.go), which reshape their oneofs.
import { argumentError } from './args.ts';
import { goQuoteJSON } from '../go/json.ts';
import { sha256Digest } from './vertex.ts';
import { decodeMessage } from '../protobuf/decode.ts';
import { messageDesc } from '../protobuf/registry.ts';
import type { FieldDesc, MapValueDesc, MessageDesc, MessageObject, ScalarKind } from '../protobuf/registry.ts';
import { compareUtf8 } from '../go/strings.ts';
import { Definition as PbDefinitionDesc, Op as PbOpDesc, OpMetadata as PbOpMetadataDesc } from '../gen/pb.ts';
import type { Op as PbOp, OpMetadata as PbOpMetadata } from '../gen/pb.ts';

/** A JSON string as Go's encoding/json writes it (HTML-safe escaping). */
export const goString = goQuoteJSON;

function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  switch (typeof v) {
    case 'number':
      return v === 0;
    case 'bigint':
      return v === 0n;
    case 'string':
      return v.length === 0;
    case 'boolean':
      return !v;
  }
  if (v instanceof Uint8Array || Array.isArray(v)) return v.length === 0;
  return false;
}

function scalarJSON(kind: ScalarKind | 'enum', v: unknown): string {
  if (kind === 'string') return goString(v as string);
  if (kind === 'bytes') return `"${Buffer.from(v as Uint8Array).toString('base64')}"`;
  if (kind === 'bool') return v ? 'true' : 'false';
  return String(v);
}

function mapValueJSON(d: MapValueDesc, v: unknown): string {
  if (d.kind === 'message') return messageJSON(messageDesc(d.typeName), (v ?? {}) as MessageObject);
  return scalarJSON(d.kind === 'enum' ? 'enum' : d.scalar, v);
}

function fieldJSON(f: FieldDesc, v: unknown): string {
  if (f.kind === 'map') {
    const m = v as { [k: string]: unknown };
    const keys = Object.keys(m).sort(compareUtf8);
    return `{${keys.map((k) => `${goString(k)}:${mapValueJSON(f.mapValue, m[k])}`).join(',')}}`;
  }
  const one = (x: unknown): string =>
    f.kind === 'message' ? messageJSON(messageDesc(f.typeName), x as MessageObject) : scalarJSON(f.kind === 'enum' ? 'enum' : f.scalar, x);
  if (f.repeated) return `[${(v as unknown[]).map(one).join(',')}]`;
  return one(v);
}

/** Go's field name for a oneof: its proto name in CamelCase. */
function goOneofName(name: string): string {
  return name.replace(/(^|_)([a-z])/g, (_m, _p: string, c: string) => c.toUpperCase());
}

/** The Go encoding/json text of a decoded message. */
export function messageJSON(desc: MessageDesc, msg: MessageObject): string {
  switch (desc.typeName) {
    case 'pb.Op':
      return opJSON(msg);
    case 'pb.FileAction':
      return fileActionJSON(msg);
    case 'pb.UserOpt':
      return userOptJSON(msg);
  }
  const parts: string[] = [];
  const oneofsDone = new Set<string>();
  for (const f of desc.fields) {
    if (f.kind !== 'map' && f.oneof !== undefined) {
      // Generic protoc-gen-go oneof: an interface field without a json tag.
      if (oneofsDone.has(f.oneof)) continue;
      oneofsDone.add(f.oneof);
      const o = msg[f.oneof] as { case: string; value: unknown } | undefined;
      if (!o) {
        parts.push(`${goString(goOneofName(f.oneof))}:null`);
        continue;
      }
      const member = desc.fields.find((x) => x.name === o.case)!;
      parts.push(`${goString(goOneofName(f.oneof))}:{${goString(member.name)}:${fieldJSON({ ...member, oneof: undefined } as FieldDesc, o.value)}}`);
      continue;
    }
    const v = msg[f.name];
    if (f.kind === 'message' && !f.repeated) {
      if (v === undefined) continue;
    } else if (f.kind === 'map') {
      if (v === undefined || Object.keys(v as object).length === 0) continue;
    } else if (isEmptyValue(v)) continue;
    parts.push(`${goString(f.name)}:${fieldJSON(f, v)}`);
  }
  return `{${parts.join(',')}}`;
}

function sub(typeName: string, v: unknown): string {
  return messageJSON(messageDesc(typeName), v as MessageObject);
}

function opJSON(msg: MessageObject): string {
  const op = msg as PbOp;
  const parts: string[] = [];
  if (op.inputs && op.inputs.length > 0) parts.push(`"inputs":[${op.inputs.map((i) => sub('pb.Input', i)).join(',')}]`);
  const inner = op.op ? `${goString(op.op.case)}:${sub(`pb.${opTypeName(op.op.case)}`, op.op.value)}` : '';
  parts.push(`"Op":{${inner}}`);
  if (op.platform) parts.push(`"platform":${sub('pb.Platform', op.platform)}`);
  if (op.constraints) parts.push(`"constraints":${sub('pb.WorkerConstraints', op.constraints)}`);
  return `{${parts.join(',')}}`;
}

function opTypeName(c: NonNullable<PbOp['op']>['case']): string {
  switch (c) {
    case 'exec':
      return 'ExecOp';
    case 'source':
      return 'SourceOp';
    case 'file':
      return 'FileOp';
    case 'build':
      return 'BuildOp';
    case 'merge':
      return 'MergeOp';
    case 'diff':
      return 'DiffOp';
    case 'passthrough':
      return 'PassthroughOp';
  }
}

const FILE_ACTION_TYPES: Record<string, string | undefined> = {
  copy: 'pb.FileActionCopy',
  mkfile: 'pb.FileActionMkFile',
  mkdir: 'pb.FileActionMkDir',
  rm: 'pb.FileActionRm',
  // Upstream's FileAction JSON has no symlink member: a symlink prints as "Action":{}.
};

function fileActionJSON(msg: MessageObject): string {
  const a = msg as { input?: unknown; secondaryInput?: unknown; output?: unknown; action?: { case: string; value: unknown } };
  const t = a.action ? FILE_ACTION_TYPES[a.action.case] : undefined;
  const inner = a.action && t ? `${goString(a.action.case)}:${sub(t, a.action.value)}` : '';
  return `{"input":${String(a.input ?? 0)},"secondaryInput":${String(a.secondaryInput ?? 0)},"output":${String(a.output ?? 0)},"Action":{${inner}}}`;
}

function userOptJSON(msg: MessageObject): string {
  const u = msg as { user?: { case: 'byName'; value: unknown } | { case: 'byID'; value: number } };
  const parts: string[] = [];
  if (u.user?.case === 'byName') parts.push(`"byName":${sub('pb.NamedUserOpt', u.user.value)}`);
  if (u.user?.case === 'byID' && u.user.value !== 0) parts.push(`"byId":${u.user.value}`);
  return `{"User":{${parts.join(',')}}}`;
}

/** One dump-llb line (without the newline) for an op's bytes and its metadata. */
export function opToGoJSON(opBytes: Uint8Array, metadata: PbOpMetadata | undefined): string {
  const op = decodeMessage(PbOpDesc, opBytes);
  const md = metadataJSON(metadata);
  return `{"Op":${opJSON(op as MessageObject)},"Digest":${goString(sha256Digest(opBytes))},"OpMetadata":${md}}`;
}

function metadataJSON(m: PbOpMetadata | undefined): string {
  return messageJSON(PbOpMetadataDesc, (m ?? {}) as MessageObject);
}

/** What `buildctl debug dump-llb` prints for marshaled pb.Definition bytes: one JSON line per op. */
export function dumpDefinition(bytes: Uint8Array): string {
  if (!(bytes instanceof Uint8Array)) throw argumentError('dumpDefinition', 'bytes', 'a Uint8Array', bytes);
  const def = decodeMessage(PbDefinitionDesc, bytes);
  let out = '';
  for (const opBytes of def.def ?? []) {
    out += `${opToGoJSON(opBytes, def.metadata?.[sha256Digest(opBytes)])}\n`;
  }
  return out;
}
