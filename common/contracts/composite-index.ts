import { z } from 'zod';
import type { IndexResult, IndexSpec } from '../benchmarks/index.js';
import { AGGREGATION_METHODS, DIRECTIONS, IMPUTATION_METHODS, NORMALISATION_METHODS, OUTLIER_TREATMENTS } from '../values/benchmarks.js';

/**
 * The composite index's method spec and result (common/benchmarks/composite.ts) as schemas, for the answers
 * of /api/composite-index/*. The engine's interfaces stay the reference: `Same` below fails to compile when a
 * schema drifts from them. Requests carry the spec as free data: the engine checks it and names a bad field.
 */
const direction = z.union(DIRECTIONS.map((d) => z.literal(d)) as [z.ZodLiteral<1>, z.ZodLiteral<-1>]);
const normalisation = z.enum(NORMALISATION_METHODS);
const aggregation = z.enum(AGGREGATION_METHODS);

export const indexSpecView = z.object({
  indicators: z.array(
    z.object({
      code: z.string(),
      direction,
      weight: z.number().optional(),
      group: z.string().optional(),
      target: z.number().optional(),
      goalposts: z.object({ lo: z.number(), hi: z.number() }).optional(),
    }),
  ),
  tree: z.array(z.object({ code: z.string(), parent: z.string().optional(), weight: z.number() })),
  screening: z.object({ minDataShare: z.number() }),
  imputation: z.enum(IMPUTATION_METHODS),
  outliers: z.object({ enabled: z.boolean(), skew: z.number(), kurtosis: z.number(), maxWinsorised: z.number() }),
  normalisation: z.object({ method: normalisation, range: z.tuple([z.number(), z.number()]), targetCap: z.boolean() }),
  aggregation,
  shift: z.boolean(),
  uncertainty: z
    .object({
      runs: z.number(),
      seed: z.number(),
      weightPerturbation: z.number(),
      normalisations: z.array(normalisation),
      aggregations: z.array(aggregation),
    })
    .optional(),
});

const byUnit = z.record(z.string(), z.record(z.string(), z.number().nullable()));
const indicatorRank = z.object({ indicator: z.string(), rank: z.number() });

export const indexResultView = z.object({
  spec: indexSpecView,
  scores: z.array(z.object({ unit: z.string(), name: z.string(), score: z.number().nullable(), rank: z.number().nullable() })),
  screenedOut: z.array(z.object({ unit: z.string(), name: z.string(), dataShare: z.number() })),
  imputed: z.array(z.object({ unit: z.string(), indicator: z.string(), value: z.number() })),
  outliers: z.array(
    z.object({
      indicator: z.string(),
      skew: z.number().nullable(),
      kurtosis: z.number().nullable(),
      failed: z.boolean(),
      treatment: z.enum(OUTLIER_TREATMENTS),
      points: z.number().optional(),
      skewAfter: z.number().nullable().optional(),
      kurtosisAfter: z.number().nullable().optional(),
    }),
  ),
  effectiveWeights: z.record(z.string(), z.number()),
  subindices: byUnit,
  normalised: byUnit,
  strengths: z.record(z.string(), z.array(indicatorRank)),
  weaknesses: z.record(z.string(), z.array(indicatorRank)),
  shift: z.number(),
  warnings: z.array(z.string()),
  uncertainty: z
    .object({
      runs: z.number(),
      seed: z.number(),
      perUnit: z.array(z.object({ unit: z.string(), nominal: z.number(), median: z.number(), p05: z.number(), p95: z.number() })),
      meanAbsoluteRankShift: z.number(),
    })
    .optional(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const SCHEMAS_MATCH_ENGINE: [Same<z.infer<typeof indexSpecView>, IndexSpec>, Same<z.infer<typeof indexResultView>, IndexResult>] = [
  true,
  true,
];
