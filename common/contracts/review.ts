import { z } from 'zod';
import { APPLICATION_STATUSES, CONFLICT_TYPES, REPORT_KINDS, REVIEW_STATUSES } from '../values/projects.js';
import { REVIEW_STAGES } from '../values/review.js';
import { isoDate } from './common.js';
import { instant } from './primitives.js';
import { centralValue, criterionResult, recordedPolicy, spread } from './project-readback.js';
import { paymentView, reportView, reviewTemplate, type scoreInput } from './projects.js';
import { panelView, thresholdFailure } from './panels.js';

/**
 * Expert review (review.routes.ts): the expert's assignments and scores, conflicts recorded by hand, the
 * aggregation and its consensus step, and the decisions and money that follow (funding.routes.ts).
 */

// ——— Requests ———

/** POST /api/my/reviews/:id/score (the contract lives with the call's review template). */
export type ScoreInput = z.input<typeof scoreInput>;

export const ratingInput = z.object({ rating: z.number().int().min(1).max(5), note: z.string().trim().max(500).optional() }).strict();
export const consensusInput = z.object({ score: z.number().min(0).max(100), note: z.string().trim().min(2).max(1000) }).strict();
/** A conflict recorded by the bureau (naming the expert) or declared by an expert about itself. */
export const conflictInput = z
  .object({
    expertId: z.uuid().optional(),
    applicationId: z.uuid(),
    type: z.enum(CONFLICT_TYPES),
    evidence: z.string().trim().min(2).max(2000),
  })
  .strict();
export const conflictDecision = z.object({ status: z.enum(['confirmed', 'dismissed']) }).strict();
export const callDecisionInput = z
  .object({
    approvals: z
      .array(
        z
          .object({
            applicationId: z.uuid(),
            approvedFen: z.number().int().positive().max(1e13),
            /** Required to fund an application that missed a threshold of the review template. */
            thresholdReason: z.string().trim().min(2).max(1000).optional(),
          })
          .strict(),
      )
      .max(500),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type CallDecisionInput = z.input<typeof callDecisionInput>;
export const reportText = z.object({ text: z.string().trim().min(5).max(20_000) }).strict();
export const reportDecision = z.object({ approve: z.boolean(), note: z.string().trim().max(1000).optional() }).strict();
export const midtermInput = z.object({ dueOn: isoDate }).strict();
export const extensionInput = z.object({ months: z.number().int().min(1).max(24) }).strict();

// ——— Views (types are what travels: z.input, a moment is an ISO string) ———

const scores = z.record(z.string(), z.number());

/** An assignment (a review sheet once scored). */
export const reviewView = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  expertId: z.uuid(),
  drawId: z.uuid().nullable(),
  stage: z.enum(REVIEW_STAGES),
  /** A mid-term or acceptance panel: the report it judges. */
  reportId: z.uuid().nullable(),
  status: z.enum(REVIEW_STATUSES),
  scores: scores.nullable(),
  total: z.number().nullable(),
  comment: z.string().nullable(),
  submittedAt: instant.nullable(),
  /** Why it ended: the expert's reason for declining, or the bureau's for replacing it. */
  reason: z.string().nullable(),
  closedAt: instant.nullable(),
  replacedBy: z.uuid().nullable(),
});
export type ReviewView = z.input<typeof reviewView>;

/** GET /api/my/reviews: an assignment with what it is about (never the other experts). */
export const myReviewView = reviewView.extend({ title: z.string(), applicantName: z.string(), callTitle: z.string(), callId: z.uuid() });
export type MyReviewView = z.input<typeof myReviewView>;

/** GET /api/my/reviews/:id: the application, the template, and the others' scores once mine is submitted. */
export const reviewDetail = z.object({
  review: reviewView,
  application: z.object({
    id: z.uuid(),
    title: z.string(),
    applicantName: z.string(),
    fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    requestedFen: z.number(),
    teamMembers: z.array(z.object({ name: z.string(), role: z.string().optional() })),
  }),
  template: reviewTemplate,
  /** The other experts' sheets, numbered 1, 2, … (never named), only once my own is submitted. */
  others: z.array(
    z.object({ n: z.number().int(), scores: scores.nullable(), total: z.number().nullable(), comment: z.string().nullable() }),
  ),
  /** A mid-term or acceptance panel: the report it judges. */
  report: z.object({ id: z.uuid(), kind: z.enum(REPORT_KINDS), text: z.string().nullable(), submittedAt: instant.nullable() }).nullable(),
});
export type ReviewDetailView = z.input<typeof reviewDetail>;

export const conflictDetection = z.object({ suggestions: z.number().int() });

/** One application in the aggregation's ranking (the bureau's view: expert ids with their totals). */
export const rankedResult = z.object({
  applicationId: z.uuid(),
  experts: z.number().int(),
  expertTotals: z.array(z.object({ expertId: z.uuid(), total: z.number() })),
  total: centralValue,
  criteria: z.array(criterionResult),
  spread,
  highSpread: z.boolean(),
  passed: z.boolean(),
  /** The thresholds missed, as codes the web words. */
  failures: z.array(thresholdFailure),
  rank: z.number().int(),
  /** The score that ranks it: an agreed score that still holds, or the aggregate. */
  score: z.number(),
});

/** POST /api/calls/:id/aggregate. */
export const aggregationView = z.object({
  policy: recordedPolicy,
  /** Reviews still to be submitted; their applications are not ranked yet. */
  waitingFor: z.number().int(),
  ranking: z.array(rankedResult),
  /** Applications whose experts disagree by more than the spread threshold (and no consensus holds). */
  consensus: z.array(z.uuid()),
  /** Agreed scores kept: the submitted reviews are those the consensus was reached on. */
  consensusKept: z.array(z.object({ applicationId: z.uuid(), title: z.string(), score: z.number().nullable() })),
  /** A consensus recorded earlier, but the reviews changed since: scored afresh, asked again if still far apart. */
  consensusReopened: z.array(
    z.object({
      applicationId: z.uuid(),
      title: z.string(),
      agreedScore: z.number().nullable(),
      score: z.number(),
      status: z.enum(APPLICATION_STATUSES).extract(['scored', 'consensus']),
    }),
  ),
});
export type AggregationView = z.input<typeof aggregationView>;

/** POST /api/calls/:id/decide. */
export const callDecision = z.object({ approved: z.number().int(), totalFen: z.number() });
export type CallDecision = z.input<typeof callDecision>;

/** A report with its expert panel (mid-term and acceptance; members for the bureau only). */
export const fundingReport = reportView.extend({ panel: panelView.nullable() });
export type FundingReport = z.input<typeof fundingReport>;
/** GET /api/applications/:id/funding: the payment schedule and the reports of a project. */
export const fundingView = z.object({ payments: z.array(paymentView), reports: z.array(fundingReport) });
export type FundingView = z.input<typeof fundingView>;
