import { z } from 'zod';
import { DEFAULT_NOTICE_MIN_DAYS, DEFAULT_PANEL_RULES } from '../review/panel-rules.js';
import { figure, isoDate, name } from './common.js';

/** Project calls, applications, experts and reviews (issue #7; domain-rules §6). */
const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const label = name(200);

export const formField = z
  .object({ key, zh: label, en: label, type: z.enum(['text', 'textarea', 'number', 'date']), required: z.boolean().default(false) })
  .strict();
export const attachmentSpec = z
  .object({
    key,
    zh: label,
    en: label,
    required: z.boolean().default(false),
    maxBytes: z
      .number()
      .int()
      .positive()
      .max(20 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    types: z
      .array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/))
      .min(1)
      .max(10),
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
    aggregation: z.enum(['mean', 'median', 'trimmed']).default('trimmed'),
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

/** The ledger's fund sources (server/modules/ledger SOURCE_NAMES): county, municipal and central budgets. */
export const FUND_SOURCES = ['county', 'municipal', 'national'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

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

export const callInput = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9_-]{2,40}$/),
    kind: z.enum(['standard', 'challenge']).default('standard'),
    title: name(200, { min: 2 }),
    guideText: z.string().trim().min(2).max(20_000),
    categories: z.array(name(40)).max(20).default([]),
    eligibility: z
      .object({ registeredInRegion: z.boolean().default(true), qualificationsAnyOf: z.array(z.string().max(40)).max(10).default([]) })
      .strict()
      .default({ registeredInRegion: true, qualificationsAnyOf: [] }),
    budgetFen: z.number().int().min(0).max(1e13),
    bountyFen: z.number().int().min(0).max(1e13).optional(),
    opensOn: isoDate,
    closesOn: isoDate,
    form: callForm,
    reviewTemplate,
    fundingMode: z.enum(['tranches', 'milestones', 'post_subsidy']),
    fundingParams,
    regionCode: z.string().max(20).optional(),
  })
  .strict()
  .refine((c) => c.opensOn <= c.closesOn, { message: 'closes_before_opens', path: ['closesOn'] });

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
