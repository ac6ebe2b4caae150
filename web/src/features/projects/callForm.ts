import { addDays } from '../../../../common/clock';
import { DEFAULT_NOTICE_MIN_DAYS, DEFAULT_PANEL_RULES } from '../../../../common/review/panel-rules';
import type { Aggregation, CallInput, CallKind, FieldType, FundingMode } from '../../api/projects';
import { yuanToFen } from '../../components/money';
import { FUND_SOURCES, type FundSource } from '../../../../common/values/projects';

/** A stage's expert panel in the form: whether the report waits for a finished panel, and its size. */
export interface PanelRuleValues {
  required: boolean;
  experts: number;
}

/** The create-call form's values: money in yuan, sizes in MB, optional numbers as null. */
export interface CallFormValues {
  code: string;
  kind: CallKind;
  title: string;
  guideText: string;
  categories: string[];
  registeredInRegion: boolean;
  qualificationsAnyOf: string[];
  budgetYuan: number | null;
  bountyYuan: number | null;
  opensOn: string | null;
  closesOn: string | null;
  fields: { key: string; zh: string; en: string; type: FieldType; required: boolean }[];
  attachments: { key: string; zh: string; en: string; required: boolean; maxMb: number; types: string[] }[];
  criteria: { key: string; zh: string; en: string; weight: number | null; threshold: number | null }[];
  totalThreshold: number | null;
  aggregation: Aggregation;
  spreadThreshold: number;
  reviewsPerApplication: number;
  expertLoadCap: number;
  quotas: { field: string; min: number }[];
  fundingMode: FundingMode;
  firstTranchePct: number;
  maxMidtermChecks: number;
  maxExtensionMonths: number;
  fundSource: FundSource;
  fiscalYear: number;
  /** Expert panels of the mid-term check and of acceptance (the review's draw machinery). */
  panels: { midterm: PanelRuleValues; acceptance: PanelRuleValues };
  /** Shortest public notice of the approval list, in days. */
  noticeMinDays: number;
}

/** The ledger's fund sources (common/values/projects.ts). */
export { FUND_SOURCES };

/** The steps of the guided form and the fields each one holds (validated before moving on). */
export const CALL_STEPS = [
  {
    key: 'basics',
    fields: [
      'code',
      'kind',
      'title',
      'guideText',
      'categories',
      'registeredInRegion',
      'qualificationsAnyOf',
      'budgetYuan',
      'bountyYuan',
      'opensOn',
      'closesOn',
    ],
  },
  { key: 'form', fields: ['fields', 'attachments'] },
  {
    key: 'review',
    fields: ['criteria', 'totalThreshold', 'aggregation', 'spreadThreshold', 'reviewsPerApplication', 'expertLoadCap', 'quotas'],
  },
  {
    key: 'funding',
    fields: [
      'fundingMode',
      'firstTranchePct',
      'maxMidtermChecks',
      'maxExtensionMonths',
      'fundSource',
      'fiscalYear',
      'panels',
      'noticeMinDays',
    ],
  },
] as const;
export type CallStep = (typeof CALL_STEPS)[number]['key'];

/** The step a field belongs to (for jumping to the first error). */
export const stepOfField = (name: string | number | undefined): number =>
  Math.max(
    0,
    CALL_STEPS.findIndex((s) => (s.fields as readonly (string | number | undefined)[]).includes(name)),
  );

/**
 * Sensible defaults: a project summary and a feasibility report (PDF or Word), two criteria (创新性 60 %,
 * 可行性 40 %), a trimmed mean of five reviews, at most 20 reviews per expert, tranches with 60 % first, the
 * mid-term panel optional and the acceptance panel required (three experts each), and five days of public notice.
 */
