import { z } from 'zod';
import { AGGREGATION_METHODS, CENTRAL_VALUE_NOTES, CONSENSUS_STATES } from '../values/review.js';

/**
 * Read-backs of a call's review (issue #7): the aggregation recomputed from the stored reviews, and the files an
 * expert may open for an assignment.
 */

export const centralValue = z.object({
  value: z.number(),
  requested: z.enum(AGGREGATION_METHODS),
  applied: z.enum(AGGREGATION_METHODS),
  used: z.number().int(),
  note: z.enum(CENTRAL_VALUE_NOTES).optional(),
});
export const spread = z.object({ min: z.number(), max: z.number(), range: z.number(), sd: z.number() });

/** A criterion's aggregated value with its spread and threshold. */
export const criterionResult = centralValue.extend({
  criterionId: z.string(),
  spread,
  threshold: z.number().nullable(),
  passed: z.boolean(),
});

export const thresholdMiss = z.object({ criterionId: z.string().nullable(), value: z.number(), threshold: z.number() });

export const recordedPolicy = z.object({
  method: z.enum(AGGREGATION_METHODS),
  criteria: z.array(
    z.object({
      id: z.string(),
      nameZh: z.string().optional(),
      nameEn: z.string().optional(),
      weight: z.number(),
      threshold: z.number().optional(),
    }),
  ),
  totalThreshold: z.number().nullable(),
  spreadThreshold: z.number(),
  trimMinExperts: z.number().int(),
  scale: z.literal('0-100'),
});

/** One application's aggregated result, with where it stands. Experts appear only as their totals (no identities). */
export const applicationResult = z.object({
  applicationId: z.uuid(),
  title: z.string(),
  applicantName: z.string(),
  status: z.string(),
  experts: z.number().int(),
  /** The experts' weighted totals, highest first (anonymous). */
  expertTotals: z.array(z.number()),
  total: centralValue,
  criteria: z.array(criterionResult),
  spread,
  /** The experts' totals range over the spread threshold: a consensus step is needed before the score stands. */
  highSpread: z.boolean(),
  /** none: no consensus needed; pending: waiting for it; resolved: the panel agreed a score. */
  consensus: z.enum(CONSENSUS_STATES),
  agreedScore: z.number().nullable(),
  consensusNote: z.string().nullable(),
  /** The rank among the recomputed totals (ties share the best rank). */
  computedRank: z.number().int(),
  /** The stored score and rank (after aggregation and any consensus), which the decision uses. */
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  /** Thresholds missed on the final score (the agreed one after a consensus step). */
  misses: z.array(thresholdMiss),
  passed: z.boolean(),
});
export type ApplicationResultView = z.infer<typeof applicationResult>;

export const callResults = z.object({
  policy: recordedPolicy,
  /** Reviews not submitted yet. */
  waitingFor: z.number().int(),
  /** Applications still waiting for reviews: not in the results yet. */
  pending: z.array(
    z.object({ applicationId: z.uuid(), title: z.string(), status: z.string(), submitted: z.number().int(), assigned: z.number().int() }),
  ),
  /** Best first: by the stored rank once aggregated, else by the recomputed one. */
  results: z.array(applicationResult),
  /** Applications waiting for a consensus step. */
  consensus: z.array(z.uuid()),
  /** Accepted applications not scored yet (or waiting for a consensus): the call cannot be decided while any remains. */
  blockers: z.array(z.object({ applicationId: z.uuid(), title: z.string(), status: z.string() })),
});
export type CallResults = z.infer<typeof callResults>;

/** A file's description (never its content). */
export const attachmentMeta = z.object({
  id: z.uuid(),
  key: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type AttachmentMeta = z.infer<typeof attachmentMeta>;
