// Checks of the arguments a JavaScript caller passes to the SDK's entry
// points, which TypeScript cannot make: a value of the wrong type is refused
// with a TypeError naming the function and the argument, where it would
// otherwise fail deep inside (`Cannot read properties of undefined`) or,
// worse, marshal something else (args of 'echo hi' split into characters, a
// mode of '0755' read as a number). The library's root entry point
// (src/index.ts) words its own checks with describeValue too.

/** What a value is, for an error message about it. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'an array';
  if (v instanceof ArrayBuffer) return 'an ArrayBuffer';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'object') return `an object (${Object.prototype.toString.call(v).slice(8, -1)})`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.slice(0, 40))}`;
  return `the ${typeof v} ${String(v)}`;
}

/** `fn: NAME must be WANT, not WHAT-IT-IS`. */
export function argumentError(fn: string, name: string, want: string, v: unknown): TypeError {
  return new TypeError(`${fn}: ${name} must be ${want}, not ${describeValue(v)}`);
}

export function checkString(fn: string, name: string, v: unknown): void {
  if (typeof v !== 'string') throw argumentError(fn, name, 'a string', v);
}

export function checkOptionalString(fn: string, name: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'string') throw argumentError(fn, name, 'a string', v);
}

export function checkStrings(fn: string, name: string, v: unknown): void {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw argumentError(fn, name, 'an array of strings', v);
}

/** A file mode: a number (0o755), as Go's os.FileMode; a string such as '0755' is refused. */
export function checkMode(fn: string, name: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw argumentError(fn, name, 'an integer (a file mode such as 0o755)', v);
}

/** An options object, or undefined. */
export function checkOptions(fn: string, v: unknown): void {
  if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) throw argumentError(fn, 'the options', 'an object', v);
}

/** Something with the methods of a state (State, or what FileBase asks of one). */
export function isStateLike(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { output?: unknown }).output === 'function';
}

export function checkState(fn: string, name: string, v: unknown): void {
  if (!isStateLike(v)) throw argumentError(fn, name, 'a State', v);
}

/**
 * A platform object: { os, architecture } strings at least (the mistake this
 * catches is a specifier string such as 'linux/arm64' where an object is
 * wanted; the optional fields are left to the code that reads them).
 */
export function isPlatformObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return typeof p.os === 'string' && typeof p.architecture === 'string';
}
