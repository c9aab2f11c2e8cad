export * from './demo-dataset.ts';
export * from './demo-directory.ts';
export * from './demo-reference.ts';
export * from './demo-clients.ts';
export * from './tourism-families.ts';
export * from './tourism-catalog.ts';
export * from './order-states.ts';
export * from './large-dataset.ts';
