export * from './units.ts';
export * from './rounding.ts';
export * from './arithmetic.ts';
export * from './allocate.ts';
export * from './vat.ts';
export * from './parse-decimal.ts';
export * from './parse.ts';
export * from './format.ts';
