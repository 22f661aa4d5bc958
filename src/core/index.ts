export * from './types.js';
export * from './errors.js';
export * from './text.js';
export * from './random.js';
export * from './union-find.js';
