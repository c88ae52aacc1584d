// Source maps: the file an LLB graph was produced from (e.g. a Dockerfile)
// and the ranges in it that each op comes from. They end up in
// Definition.source, which BuildKit uses to point errors at source lines.
// The state and definition a source map holds are described by what is used
// of them, so that this file (which every op's metadata refers to) depends on
// nothing above it.
import type { Definition as PbDefinition } from '../gen/pb.ts';

/** A marshaled definition, as a source map uses it: its op bytes and its pb form. */
export interface SourceDefinition {
  readonly def: readonly Uint8Array[];
  toPb(): PbDefinition;
}

/** A state that loads the file: marshaled with the options of the definition that points into it. */
export interface SourceState {
  marshal(opts: object): SourceDefinition;
}

/** A position in a source file: 1-based line, 0-based character. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A file that ops can point into. */
export class SourceMap {
  constructor(
    readonly filename: string,
    readonly language: string,
    readonly data: Uint8Array,
    /** The state that loads the file (marshaled into SourceInfo.definition). */
    readonly state?: SourceState,
    /** An already marshaled definition of the loading state; used instead of `state`. */
    readonly definition?: SourceDefinition,
  ) {}

  /** A location for ConstraintsOptions.sourceLocations. */
  location(ranges: readonly Range[]): SourceLocation {
    return { sourceMap: this, ranges };
  }
}

export interface SourceLocation {
  readonly sourceMap: SourceMap;
  readonly ranges: readonly Range[];
}
