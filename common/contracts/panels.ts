import { z } from 'zod';
import { REVIEW_STATUSES } from '../values/projects.js';
import { AGGREGATION_METHODS, DRAW_KINDS, PANEL_STAGES, REVIEW_STAGES, SWAP_SKIP_REASONS } from '../values/review.js';
import type { ThresholdFailureCode } from '../values/review.js';
import { isoDate, name, text } from './common.js';
import { instant } from './primitives.js';

/**
 * Expert panels of the mid-term check and acceptance, changes after a draw (decline, swap, redraw), the draw
 * read-back, and the public notice (公示) of a call's approval list (issue #7).
 */
export const stage = z.enum(REVIEW_STAGES);
export type Stage = z.infer<typeof stage>;

const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const reason = z.string().trim().min(2).max(500);

/** A draw: the review stage by default; a panel stage for the submitted reports of that kind (or the named ones). */
export const drawBody = z.object({ seed, stage: stage.optional(), reportIds: z.array(z.uuid()).min(1).max(200).optional() }).strict();
export type DrawBody = z.input<typeof drawBody>;
export const redrawBody = z.object({ seed, stage, reason, reportIds: z.array(z.uuid()).min(1).max(200).optional() }).strict();
export type RedrawBody = z.input<typeof redrawBody>;
/** A declined place needs no reason (the expert gave one); an assigned expert found unavailable does. */
export const swapBody = z.object({ reason: reason.optional() }).strict();
export const declineBody = z.object({ reason }).strict();
export const panelDrawBody = z.object({ seed }).strict();
export const stageQuery = z.object({ stage: stage.optional() });

export const noticeInput = z.object({ title: name(200, { min: 2 }).optional(), startsOn: isoDate, endsOn: isoDate }).strict();
export type NoticeInput = z.input<typeof noticeInput>;
export const projectObjectionInput = z
  .object({
    applicationId: z.uuid().optional(),
    text: text(2000, { min: 5 }),
    contact: name(100, { min: 0 }).optional(),
  })
  .strict();
export type ProjectObjectionInput = z.input<typeof projectObjectionInput>;
export const resolveProjectObjection = z
  .object({ status: z.enum(['upheld', 'dismissed']), resolution: z.string().trim().min(2).max(500) })
  .strict();
export type ResolveProjectObjection = z.input<typeof resolveProjectObjection>;

// ——— Views: what the server answers (types are what travels: z.input, a moment is an ISO string) ———

export const expertRef = z.object({ id: z.uuid(), name: z.string() });
export type ExpertRef = z.input<typeof expertRef>;

const quota = z.object({ field: z.string(), min: z.number() });

/** GET /api/calls/:id/draws: one draw record as the bureau reads it back. */
export const drawRecordView = z.object({
  id: z.uuid(),
  stage,
  kind: z.enum(DRAW_KINDS),
  parentId: z.uuid().nullable(),
  seed: z.number().int(),
  checksum: z.string(),
  createdAt: instant,
  /** The display name of who made it. */
  createdBy: z.string().nullable(),
  /** Draws and redraws store their inputs and can be re-run; a swap takes alternates in order. */
  rerunnable: z.boolean(),
  params: z.object({
    base: z.number().nullable(),
    jitter: z.number().nullable(),
    fieldMismatch: z.number().nullable(),
    loadStep: z.number().nullable(),
    alternates: z.number().nullable(),
    size: z.number().nullable(),
    loadCap: z.number().nullable(),
    quotas: z.array(quota),
    exact: z.boolean().nullable(),
    reason: z.string().nullable(),
    pool: z.number().int().nullable(),
    exclusions: z.number().int().nullable(),
  }),
  totalCost: z.number().nullable(),
  assignments: z.array(
    z.object({
      applicationId: z.uuid(),
      applicationTitle: z.string(),
      reportId: z.uuid().nullable(),
      expert: expertRef,
      cost: z.number().nullable(),
    }),
  ),
  alternates: z.array(z.object({ applicationId: z.uuid(), applicationTitle: z.string(), experts: z.array(expertRef) })),
  ended: z.array(z.object({ reviewId: z.uuid(), applicationId: z.string(), expert: expertRef })),
  /**
   * The alternates a swap passed over: `reason` is a code (SWAP_SKIP_REASONS) with its parameters, or in records
   * from before codes a sentence 「中文 / English」 (common/review/skips.ts skipText says either).
   */
  skipped: z.array(
    z.object({
      expert: expertRef,
      reason: z.string(),
      params: z.object({ cap: z.number().optional(), fields: z.array(z.string()).optional() }),
    }),
  ),
});
export type DrawRecordView = z.input<typeof drawRecordView>;

/** GET /api/calls/:id/assignments: an assignment as it stands. */
export const assignmentView = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  applicationTitle: z.string(),
  applicantName: z.string(),
  stage,
  reportId: z.uuid().nullable(),
  drawId: z.uuid().nullable(),
  expertId: z.uuid(),
  expertName: z.string(),
  expertOrg: z.string().nullable(),
  expertFields: z.array(z.string()),
  status: z.enum(REVIEW_STATUSES),
  total: z.number().nullable(),
  submittedAt: instant.nullable(),
  reason: z.string().nullable(),
  closedAt: instant.nullable(),
  replacedBy: z.uuid().nullable(),
});
export type AssignmentView = z.input<typeof assignmentView>;

