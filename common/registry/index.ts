/** Enterprise-register rules: identifiers, patents, qualifications and the cultivation ranking. Pure. */
export * from './types.js';
export * from './dates.js';
export * from './credit-code.js';
export * from './patents.js';
export * from './high-tech-innovation.js';
export * from './high-tech.js';
export * from './tech-sme.js';
export * from './cultivation.js';
