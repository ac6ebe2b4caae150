import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { CallForm, DecisionOverride, FundingParams, ReviewTemplate } from '../../../common/contracts/projects.js';
import type {
  ApplicationStatus,
  CallKind,
  CallStatus,
  ConflictSource,
  ConflictStatus,
  ConflictType,
  FundingMode,
  ObjectionSource,
  ObjectionStatus,
  PaymentCondition,
  PaymentKind,
  PaymentStatus,
  ReportKind,
  ReportStatus,
  ReviewStatus,
} from '../../../common/values/projects.js';
import type { DrawKind, ReviewStage } from '../../../common/values/review.js';
import type { ConflictFinding } from '../../../common/review/conflicts.js';
import { users } from './accounts.js';
import { orgUnits } from './orgunits.js';
import { enterprises } from './registry.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** A call for projects, or a 揭榜挂帅 challenge (a technical problem with a bounty, open to any team). */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    kind: text('kind').$type<CallKind>().notNull().default('standard'),
    title: text('title').notNull(),
    guideText: text('guide_text').notNull(),
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Eligibility as data: registered in the region, valid qualifications (any of). Challenges: none. */
    eligibility: jsonb('eligibility').notNull().$type<{ registeredInRegion: boolean; qualificationsAnyOf: string[] }>(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    bountyFen: bigint('bounty_fen', { mode: 'number' }),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    form: jsonb('form').notNull().$type<CallForm>(),
    reviewTemplate: jsonb('review_template').notNull().$type<ReviewTemplate>(),
    fundingMode: text('funding_mode').$type<FundingMode>().notNull(),
    fundingParams: jsonb('funding_params').notNull().$type<FundingParams>(),
    status: text('status').$type<CallStatus>().notNull().default('draft'),
    regionCode: text('region_code')
      .notNull()
      .references(() => orgUnits.code),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('calls_kind_chk', sql`${t.kind} in ('standard','challenge')`),
    check('calls_status_chk', sql`${t.status} in ('draft','published','closed','decided')`),
    check('calls_funding_chk', sql`${t.fundingMode} in ('tranches','milestones','post_subsidy')`),
    check('calls_dates_chk', sql`${t.opensOn} <= ${t.closesOn}`),
    check('calls_budget_chk', sql`${t.budgetFen} >= 0`),
    index('calls_region_idx').on(t.regionCode),
  ],
);

export const applications = pgTable(
  'project_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    /** The applying team's user (enterprise user, or any team for a challenge). */
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    applicantName: text('applicant_name').notNull(),
    applicantCreditCode: text('applicant_credit_code'),
    partnerCreditCodes: text('partner_credit_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    teamMembers: jsonb('team_members').notNull().$type<{ name: string; role?: string }[]>(),
    title: text('title').notNull(),
    fields: jsonb('fields').notNull().$type<Record<string, string | number | boolean | null>>(),
    requestedFen: bigint('requested_fen', { mode: 'number' }).notNull(),
    status: text('status').$type<ApplicationStatus>().notNull().default('draft'),
    formalNote: text('formal_note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    score: doublePrecision('score'),
    rank: integer('rank'),
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    decisionNote: text('decision_note'),
    /**
     * An approval below the review template's thresholds: what it missed (criterion key or null for the total, the
     * value, the threshold) and the reason stated. Data, not words: the web and the decision letter word it.
     */
    decisionOverride: jsonb('decision_override').$type<DecisionOverride>(),
    extensionMonths: integer('extension_months').notNull().default(0),
    midtermChecks: integer('midterm_checks').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_applications_call_idx').on(t.callId),
    index('project_applications_owner_idx').on(t.ownerUserId),
    check(
      'project_applications_status_chk',
      sql`${t.status} in ('draft','submitted','withdrawn','returned','accepted','rejected','under_review','scored','consensus','approved','not_funded','contracted','completed','terminated')`,
    ),
    check('project_applications_money_chk', sql`${t.requestedFen} >= 0 and (${t.approvedFen} is null or ${t.approvedFen} >= 0)`),
  ],
);

/** Files stored with their checksum; type and size limits come from the call's form. */
export const attachments = pgTable(
  'project_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    key: text('key').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_attachments_app_idx').on(t.applicationId)],
);

