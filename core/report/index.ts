export * from './model.js';
export * from './money.js';
export * from './input.js';
export * from './totals.js';
export * from './file.js';
export * from './prose.js';
export * from './carry.js';
export * from './fingerprint.js';
export { sha256Hex } from './sha256.js';
