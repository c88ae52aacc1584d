// Message descriptors: the shape of each protobuf message, as the generated
// code in src/gen/ declares it. The encoder, decoder and Go-JSON printer walk
// these descriptors; message references are by full name and resolved lazily,
// so packages may refer to each other in any order.

/** A 64-bit integer: a number when it is exact in a double, else a bigint. */
export type Int64 = number | bigint;

export type ScalarKind =
  | 'double'
  | 'float'
  | 'int32'
  | 'int64'
  | 'uint32'
  | 'uint64'
  | 'sint32'
  | 'sint64'
  | 'fixed32'
  | 'fixed64'
  | 'sfixed32'
  | 'sfixed64'
  | 'bool'
  | 'string'
  | 'bytes';

export type MapValueDesc =
  | { kind: 'scalar'; scalar: ScalarKind }
  | { kind: 'enum'; enumType: string }
  | { kind: 'message'; typeName: string };

export type FieldDesc =
  | { name: string; no: number; kind: 'scalar'; scalar: ScalarKind; repeated?: true; packed?: true; oneof?: string }
  | { name: string; no: number; kind: 'enum'; enumType: string; repeated?: true; packed?: true; oneof?: string }
  | { name: string; no: number; kind: 'message'; typeName: string; repeated?: true; oneof?: string }
  | { name: string; no: number; kind: 'map'; mapKey: string; mapValue: MapValueDesc };

/** A message type: its full name and fields in declaration order (Go's JSON order). */
export interface MessageDesc<T = unknown> {
  readonly typeName: string;
  readonly fields: readonly FieldDesc[];
  /**
   * Fields in Go's wire order: by number, except that in a message with a
   * oneof the oneof members come last (grouped per oneof, in declaration
   * order), as protobuf-go keeps golang/protobuf's historic output.
   */
  readonly byNumber: readonly FieldDesc[];
  readonly fieldByNumber: ReadonlyMap<number, FieldDesc>;
  /** Phantom marker tying the descriptor to its TypeScript interface. */
  readonly _type?: T;
}

const registry = new Map<string, MessageDesc>();

/** Declares a message type; called by the generated code. */
export function defineMessage<T>(typeName: string, fields: FieldDesc[]): MessageDesc<T> {
  const desc = { typeName, fields } as unknown as MessageDesc<T>;
  // The wire order and the index by number are made when first used, not
  // for each of the hundreds of messages declared as a process starts (most
  // of which a run never encodes or decodes).
  lazyProperty(desc, 'byNumber', () => wireOrder(fields));
  lazyProperty(desc, 'fieldByNumber', () => new Map(fields.map((f) => [f.no, f])));
  registry.set(typeName, desc);
  return desc;
}

/** Defines `key` on `obj` as `make()`, called on the first read; the property then stays a plain value. */
function lazyProperty(obj: object, key: string, make: () => unknown): void {
  Object.defineProperty(obj, key, {
    configurable: true,
    enumerable: true,
    get(): unknown {
      const value = make();
      Object.defineProperty(obj, key, { value, enumerable: true });
      return value;
    },
  });
}

/** Go's wire order of `fields` (MessageDesc.byNumber). */
function wireOrder(fields: readonly FieldDesc[]): FieldDesc[] {
  const oneofIndex = new Map<string, number>();
  for (const f of fields) if (f.kind !== 'map' && f.oneof !== undefined && !oneofIndex.has(f.oneof)) oneofIndex.set(f.oneof, oneofIndex.size);
  const group = (f: FieldDesc): number => (f.kind !== 'map' && f.oneof !== undefined ? 1 + oneofIndex.get(f.oneof)! : 0);
  return [...fields].sort((a, b) => group(a) - group(b) || a.no - b.no);
}

const enums = new Map<string, ReadonlyMap<number, string>>();

/** Declares an enum's value names (the first name of each number, as protobuf-go reports it); called by the generated code. */
export function defineEnum(typeName: string, values: { readonly [name: string]: number }): void {
  const byNumber = new Map<number, string>();
  for (const [name, no] of Object.entries(values)) if (!byNumber.has(no)) byNumber.set(no, name);
  enums.set(typeName, byNumber);
}

/** The name of an enum value, or undefined for a number the enum does not declare. */
export function enumValueName(typeName: string, value: number): string | undefined {
  const e = enums.get(typeName);
  if (e === undefined) throw new Error(`protobuf: unknown enum type ${typeName}`);
  return e.get(value);
}

/** The descriptor for a full message name, e.g. "pb.Op". */
export function messageDesc(typeName: string): MessageDesc {
  const d = registry.get(typeName);
  if (d === undefined) throw new Error(`protobuf: unknown message type ${typeName}`);
  return d;
}

/** A decoded or to-be-encoded message, seen generically. */
export type MessageObject = { [field: string]: unknown };