/**
 * The expert pool (a user with the expert role, and what conflict detection needs). Each expert belongs to the
 * unit that registered it: a call draws from the pools of its own unit and of the units above it; only the
 * registering unit's subtree edits an expert.
 */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .unique()
      .references(() => users.id),
    name: text('name').notNull(),
    orgCreditCode: text('org_credit_code'),
    orgName: text('org_name'),
    fields: text('fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    titles: text('titles'),
    contact: text('contact'),
    available: boolean('available').notNull().default(true),
    /** Employment, advice, relatives, shareholdings, disputes, drafted calls: what conflict detection reads. */
    history: jsonb('history').notNull().$type<Record<string, unknown>>(),
    ratingSum: doublePrecision('rating_sum').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('experts_org_unit_idx').on(t.orgUnitCode)],
);

/** Conflicts of interest as evidence-backed records; automatic ones are suggestions a person confirms. */
export const conflicts = pgTable(
  'conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    applicationId: uuid('application_id').references(() => applications.id),
    type: text('type').$type<ConflictType>().notNull(),
    source: text('source').$type<ConflictSource>().notNull(),
    /** The evidence a person wrote (declared, entered), or an automatic suggestion's sentence from before #13. */
    evidence: text('evidence'),
    /** An automatic suggestion's evidence: what the rule found, a code and its parameters the web words. */
    finding: jsonb('finding').$type<ConflictFinding>(),
    status: text('status').$type<ConflictStatus>().notNull(),
    /** A declared conflict nothing in the records supports: flagged for a look, still honoured. */
    unsupported: boolean('unsupported').notNull().default(false),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('conflicts_expert_idx').on(t.expertId),
    check('conflicts_source_chk', sql`${t.source} in ('declared','automatic','admin')`),
    check('conflicts_status_chk', sql`${t.status} in ('suggested','confirmed','dismissed')`),
    check('conflicts_evidence_chk', sql`${t.evidence} is not null or ${t.finding} is not null`),
  ],
);

/**
 * Every draw of reviewers, with its seed, inputs and parameters: reproducible. A draw assigns the reviewers of
 * a stage (the application review, a mid-term or an acceptance panel); a swap puts the next ranked alternate in
 * the place of a declined or unavailable expert; a redraw fills the open places again with a new seed.
 */
export const assignmentDraws = pgTable(
  'assignment_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    stage: text('stage').$type<ReviewStage>().notNull().default('review'),
    kind: text('kind').$type<DrawKind>().notNull().default('draw'),
    /** A swap or redraw: the draw whose ranked alternates and places it works on. */
    parentId: uuid('parent_id').references((): AnyPgColumn => assignmentDraws.id),
    seed: integer('seed').notNull(),
    params: jsonb('params').notNull().$type<Record<string, unknown>>(),
    result: jsonb('result').notNull().$type<Record<string, unknown>>(),
    checksum: text('checksum').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assignment_draws_call_idx').on(t.callId, t.createdAt),
    check('assignment_draws_stage_chk', sql`${t.stage} in ('review','midterm','acceptance')`),
    check('assignment_draws_kind_chk', sql`${t.kind} in ('draw','swap','redraw')`),
  ],
);

