// Errors a user can cause. Each carries the Dockerfile line range(s) it is
// about, and a message with the same text upstream BuildKit prints.

/**
 * A file other than the Dockerfile that instructions come from (labs
 * INCLUDE, docs/labs.md): its name as errors and source maps show it, its
 * bytes, and the escape character its own `# escape=` chose.
 */
export interface SourceFile {
  readonly name: string;
  readonly data: Uint8Array;
  readonly escapeToken: string;
}

/** A 1-based, inclusive line range (upstream's parser.Range, character 0). */
export interface LineRange {
  start: number;
  end: number;
  /** The included file the lines are in; undefined for the Dockerfile itself. */
  file?: SourceFile;
}

export class DockerfileError extends Error {
  /** Every location this error is about, innermost first; may be empty. */
  readonly ranges: LineRange[];

  constructor(message: string, ranges: LineRange[] = []) {
    super(message);
    this.name = 'DockerfileError';
    this.ranges = ranges;
  }

  /** First line this error points at, or 0 when it has no location. */
  get line(): number {
    return this.ranges.length > 0 ? this.ranges[0].start : 0;
  }

  /** `NAME:LINE` (or `NAME` without a line) for a message: NAME is the included file the first location is in, else `dockerfile`. */
  position(dockerfile: string): string {
    const name = this.ranges[0]?.file?.name ?? dockerfile;
    return this.line > 0 ? `${name}:${this.line}` : name;
  }
}

/** Adds a location to an error (upstream's parser.WithLocation). */
export function withLocation(err: unknown, range: LineRange): DockerfileError {
  if (err instanceof DockerfileError) {
    return new DockerfileError(err.message, [...err.ranges, range]);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new DockerfileError(message, [range]);
}
