/**
 * `table[key]` only when `table` has `key` as its own property: a provider's id named like an
 * `Object.prototype` member (`constructor`, `toString`, `__proto__`) finds nothing, so it is shown
 * as text instead of as a function's source or a `TypeError`.
 */
export const lookup = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
