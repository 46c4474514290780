/**
 * A provider object as Baton documents it: the documented fields only, without the index
 * signature a tolerant (loose) schema adds — so `status.dcvStatus?.statuss` does not compile.
 * Fields Baton does not document are still read, and reachable through the result's `raw`.
 */
export type Documented<T> = T extends string | number | boolean | bigint | symbol | null | undefined | ((...args: never[]) => unknown)
  ? T
  : T extends readonly unknown[]
    ? { readonly [I in keyof T]: Documented<T[I]> }
    : T extends object
      ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: Documented<T[K]> }
      : T;

/**
 * Attaches the answer exactly as received as `raw`: the one way every provider's result carries it.
 * Not enumerable, so spreads, `Object.entries`, `JSON.stringify` and test equality see only the
 * documented fields, a logged result does not print the answer twice, and code that walks a result's
 * fields (SASP's section finder) never takes `raw` for one. Read-only: it is what came. Defined
 * with every attribute, so an answer field that happens to be named `raw` is replaced, never left
 * enumerable or writable.
 */
export function withRaw<T>(value: T, raw: unknown): T & { readonly raw: unknown } {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.defineProperty(value, 'raw', { value: raw, enumerable: false, writable: false, configurable: false });
  }
  return value as T & { readonly raw: unknown };
}

/** A documented value, or any other string the provider sends (kept as is, never rejected). */
export type Open<T extends string> = T | (string & {});
