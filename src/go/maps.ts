// Plain objects standing for Go maps with string keys (map[string]T).

/**
 * m[k] = v as a Go map takes it: "__proto__" is a key like any other, where
 * an assignment would set the object's prototype instead (`LABEL
 * __proto__=x` was lost so).
 */
export function setKey<T>(m: Record<string, T>, k: string, v: T): void {
  if (k === '__proto__') Object.defineProperty(m, k, { value: v, writable: true, enumerable: true, configurable: true });
  else m[k] = v;
}