/** A draw, redraw or panel draw made. */
export const drawAnswer = z.object({
  drawId: z.uuid(),
  stage,
  kind: z.enum(DRAW_KINDS),
  seed: z.number().int(),
  checksum: z.string(),
  totalCost: z.number(),
  /** How many reviews were assigned. */
  assignments: z.number().int(),
  alternates: z.array(z.object({ applicationId: z.uuid(), experts: z.array(z.uuid()) })),
});
export type DrawAnswer = z.input<typeof drawAnswer>;

const unfilledBase = {
  applicationId: z.uuid(),
  applicationTitle: z.string(),
  /** Reviews (kind 'reviews') or quota experts (kind 'quota') missing. */
  missing: z.number().int(),
  kind: z.enum(['reviews', 'quota']),
};
const count = z.number().int();
/**
 * A place a draw could not fill, as a code and its numbers (common/review/assignment/types.ts UnfilledReason); the
 * web words it. The 409 `assignment_infeasible` carries them as `error.details.unfilled`.
 */
export const unfilledPlace = z.discriminatedUnion('code', [
  z.object({ ...unfilledBase, code: z.literal('assign_orgs_short'), params: z.object({ experts: count, orgs: count, reviews: count }) }),
  z.object({ ...unfilledBase, code: z.literal('assign_load_caps'), params: z.object({ free: count }) }),
  z.object({
    ...unfilledBase,
    code: z.literal('quota_orgs_short'),
    params: z.object({ field: z.string(), min: z.number(), experts: count, orgs: count }),
  }),
  z.object({ ...unfilledBase, code: z.literal('quota_load_caps'), params: z.object({ field: z.string(), min: z.number() }) }),
]);
export type UnfilledPlace = z.input<typeof unfilledPlace>;
/** `error.details` of a draw that cannot be met (409 assignment_infeasible): nothing was saved. */
export const drawInfeasible = z.object({ unfilled: z.array(unfilledPlace) });
export type DrawInfeasible = z.input<typeof drawInfeasible>;

/** A stored draw re-run: the same checksum (and assignments) means the same draw. */
export const drawVerification = z.object({
  drawId: z.uuid(),
  callId: z.uuid(),
  checksum: z.string(),
  recomputed: z.string(),
  reproduced: z.boolean(),
});
export type DrawVerification = z.input<typeof drawVerification>;

/** A swap made: the new assignment, and the alternates passed over (codes, as in the draw record). */
export const swapAnswer = z.object({
  drawId: z.uuid(),
  reviewId: z.uuid(),
  expertId: z.uuid(),
  expertName: z.string(),
  skipped: z.array(
    z.object({
      expertId: z.uuid(),
      name: z.string(),
      reason: z.enum(SWAP_SKIP_REASONS),
      params: z.object({ cap: z.number().optional(), fields: z.array(z.string()).optional() }).optional(),
    }),
  ),
});
export type SwapAnswer = z.input<typeof swapAnswer>;

/** An assignment declined by its expert. */
export const declined = z.object({
  id: z.uuid(),
  status: z.enum(REVIEW_STATUSES),
  reason: z.string().nullable(),
  closedAt: instant.nullable(),
});
export type Declined = z.input<typeof declined>;

/**
 * A threshold an aggregation missed, as a code and its numbers (common/review/aggregate.ts ThresholdFailure):
 * a criterion's by key, or the total's. The web words it.
 */
export const thresholdFailure = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('miss_criterion' satisfies ThresholdFailureCode),
    params: z.object({ criterion: z.string(), value: z.number(), threshold: z.number() }),
  }),
  z.object({
    code: z.literal('miss_total' satisfies ThresholdFailureCode),
    params: z.object({ value: z.number(), threshold: z.number() }),
  }),
]);
export type ThresholdFailureView = z.input<typeof thresholdFailure>;

/** What a report's panel concluded, without anyone's identity. */
export const panelOutcome = z.object({
  total: z.number(),
  method: z.enum(AGGREGATION_METHODS),
  experts: z.number().int(),
  passed: z.boolean(),
  /** Codes; a report decided before #13 keeps its snapshot's sentences 「中文 / English」, shown as stored. */
  failures: z.array(z.union([thresholdFailure, z.string()])),
  spread: z.number(),
  highSpread: z.boolean(),
  criteria: z.array(z.object({ key: z.string(), value: z.number(), threshold: z.number().nullable(), passed: z.boolean() })),
});
export type PanelOutcome = z.input<typeof panelOutcome>;

/** A report's expert panel: members only for the bureau; the outcome for the owner once decided. */
export const panelView = z.object({
  stage: z.enum(PANEL_STAGES),
  required: z.boolean(),
  size: z.number().int(),
  drawn: z.boolean(),
  submitted: z.number().int(),
  open: z.number().int(),
  finished: z.boolean(),
  outcome: panelOutcome.nullable(),
  members: z
    .array(
      z.object({
        reviewId: z.uuid(),
        expertId: z.uuid(),
        expertName: z.string(),
        status: z.enum(REVIEW_STATUSES),
        total: z.number().nullable(),
        reason: z.string().nullable(),
      }),
    )
    .optional(),
});
export type PanelView = z.input<typeof panelView>;
