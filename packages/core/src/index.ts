export * from './api/index.js';
export * from './errors/index.js';
export * from './events/index.js';
export * from './kyc/index.js';
export * from './money/index.js';
export * from './routing/index.js';
export * from './schemas/index.js';
export * from './signatures/index.js';
