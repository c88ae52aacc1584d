import { goQuoteJSON } from '../go/json.js';
import type { MessageDesc, MessageObject } from '../protobuf/registry.js';
import type { OpMetadata as PbOpMetadata } from '../gen/pb.js';
/** A JSON string as Go's encoding/json writes it (HTML-safe escaping). */
export declare const goString: typeof goQuoteJSON;
/** The Go encoding/json text of a decoded message. */
export declare function messageJSON(desc: MessageDesc, msg: MessageObject): string;
/** One dump-llb line (without the newline) for an op's bytes and its metadata. */
export declare function opToGoJSON(opBytes: Uint8Array, metadata: PbOpMetadata | undefined): string;
/** What `buildctl debug dump-llb` prints for marshaled pb.Definition bytes: one JSON line per op. */
export declare function dumpDefinition(bytes: Uint8Array): string;
