import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PolicyRule, PolicyParameter, PolicyTestCase, DecisionTrace } from '../../../common/policies/types.js';
import type {
  ClaimStatus,
  ClaimStep,
  Eligibility,
  ObjectionStatus,
  PolicyMessage,
  VersionStatus,
} from '../../../common/values/policies.js';
import { users } from './accounts.js';
import { orgUnits } from './orgunits.js';
import { enterprises, registryEvents } from './registry.js';

/** The catalogue: one row per incentive the plan promises, with the clause it comes from. */
export const policies = pgTable('policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** Where in the plan, e.g. 第四章（二）3. */
  clauseRef: text('clause_ref').notNull(),
  clauseText: text('clause_text').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => orgUnits.code),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Versions of a policy's rule and parameters. An approved version is never edited: a change is a new draft
 * that someone other than its author approves; the version it replaces becomes superseded.
 */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    version: integer('version').notNull(),
    status: text('status').$type<VersionStatus>().notNull().default('draft'),
    rule: jsonb('rule').notNull().$type<PolicyRule>(),
    parameters: jsonb('parameters').notNull().$type<PolicyParameter[]>(),
    tests: jsonb('tests').notNull().$type<PolicyTestCase[]>(),
    note: text('note'),
    /** What the system says about the version ({ code, params }, rendered by the web); `note` is the staff's words. */
    message: jsonb('message').$type<PolicyMessage>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /**
     * Everyone who changed the version's content (migration 0014): none of them approves it. The database adds
     * `editedBy` (the editor of the change being made, cleared once recorded) and refuses a change naming no one.
     */
    editors: uuid('editors')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    editedBy: uuid('edited_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('policy_versions_uq').on(t.policyId, t.version),
    check('policy_versions_status_chk', sql`${t.status} in ('draft','pending','approved','superseded','rejected')`),
    check('policy_versions_four_eyes_chk', sql`${t.approvedBy} is null or ${t.approvedBy} is distinct from ${t.createdBy}`),
  ],
);

/** A claim: one policy × one enterprise × one qualifying event, from the match to the payment. */
export const claims = pgTable(
  'claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => policyVersions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    eventId: bigint('event_id', { mode: 'number' }).references(() => registryEvents.id),
    /** policy code | enterprise | qualifying event: one claim (and one payment) per business event. */
    eventKey: text('event_key').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    fundSource: text('fund_source').notNull().default('county'),
    status: text('status').$type<ClaimStatus>().notNull(),
    eligibility: text('eligibility').$type<Eligibility>().notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    trace: jsonb('trace').notNull().$type<DecisionTrace>(),
    /** Documents the enterprise must provide when the register lacks data (fast application). */
    checklist: jsonb('checklist').$type<{ key: string; zh: string; en: string; provided: boolean; note?: string }[]>(),
    applicationNote: text('application_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    /** A rejection the system made (an upheld objection) as { code, params }; `rejectionReason` is staff's words. */
    rejection: jsonb('rejection').$type<PolicyMessage>(),
    noticeId: uuid('notice_id'),
    /**
     * Staff who reviewed or changed the claim (reviewer, who put it on notice, who resolved an objection about
     * it): above the installation's threshold none of them approves it (migration 0014, kc_settings).
     */
    editors: uuid('editors')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('claims_event_key_uq').on(t.eventKey),
    index('claims_status_idx').on(t.status),
    index('claims_enterprise_idx').on(t.enterpriseId),
    index('claims_created_idx').on(t.createdAt.desc()),
    check(
      'claims_status_chk',
      sql`${t.status} in ('needs_data','applied','matched','reviewed','in_notice','approved','paid','rejected','stacked')`,
    ),
    check('claims_eligibility_chk', sql`${t.eligibility} in ('eligible','ineligible','undetermined')`),
    check('claims_amount_chk', sql`${t.amountFen} >= 0`),
    check('claims_four_eyes_chk', sql`${t.approvedBy} is null or ${t.approvedBy} is distinct from ${t.reviewedBy}`),
  ],
);

/** Every step of a claim, shown to the enterprise (without the staff's names). */
export const claimSteps = pgTable(
  'claim_steps',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => claims.id),
    step: text('step').$type<ClaimStep>().notNull(),
    note: text('note'),
    /** What the system says about the step ({ code, params }, rendered by the web); `note` is a person's words. */
    message: jsonb('message').$type<PolicyMessage>(),
    byUser: uuid('by_user').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('claim_steps_claim_idx').on(t.claimId)],
);

/** 公示: a public, read-only list of claims about to be approved, open for objections between two dates. */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** The unit whose claims it lists (their policy's owner): every claim on it lies in this unit. */
    orgUnitCode: text('org_unit_code').references(() => orgUnits.code),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('notices_dates_chk', sql`${t.startsOn} <= ${t.endsOn}`)],
);

export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    claimId: uuid('claim_id').references(() => claims.id),
    text: text('text').notNull(),
    contact: text('contact'),
    status: text('status').$type<ObjectionStatus>().notNull().default('open'),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [check('objections_status_chk', sql`${t.status} in ('open','upheld','dismissed')`)],
);
