import { z } from 'zod';
import { DEFAULT_NOTICE_MIN_DAYS, DEFAULT_PANEL_RULES } from '../review/panel-rules.js';
import {
  AGGREGATIONS,
  APPLICATION_STATUSES,
  ATTACHMENT_DEFAULT_MAX_BYTES,
  ATTACHMENT_MAX_BYTES,
  CALL_CODE_PATTERN,
  CALL_KINDS,
  CALL_STATUSES,
  FIELD_TYPES,
  FORM_KEY_PATTERN,
  FORMAL_CHECK_DECISIONS,
  FUND_SOURCES,
  FUNDING_MODES,
  MEDIA_TYPE_PATTERN,
  PAYMENT_CONDITIONS,
  PAYMENT_KINDS,
  PAYMENT_STATUSES,
  REPORT_KINDS,
  REPORT_STATUSES,
} from '../values/projects.js';
import { figure, isoDate, name } from './common.js';
import { instant } from './primitives.js';
import { thresholdMiss } from './project-readback.js';

/** Project calls, applications, experts and reviews (issue #7; domain-rules §6). */
const key = z.string().regex(FORM_KEY_PATTERN);
const label = name(200);

export const formField = z.object({ key, zh: label, en: label, type: z.enum(FIELD_TYPES), required: z.boolean().default(false) }).strict();
export const attachmentSpec = z
  .object({
    key,
    zh: label,
    en: label,
    required: z.boolean().default(false),
    maxBytes: z.number().int().positive().max(ATTACHMENT_MAX_BYTES).default(ATTACHMENT_DEFAULT_MAX_BYTES),
    types: z.array(z.string().regex(MEDIA_TYPE_PATTERN)).min(1).max(10),
  })
  .strict();
export const callForm = z.object({ fields: z.array(formField).max(40), attachments: z.array(attachmentSpec).max(20) }).strict();
export type CallForm = z.infer<typeof callForm>;

export const criterion = z
  .object({ key, zh: label, en: label, weight: z.number().positive().max(100), threshold: z.number().min(0).max(100).optional() })
  .strict();
export const reviewTemplate = z
  .object({
    /** Weights in percent, summing to 100; each criterion scored 0–100. */
    criteria: z.array(criterion).min(1).max(20),
    totalThreshold: z.number().min(0).max(100).optional(),
    aggregation: z.enum(AGGREGATIONS).default('trimmed'),
    /** Max − min above this sends the application to a consensus step. */
    spreadThreshold: z.number().min(0).max(100).default(20),
    reviewsPerApplication: z.number().int().min(1).max(15).default(5),
    expertLoadCap: z.number().int().min(1).max(200).default(20),
    quotas: z
      .array(z.object({ field: z.string().min(1).max(40), min: z.number().int().min(1).max(5) }).strict())
      .max(5)
      .default([]),
  })
  .strict()
  .refine((t) => Math.abs(t.criteria.reduce((s, c) => s + c.weight, 0) - 100) < 1e-9, {
    message: 'weights_100',
    path: ['criteria'],
  });
export type ReviewTemplate = z.infer<typeof reviewTemplate>;

/**
 * A stage's expert panel: its size, and whether the bureau may decide the report without one. Defaults: the
 * mid-term check may be decided by the bureau alone; acceptance needs a finished panel.
 */
export const panelRule = z.object({ required: z.boolean(), experts: z.number().int().min(1).max(15) }).strict();
export type PanelRule = z.infer<typeof panelRule>;
export const panelRules = z
  .object({
    midterm: panelRule.default(DEFAULT_PANEL_RULES.midterm),
    acceptance: panelRule.default(DEFAULT_PANEL_RULES.acceptance),
  })
  .strict()
  .default(DEFAULT_PANEL_RULES);
export type PanelRules = z.infer<typeof panelRules>;

export { FUND_SOURCES, type FundSource } from '../values/projects.js';