export const reviews = pgTable(
  'project_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    drawId: uuid('draw_id').references(() => assignmentDraws.id),
    stage: text('stage').$type<ReviewStage>().notNull().default('review'),
    /** A mid-term or acceptance panel: the report it judges. */
    reportId: uuid('report_id').references((): AnyPgColumn => projectReports.id),
    status: text('status').$type<ReviewStatus>().notNull().default('assigned'),
    scores: jsonb('scores').$type<Record<string, number>>(),
    total: doublePrecision('total'),
    comment: text('comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Why the assignment ended without scores: the expert's reason to decline, the bureau's to replace. */
    reason: text('reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The assignment that took this one's place (a swap). */
    replacedBy: uuid('replaced_by').references((): AnyPgColumn => reviews.id),
  },
  (t) => [
    // One live assignment per expert, application and stage; ended ones (declined, replaced, superseded) stay as history.
    uniqueIndex('project_reviews_live_uq')
      .on(t.applicationId, t.expertId, t.stage)
      .where(sql`${t.status} in ('assigned','submitted')`),
    index('project_reviews_expert_idx').on(t.expertId),
    index('project_reviews_report_idx').on(t.reportId),
    check('project_reviews_status_chk', sql`${t.status} in ('assigned','submitted','declined','replaced','superseded')`),
    check('project_reviews_stage_chk', sql`${t.stage} in ('review','midterm','acceptance')`),
  ],
);

/**
 * The consensus in force for a high-spread application: the score the panel agreed, its reason, and a
 * fingerprint of the submitted sheets it was agreed on (null for one recorded before fingerprints, migration
 * 0020: its time serves). A later aggregation keeps it while the sheets are unchanged, and deletes it when they
 * changed (the application is scored afresh). The audit log keeps the trail; state is read from here only.
 */
export const reviewConsensus = pgTable('review_consensus', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  score: doublePrecision('score').notNull(),
  note: text('note').notNull(),
  reviewsFingerprint: text('reviews_fingerprint'),
  recordedBy: uuid('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Payment schedule of a funded project: tranches, milestones or the post-completion subsidy. */
export const projectPayments = pgTable(
  'project_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    seq: integer('seq').notNull(),
    kind: text('kind').$type<PaymentKind>().notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    condition: text('condition').$type<PaymentCondition>().notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').$type<PaymentStatus>().notNull().default('scheduled'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('project_payments_uq').on(t.applicationId, t.seq),
    check('project_payments_kind_chk', sql`${t.kind} in ('advance','tranche','milestone','post_subsidy')`),
    check('project_payments_status_chk', sql`${t.status} in ('scheduled','released','held','paid')`),
    check('project_payments_amount_chk', sql`${t.amountFen} > 0`),
  ],
);

/** Progress reports, the mid-term check and acceptance; an overdue report holds payments. */
export const projectReports = pgTable(
  'project_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').$type<ReportKind>().notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    text: text('text'),
    status: text('status').$type<ReportStatus>().notNull().default('due'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** The expert panel's aggregation as the bureau saw it when deciding (policy, result, experts' count). */
    panel: jsonb('panel').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('project_reports_app_idx').on(t.applicationId),
    check('project_reports_kind_chk', sql`${t.kind} in ('milestone','midterm','acceptance')`),
    check('project_reports_status_chk', sql`${t.status} in ('due','submitted','approved','rejected')`),
  ],
);

/** 公示 of a call's approval list: read-only and public between two dates; contracts wait for its end. */
export const projectNotices = pgTable(
  'project_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .unique()
      .references(() => calls.id),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('project_notices_dates_chk', sql`${t.startsOn} <= ${t.endsOn}`)],
);

/** An objection to a notice (about one project, or general), raised by the public or recorded by the bureau. */
export const projectObjections = pgTable(
  'project_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => projectNotices.id),
    applicationId: uuid('application_id').references(() => applications.id),
    text: text('text').notNull(),
    contact: text('contact'),
    source: text('source').$type<ObjectionSource>().notNull(),
    status: text('status').$type<ObjectionStatus>().notNull().default('open'),
    resolution: text('resolution'),
    createdBy: uuid('created_by').references(() => users.id),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('project_objections_notice_idx').on(t.noticeId),
    check('project_objections_source_chk', sql`${t.source} in ('public','bureau')`),
    check('project_objections_status_chk', sql`${t.status} in ('open','upheld','dismissed')`),
  ],
);
