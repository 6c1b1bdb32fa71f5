export * from './units.js';
export * from './sum.js';
export * from './checks.js';
export * from './copies.js';
export * from './status.js';
export * from './boilerplate.js';