export const fundingParams = z
  .object({
    /** Share of the grant paid as the first tranche after the contract (local practice: at least 60 %). */
    firstTranchePct: z.number().min(60).max(100).default(60),
    maxMidtermChecks: z.number().int().min(0).max(1).default(1),
    maxExtensionMonths: z.number().int().min(0).max(12).default(12),
    /** Where the money comes from: the ledger's three fund sources (县级、市级、中央财政). */
    fundSource: z.enum(FUND_SOURCES).default('county'),
    fiscalYear: z.number().int().min(2000).max(2100),
    /** Expert panels of the mid-term check and of acceptance (the same draw, scoring and aggregation). */
    panels: panelRules,
    /** Shortest public notice (公示) of the approval list, in days; contracts wait for its end. */
    noticeMinDays: z.number().int().min(1).max(60).default(DEFAULT_NOTICE_MIN_DAYS),
  })
  .strict();
export type FundingParams = z.infer<typeof fundingParams>;
/** What a call form sends: the panel and notice parameters may be left to their defaults. */
export type FundingParamsInput = z.input<typeof fundingParams>;

/** Who may apply: registered in the call's region, holding one of the qualifications (a challenge: anyone). */
export const eligibility = z
  .object({ registeredInRegion: z.boolean().default(true), qualificationsAnyOf: z.array(z.string().max(40)).max(10).default([]) })
  .strict();
export type Eligibility = z.infer<typeof eligibility>;

export const callInput = z
  .object({
    code: z.string().regex(CALL_CODE_PATTERN),
    kind: z.enum(CALL_KINDS).default('standard'),
    title: name(200, { min: 2 }),
    guideText: z.string().trim().min(2).max(20_000),
    categories: z.array(name(40)).max(20).default([]),
    eligibility: eligibility.default({ registeredInRegion: true, qualificationsAnyOf: [] }),
    budgetFen: z.number().int().min(0).max(1e13),
    bountyFen: z.number().int().min(0).max(1e13).optional(),
    opensOn: isoDate,
    closesOn: isoDate,
    form: callForm,
    reviewTemplate,
    fundingMode: z.enum(FUNDING_MODES),
    fundingParams,
    regionCode: z.string().max(20).optional(),
  })
  .strict()
  .refine((c) => c.opensOn <= c.closesOn, { message: 'closes_before_opens', path: ['closesOn'] });
/** POST /api/calls: what the create form sends (money in fen; defaults may be left out). */
export type CallInput = z.input<typeof callInput>;

export const applicationInput = z
  .object({
    title: name(200, { min: 2 }),
    applicantName: name(200, { min: 2 }).optional(),
    applicantCreditCode: z.string().trim().max(30).optional(),
    partnerCreditCodes: z.array(z.string().trim().max(30)).max(20).default([]),
    teamMembers: z
      .array(z.object({ name: name(50), role: name(50, { min: 0 }).optional() }).strict())
      .max(50)
      .default([]),
    fields: z.record(key, z.union([z.string().max(20_000), figure, z.boolean(), z.null()])).default({}),
    requestedFen: z.number().int().min(0).max(1e13),
  })
  .strict();
/** What an applicant sends to start or edit an application (the team and partners may be left out). */
export type ApplicationInput = z.input<typeof applicationInput>;
export const formalCheckInput = z
  .object({ decision: z.enum(FORMAL_CHECK_DECISIONS), note: z.string().trim().max(2000).optional() })
  .strict();
export const attachmentQuery = z.object({ key: z.string().max(40), fileName: z.string().min(1).max(200) });

const periods = z
  .array(z.object({ creditCode: z.string().max(30), from: isoDate, to: isoDate.optional() }).strict())
  .max(50)
  .default([]);
