export * from './types.js';
export * from './errors.js';
export * from './text/index.js';
export * from './lang/index.js';
export * from './random.js';
export * from './union-find.js';
export * from './xml.js';
export * from './worker-pool.js';
