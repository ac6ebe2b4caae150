export * from './orgunits.js';
export * from './accounts.js';
export * from './audit.js';
export * from './plans.js';
export * from './registry.js';
export * from './ledger.js';
export * from './policies.js';
export * from './benchmarks.js';