/** What conflict detection reads of an expert's past: organisations by credit code, never by name. */
const expertHistory = z
  .object({
    employment: periods,
    advice: periods,
    relatives: z
      .array(z.object({ name: z.string().max(50), creditCode: z.string().max(30).optional() }).strict())
      .max(50)
      .default([]),
    shareholdings: z
      .array(z.object({ creditCode: z.string().max(30) }).strict())
      .max(50)
      .default([]),
    disputes: z
      .array(z.object({ creditCode: z.string().max(30), date: isoDate }).strict())
      .max(50)
      .default([]),
  })
  .strict();
const expertName = name(50);
const expertFields = z.array(name(40)).max(20);
/** An organisation's unified social credit code; the service checks its check character (GB 32100). */
const orgCreditCode = z.string().trim().max(30);
const orgName = name(200, { min: 0 });
const titles = name(200, { min: 0 });
const contact = z.string().trim().max(100);

export const expertInput = z
  .object({
    name: expertName,
    username: z.string().trim().min(3).max(40).optional(),
    orgCreditCode: orgCreditCode.optional(),
    orgName: orgName.optional(),
    fields: expertFields.default([]),
    titles: titles.optional(),
    contact: contact.optional(),
    history: expertHistory.default({ employment: [], advice: [], relatives: [], shareholdings: [], disputes: [] }),
    /** The unit whose pool the expert joins (default: the registering bureau grant's unit); it must be in scope. */
    orgUnitCode: z.string().trim().min(1).max(20).optional(),
  })
  .strict();
/** POST /api/experts: what the bureau sends (the history's lists may be left out). */
export type ExpertInput = z.input<typeof expertInput>;

/**
 * PATCH /api/experts/:id: what the bureau changes of an expert — its availability for draws, organisation, fields,
 * titles, contact and history. Only the fields sent change; null (or an empty text) clears an optional one.
 */
export const expertPatch = z
  .object({
    name: expertName.optional(),
    orgCreditCode: orgCreditCode.nullable().optional(),
    orgName: orgName.nullable().optional(),
    fields: expertFields.optional(),
    titles: titles.nullable().optional(),
    contact: contact.nullable().optional(),
    /** Unavailable experts are never drawn, swapped in or redrawn. */
    available: z.boolean().optional(),
    history: expertHistory.optional(),
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'empty_patch' });
export type ExpertPatch = z.infer<typeof expertPatch>;
/** What the web form sends (the history's lists may be left out). */
export type ExpertPatchInput = z.input<typeof expertPatch>;

export const scoreInput = z
  .object({ scores: z.record(key, z.number().min(0).max(100)), comment: z.string().trim().max(5000).optional() })
  .strict();

// ——— Views: what the server answers (the serializer drops what a view does not list) ———

/*
 * The view types are what travels (`z.input`: a moment is an ISO string), for the web; the server returns its rows
 * (a moment is a Date, which `instant` encodes).
 */
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type FieldValue = z.input<typeof fieldValue>;
const teamMember = z.object({ name: z.string(), role: z.string().optional() });
export type TeamMember = z.input<typeof teamMember>;

/*
 * A stored call's form, template and funding parameters, as the server sends them: the defaults of the input
 * schemas are filled in (required in the view, so the web's types need no fallback), the rest stays optional.
 */
const callFormView = z.object({
  fields: z.array(formField.required({ required: true })),
  attachments: z.array(attachmentSpec.required({ required: true, maxBytes: true })),
});
const reviewTemplateView = reviewTemplate.required({
  aggregation: true,
  spreadThreshold: true,
  reviewsPerApplication: true,
  expertLoadCap: true,
  quotas: true,
});
/** Calls stored before panels and notices existed get their defaults, as the services read them. */
const panelRulesView = z
  .object({ midterm: panelRule.default(DEFAULT_PANEL_RULES.midterm), acceptance: panelRule.default(DEFAULT_PANEL_RULES.acceptance) })
  .required()
  .default(DEFAULT_PANEL_RULES);