export function defaultCallValues(today: string): CallFormValues {
  return {
    code: '',
    kind: 'standard',
    title: '',
    guideText: '',
    categories: [],
    registeredInRegion: true,
    qualificationsAnyOf: [],
    budgetYuan: null,
    bountyYuan: null,
    opensOn: today,
    closesOn: addDays(today, 30),
    fields: [
      { key: 'summary', zh: '项目简介', en: 'Project summary', type: 'textarea', required: true },
      { key: 'goals', zh: '主要目标与考核指标', en: 'Goals and measures', type: 'textarea', required: false },
    ],
    attachments: [
      {
        key: 'plan',
        zh: '可行性研究报告',
        en: 'Feasibility report',
        required: true,
        maxMb: 10,
        types: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      },
    ],
    criteria: [
      { key: 'innovation', zh: '创新性', en: 'Innovation', weight: 60, threshold: null },
      { key: 'feasibility', zh: '可行性', en: 'Feasibility', weight: 40, threshold: null },
    ],
    totalThreshold: null,
    aggregation: 'trimmed',
    spreadThreshold: 20,
    reviewsPerApplication: 5,
    expertLoadCap: 20,
    quotas: [],
    fundingMode: 'tranches',
    firstTranchePct: 60,
    maxMidtermChecks: 1,
    maxExtensionMonths: 12,
    fundSource: 'county',
    fiscalYear: Number(today.slice(0, 4)),
    panels: { midterm: { ...DEFAULT_PANEL_RULES.midterm }, acceptance: { ...DEFAULT_PANEL_RULES.acceptance } },
    noticeMinDays: DEFAULT_NOTICE_MIN_DAYS,
  };
}

const panelRule = (v: PanelRuleValues | undefined, fallback: PanelRuleValues): PanelRuleValues => ({
  required: v?.required ?? fallback.required,
  experts: v?.experts ?? fallback.experts,
});

const present = (x: number | null | undefined): x is number => x !== null && x !== undefined;

/** The form as the API takes it: yuan → fen, MB → bytes, empty optionals left out. */
export function toCallInput(v: CallFormValues): CallInput {
  return {
    code: v.code.trim(),
    kind: v.kind,
    title: v.title.trim(),
    guideText: v.guideText.trim(),
    categories: v.categories ?? [],
    eligibility: { registeredInRegion: v.registeredInRegion, qualificationsAnyOf: v.qualificationsAnyOf ?? [] },
    budgetFen: yuanToFen(v.budgetYuan ?? 0),
    ...(v.kind === 'challenge' && present(v.bountyYuan) ? { bountyFen: yuanToFen(v.bountyYuan) } : {}),
    opensOn: v.opensOn ?? '',
    closesOn: v.closesOn ?? '',
    form: {
      fields: (v.fields ?? []).map((f) => ({ key: f.key.trim(), zh: f.zh.trim(), en: f.en.trim(), type: f.type, required: !!f.required })),
      attachments: (v.attachments ?? []).map((a) => ({
        key: a.key.trim(),
        zh: a.zh.trim(),
        en: a.en.trim(),
        required: !!a.required,
        maxBytes: Math.round(a.maxMb * 1024 * 1024),
        types: a.types,
      })),
    },
    reviewTemplate: {
      criteria: (v.criteria ?? []).map((c) => ({
        key: c.key.trim(),
        zh: c.zh.trim(),
        en: c.en.trim(),
        weight: c.weight ?? 0,
        ...(present(c.threshold) ? { threshold: c.threshold } : {}),
      })),
      ...(present(v.totalThreshold) ? { totalThreshold: v.totalThreshold } : {}),
      aggregation: v.aggregation,
      spreadThreshold: v.spreadThreshold,
      reviewsPerApplication: v.reviewsPerApplication,
      expertLoadCap: v.expertLoadCap,
      quotas: v.quotas ?? [],
    },
    fundingMode: v.fundingMode,
    fundingParams: {
      firstTranchePct: v.firstTranchePct,
      maxMidtermChecks: v.maxMidtermChecks,
      maxExtensionMonths: v.maxExtensionMonths,
      fundSource: v.fundSource,
      fiscalYear: v.fiscalYear,
      panels: {
        midterm: panelRule(v.panels?.midterm, DEFAULT_PANEL_RULES.midterm),
        acceptance: panelRule(v.panels?.acceptance, DEFAULT_PANEL_RULES.acceptance),
      },
      noticeMinDays: v.noticeMinDays ?? DEFAULT_NOTICE_MIN_DAYS,
    },
  };
}

/** Sum of the criteria weights (should be 100). */
export const weightSum = (criteria: readonly { weight: number | null | undefined }[] | undefined): number =>
  Math.round((criteria ?? []).reduce((s, c) => s + (c?.weight ?? 0), 0) * 1e6) / 1e6;
