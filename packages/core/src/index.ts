export * from './money/index.js';
export * from './routing/index.js';
