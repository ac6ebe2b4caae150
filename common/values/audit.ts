import { CLAIM_STEPS } from './policies.js';

/**
 * Every action and object type the server writes to the audit log (server/platform/audit.ts types its entries
 * with these). The web names each one in both languages (web/src/features/audit/messages.ts); a unit test
 * fails on a value without a label, so a new action is added here and labelled there.
 */
export const AUDIT_ACTIONS = [
  // accounts
  'login',
  'logout',
  'create',
  'update',
  'change_password',
  'reset_password',
  'revoke',
  'seed',
  'load_demo',
  'import',
  // projects: calls, applications, reviews, payments
  'publish',
  'published',
  'closed',
  'submit',
  'withdraw',
  'accept',
  'return',
  'reject',
  'attach',
  'extend',
  'midterm',
  'contract',
  'decide',
  'draw',
  'redraw',
  'swap',
  'decline',
  'score',
  'aggregate',
  'consensus',
  'consensus_reset',
  'resolve_conflict',
  'declare',
  'detect',
  'confirmed',
  'dismissed',
  'object',
  'resolve',
  'withdraw_approval',
  'hold',
  'pay',
  'rate',
  // data values
  'save',
  'correct',
  'approve',
  // benchmarks and ledger
  'run',
  'transfer',
  // claims: one per step of a claim's history
  ...CLAIM_STEPS,
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OBJECT_TYPES = [
  'user',
  'org_unit',
  'enterprise',
  'enterprise_stats',
  'platform',
  'talent',
  'patent',
  'registry',
  'expert',
  'call',
  'application',
  'project_report',
  'project_payment',
  'project_notice',
  'project_objection',
  'review',
  'conflict',
  'indicator',
  'data_value',
  'plan',
  'peer_group',
  'composite_index',
  'policy',
  'policy_version',
  'qualification',
  'claim',
  'notice',
  'objection',
  'ledger_transfer',
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];
