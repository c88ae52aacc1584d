/** A 64-bit integer: a number when it is exact in a double, else a bigint. */
export type Int64 = number | bigint;
export type ScalarKind = 'double' | 'float' | 'int32' | 'int64' | 'uint32' | 'uint64' | 'sint32' | 'sint64' | 'fixed32' | 'fixed64' | 'sfixed32' | 'sfixed64' | 'bool' | 'string' | 'bytes';
export type MapValueDesc = {
    kind: 'scalar';
    scalar: ScalarKind;
} | {
    kind: 'enum';
    enumType: string;
} | {
    kind: 'message';
    typeName: string;
};
export type FieldDesc = {
    name: string;
    no: number;
    kind: 'scalar';
    scalar: ScalarKind;
    repeated?: true;
    packed?: true;
    oneof?: string;
} | {
    name: string;
    no: number;
    kind: 'enum';
    enumType: string;
    repeated?: true;
    packed?: true;
    oneof?: string;
} | {
    name: string;
    no: number;
    kind: 'message';
    typeName: string;
    repeated?: true;
    oneof?: string;
} | {
    name: string;
    no: number;
    kind: 'map';
    mapKey: string;
    mapValue: MapValueDesc;
};
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
/** Declares a message type; called by the generated code. */
export declare function defineMessage<T>(typeName: string, fields: FieldDesc[]): MessageDesc<T>;
/** Declares an enum's value names (the first name of each number, as protobuf-go reports it); called by the generated code. */
export declare function defineEnum(typeName: string, values: {
    readonly [name: string]: number;
}): void;
/** The name of an enum value, or undefined for a number the enum does not declare. */
export declare function enumValueName(typeName: string, value: number): string | undefined;
/** The descriptor for a full message name, e.g. "pb.Op". */
export declare function messageDesc(typeName: string): MessageDesc;
/** A decoded or to-be-encoded message, seen generically. */
export type MessageObject = {
    [field: string]: unknown;
};