const fundingParamsView = fundingParams.extend({ panels: panelRulesView }).required({
  panels: true,
  firstTranchePct: true,
  maxMidtermChecks: true,
  maxExtensionMonths: true,
  fundSource: true,
  noticeMinDays: true,
});

export const callView = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.enum(CALL_KINDS),
  title: z.string(),
  guideText: z.string(),
  categories: z.array(z.string()),
  eligibility: z.object({ registeredInRegion: z.boolean(), qualificationsAnyOf: z.array(z.string()) }),
  budgetFen: z.number(),
  bountyFen: z.number().nullable(),
  opensOn: z.string(),
  closesOn: z.string(),
  form: callFormView,
  reviewTemplate: reviewTemplateView,
  fundingMode: z.enum(FUNDING_MODES),
  fundingParams: fundingParamsView,
  status: z.enum(CALL_STATUSES),
  regionCode: z.string(),
  createdBy: z.uuid().nullable(),
  createdAt: instant,
});
export type CallView = z.input<typeof callView>;

/** An approval below the review template's thresholds: the misses (criterion key, or null for the total) and the reason. */
export const decisionOverride = z.object({ misses: z.array(thresholdMiss), reason: z.string() });
export type DecisionOverride = z.infer<typeof decisionOverride>;

export const applicationView = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  enterpriseId: z.uuid().nullable(),
  ownerUserId: z.uuid(),
  applicantName: z.string(),
  applicantCreditCode: z.string().nullable(),
  partnerCreditCodes: z.array(z.string()),
  teamMembers: z.array(teamMember),
  title: z.string(),
  fields: z.record(z.string(), fieldValue),
  requestedFen: z.number(),
  status: z.enum(APPLICATION_STATUSES),
  /** The bureau's reason when it returned or rejected the application. */
  formalNote: z.string().nullable(),
  submittedAt: instant.nullable(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  approvedFen: z.number().nullable(),
  decisionNote: z.string().nullable(),
  /** Funded below the review thresholds: what it missed and why it was funded all the same (the web words it). */
  decisionOverride: decisionOverride.nullable(),
  extensionMonths: z.number().int(),
  midtermChecks: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
});
export type ApplicationView = z.input<typeof applicationView>;

/** A file's description (never its content). */
export const attachmentView = z.object({
  id: z.uuid(),
  key: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: instant,
});
export type AttachmentView = z.input<typeof attachmentView>;
export const applicationDetail = applicationView.extend({ attachments: z.array(attachmentView) });
export type ApplicationDetail = z.input<typeof applicationDetail>;
/** An attachment stored: its id, checksum and size. */
export const attachmentReceipt = z.object({ id: z.uuid(), sha256: z.string(), size: z.number().int() });
export type AttachmentReceipt = z.input<typeof attachmentReceipt>;

// The expert pool and conflicts of interest, as sent: project-experts.ts (re-exported here).
export * from './project-experts.js';

export const paymentView = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  seq: z.number().int(),
  kind: z.enum(PAYMENT_KINDS),
  amountFen: z.number(),
  condition: z.enum(PAYMENT_CONDITIONS),
  dueOn: z.string().nullable(),
  status: z.enum(PAYMENT_STATUSES),
  paidAt: instant.nullable(),
});
export type PaymentView = z.input<typeof paymentView>;
/** A payment made (or, repeated, the first result). */
export const paymentResult = z.object({ payment: paymentView, replayed: z.boolean() });
export type PaymentResult = z.input<typeof paymentResult>;

/** A report without its panel (review.routes.ts adds the panel view where it shows one). */
export const reportView = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  kind: z.enum(REPORT_KINDS),
  dueOn: z.string(),
  text: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  submittedAt: instant.nullable(),
  decidedAt: instant.nullable(),
  decisionNote: z.string().nullable(),
});
export type ReportView = z.input<typeof reportView>;

// The approval notice (公示) and its objections: project-notices.ts (re-exported here).
export * from './project-notices.js';
