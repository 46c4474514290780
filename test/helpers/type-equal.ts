// Compile-time checks for the public types: `npm run typecheck` fails when one does not hold.

/**
 * `true` when `A` and `B` are the same type to TypeScript: the same keys, each as optional and as
 * readonly, with the same types all the way down (mutual assignability would miss an optional
 * field the other side lacks).
 */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when `T` is `true`: `type _ = Expect<Equal<Interface, Inferred>>`. */
export type Expect<T extends true> = T;
