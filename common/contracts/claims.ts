import { z } from 'zod';
import { ADJUSTMENT_KINDS, CLAIM_STATUSES, CLAIM_STEPS, ELIGIBILITIES, OBJECTION_STATUSES } from '../values/policies.js';
import { transferView } from './ledger.js';
import { checklistItemView, conditionResultView, decisionTraceView, factsView, policyMessageView } from './policies.js';
import { instant } from './primitives.js';

/**
 * What the claims routes answer (the request bodies are in ./policies.ts): a claim from the match through
 * review, public notice (公示), approval and payment, and the enterprise portal's view of it. Types are the
 * JSON the web receives (`z.input`).
 */

/**
 * What limited a claim's amount (就高不重复, the yearly cap), as stored with its decision: the amount left and a
 * message the web renders. Claims decided before issue #13 stored the sentence itself (`zh`, `en`): still read.
 */
export const adjustmentView = z.union([
  policyMessageView.extend({ kind: z.enum(ADJUSTMENT_KINDS), fen: z.number() }),
  z.object({ kind: z.enum(ADJUSTMENT_KINDS), fen: z.number(), zh: z.string(), en: z.string() }),
]);
export type Adjustment = z.input<typeof adjustmentView>;

/** The decision as stored with the claim: the engine's trace, limits applied, and facts a reviewer confirmed. */
export const claimTraceView = decisionTraceView.extend({
  adjustments: z.array(adjustmentView).optional(),
  confirmedFacts: factsView.optional(),
});
export type ClaimTrace = z.input<typeof claimTraceView>;

export const checklistEntryView = checklistItemView.extend({ provided: z.boolean(), note: z.string().optional() });
export type ChecklistEntry = z.input<typeof checklistEntryView>;

export const claimRecordView = z.object({
  id: z.string(),
  policyId: z.string(),
  versionId: z.string(),
  enterpriseId: z.string(),
  eventId: z.number().nullable(),
  eventKey: z.string(),
  fiscalYear: z.number(),
  fundSource: z.string(),
  status: z.enum(CLAIM_STATUSES),
  eligibility: z.enum(ELIGIBILITIES),
  amountFen: z.number(),
  trace: claimTraceView,
  checklist: z.array(checklistEntryView).nullable(),
  applicationNote: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: instant.nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: instant.nullable(),
  paidAt: instant.nullable(),
  /** The staff's reason for a rejection, in their words (or, before issue #13, an upheld objection's sentence). */
  rejectionReason: z.string().nullable(),
  /** A rejection the system made (an upheld objection), as a message the web renders. */
  rejection: policyMessageView.nullable(),
  noticeId: z.string().nullable(),
  /** Staff who reviewed or changed it: above the installation's threshold none of them approves it. */
  editors: z.array(z.string()),
  createdAt: instant,
  updatedAt: instant,
});
export type ClaimRecord = z.input<typeof claimRecordView>;

const claimNames = z.object({
  policyCode: z.string(),
  policyZh: z.string(),
  policyEn: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
});

/** A claim in the inbox: the record with its policy's and enterprise's names. */
export const claimView = claimRecordView.extend(claimNames.shape);
export type Claim = z.input<typeof claimView>;

/**
 * A step of a claim's history; staff names only for staff (`byUser`). `note`: the staff's or enterprise's words
 * (or, before issue #13, a sentence the server wrote); `message`: what the system says, rendered by the web.
 */
export const claimStepView = z.object({
  step: z.enum(CLAIM_STEPS),
  note: z.string().nullable(),
  message: policyMessageView.nullable(),
  at: instant,
  byUser: z.string().nullable().optional(),
});
export type ClaimStep = z.input<typeof claimStepView>;

export const claimDetailView = claimView.extend({ steps: z.array(claimStepView), transfers: z.array(transferView) });
export type ClaimDetail = z.input<typeof claimDetailView>;

export const paidClaimView = claimRecordView.extend({ replayed: z.boolean() });
export type PaidClaim = z.input<typeof paidClaimView>;

export const noticeView = z.object({
  id: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** The unit whose claims it lists (their policy's owner). */
  orgUnitCode: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: instant,
});
export type Notice = z.input<typeof noticeView>;

export const objectionView = z.object({
  id: z.string(),
  noticeId: z.string(),
  claimId: z.string().nullable(),
  text: z.string(),
  contact: z.string().nullable(),
  status: z.enum(OBJECTION_STATUSES),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: instant.nullable(),
  createdAt: instant,
});
export type Objection = z.input<typeof objectionView>;

export const noticeDetailView = z.object({
  notice: noticeView,
  items: z.array(claimNames.extend({ c: claimRecordView })),
  objections: z.array(objectionView),
});
export type NoticeDetail = z.input<typeof noticeDetailView>;

export const publicNoticeSummary = z.object({ id: z.string(), title: z.string(), startsOn: z.string(), endsOn: z.string() });
export type PublicNoticeSummary = z.input<typeof publicNoticeSummary>;

export const publicNoticeView = publicNoticeSummary.extend({
  open: z.boolean(),
  items: z.array(
    z.object({ claimId: z.string(), enterprise: z.string(), policyZh: z.string(), policyEn: z.string(), amountFen: z.number() }),
  ),
  /** How many objections were raised (their text is not public). */
  objections: z.number(),
});
export type PublicNotice = z.input<typeof publicNoticeView>;

export const objectionReceipt = z.object({ id: z.string(), createdAt: instant });
export type ObjectionReceipt = z.input<typeof objectionReceipt>;

/** The enterprise portal: one of my claims, with its steps (no staff names). */
export const myClaimView = z.object({
  id: z.string(),
  policyCode: z.string(),
  policyZh: z.string(),
  policyEn: z.string(),
  status: z.enum(CLAIM_STATUSES),
  eligibility: z.enum(ELIGIBILITIES),
  amountFen: z.number(),
  fiscalYear: z.number(),
  checklist: z.array(checklistEntryView).nullable(),
  rejectionReason: z.string().nullable(),
  rejection: policyMessageView.nullable(),
  conditions: z.array(conditionResultView),
  createdAt: instant,
  steps: z.array(claimStepView),
});
export type MyClaim = z.input<typeof myClaimView>;

/** What an enterprise's answer or application leads to. */
export const claimReceipt = z.object({ id: z.string(), status: z.enum(CLAIM_STATUSES) });
export type ClaimReceipt = z.input<typeof claimReceipt>;
