/** Expert review of project calls (domain rules §6): conflicts of interest, assignment, score aggregation. Pure. */
export * from './conflicts.js';
export * from './assign.js';
export * from './aggregate.js';
export * from './panel-rules.js';
