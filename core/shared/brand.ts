declare const brand: unique symbol;

/** A nominal type: `Brand<number, 'Cents'>` is not assignable from a bare number. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };
