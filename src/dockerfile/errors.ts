// Errors a user can cause. Each carries the Dockerfile line range(s) it is
// about, and a message with the same text upstream BuildKit prints.

/** A 1-based, inclusive line range (upstream's parser.Range, character 0). */
export interface LineRange {
  start: number;
  end: number;
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
}

/** Adds a location to an error (upstream's parser.WithLocation). */
export function withLocation(err: unknown, range: LineRange): DockerfileError {
  if (err instanceof DockerfileError) {
    return new DockerfileError(err.message, [...err.ranges, range]);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new DockerfileError(message, [range]);
}
