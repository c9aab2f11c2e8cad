export * from './number-format.ts';
export * from './number-block.ts';
export * from './server-allocator.ts';
export * from './device-allocator.ts';
