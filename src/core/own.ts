// Reading what a caller hands Baton: own properties only. A key inherited from `Object.prototype`
// (polluted by another script) is never an option.

/** A copy of `value`'s own enumerable properties, each read once, with no prototype to inherit from. */
export function own(value: unknown): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, value);
}

/** What a value is, for a message: `null`, `array`, or its `typeof`. */
export const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * `table[key]` when `key` is the table's own: a provider's id named like an `Object.prototype`
 * member (`constructor`, `toString`, `__proto__`) finds nothing, never a function.
 */
export const lookup = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);
