// Reading what a caller hands Baton: own properties only. A key inherited from `Object.prototype`
// (polluted by another script) is never an option.

/** A copy of `value`'s own enumerable properties, each read once, with no prototype to inherit from. */
export function own(value: unknown): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, value);
}

/** What a value is, for a message: `null`, `array`, or its `typeof`. */
export const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

