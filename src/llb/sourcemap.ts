// Source maps: the file an LLB graph was produced from (e.g. a Dockerfile)
// and the ranges in it that each op comes from. They end up in
// Definition.source, which BuildKit uses to point errors at source lines.
import type { Definition } from './definition.ts';
import type { State } from './state.ts';

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
    readonly state?: State,
    /** An already marshaled definition of the loading state; used instead of `state`. */
    readonly definition?: Definition,
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
