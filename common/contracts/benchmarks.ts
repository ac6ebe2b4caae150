import { z } from 'zod';
import { ORG_CODE_PATTERN } from '../limits.js';
import { DEFAULT_PEER_GROUP, DIRECTIONS, PEER_GROUP_CODE_PATTERN, STATS_IMPORT_ROW_STATUSES } from '../values/benchmarks.js';
import type { IndexSpecInput } from '../benchmarks/index.js';
import { indexResultView, indexSpecView } from './composite-index.js';
import { instant } from './primitives.js';

/**
 * Benchmarking among peers (区域对标), composite indices (综合指数) and the statistics import
 * (server/modules/benchmarks). Response types are z.input (the wire: instants are ISO strings).
 */
const year = z.coerce.number().int().min(1990).max(2100);
const groupCode = z.string().max(40).default(DEFAULT_PEER_GROUP);
const orgCode = z.string().regex(ORG_CODE_PATTERN);
const direction = z.union(DIRECTIONS.map((d) => z.literal(d)) as [z.ZodLiteral<1>, z.ZodLiteral<-1>]);

/** What can be ranked: an expression over data elements, with where its published value and rank are stored. */
export const benchmarkIndicatorView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  decimals: z.number(),
  direction,
  expression: z.string(),
  publishedValueElement: z.string().nullable(),
  publishedRankElement: z.string().nullable(),
  sortOrder: z.number(),
});
export const benchmarkIndicatorList = z.array(benchmarkIndicatorView);

export const peerGroupView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** Org-unit codes. */
  members: z.array(z.string()),
  builtIn: z.boolean(),
  /** The narrowest unit covering its members (null: the installation's own). */
  orgUnitCode: z.string().nullable(),
  createdAt: instant,
});
export const peerGroupList = z.array(peerGroupView);

export const peerGroupInput = z
  .object({
    code: z.string().regex(PEER_GROUP_CODE_PATTERN),
    nameZh: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().min(1).max(100),
    members: z.array(orgCode).min(2).max(500),
  })
  .strict();

export const rankingsQuery = z.object({ indicator: z.string().max(60), year, group: groupCode });
export const profileQuery = z.object({ unit: orgCode, year, group: groupCode });

export const rankingRow = z.object({
  unit: z.string(),
  name: z.string(),
  /** Computed at full precision from the stored data values; null when an input is missing. */
  value: z.number().nullable(),
  /** Among the units with a value; ties share the best rank. */
  rank: z.number().nullable(),
  previousRank: z.number().nullable(),
  /** previousRank − rank: positive = moved up. */
  rankChange: z.number().nullable(),
  distanceToAverage: z.number().nullable(),
  distanceToBest: z.number().nullable(),
  /** The value as published (a statistics table), when stored. */
  publishedValue: z.number().nullable(),
  /** The computed value, rounded as published, differs from the published one. */
  differsFromPublished: z.boolean().nullable(),
  /** The rank the published (rounded) column gives. */
  publishedValueRank: z.number().nullable(),
  /** The rank as published (a table's rank column or the plan's prose). */
  publishedRank: z.number().nullable(),
  /** Data elements without a value. */
  missing: z.array(z.string()),
});

export const rankingsView = z.object({
  indicator: benchmarkIndicatorView,
  year: z.number(),
  group: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  /** Simple mean of the units' values. */
  average: z.number().nullable(),
  best: z.number().nullable(),
  rows: z.array(rankingRow),
});

export const profileItem = z.object({
  indicator: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  rank: z.number().nullable(),
  /** Units of the group with a value. */
  of: z.number(),
  average: z.number().nullable(),
});

export const profileView = z.object({
  unit: z.string(),
  year: z.number(),
  /** The group's code. */
  group: z.string(),
  items: z.array(profileItem),
  strengths: z.array(profileItem),
  weaknesses: z.array(profileItem),
});

export const runIndexInput = z
  .object({
    /** The method spec as data (IndexSpecInput); the engine checks it and names a bad field. */
    spec: z.record(z.string(), z.unknown()),
    year,
    group: groupCode,
    name: z.string().trim().max(100).optional(),
    save: z.boolean().optional(),
  })
  .strict();

/** A fresh run: its id (null when not saved), the spec used with every default filled in, and the result. */
export const indexRunView = z.object({
  id: z.string().nullable(),
  year: z.number(),
  group: z.string(),
  spec: indexSpecView,
  result: indexResultView,
});

export const indexRunSummary = z.object({ id: z.string(), name: z.string(), year: z.number(), groupCode: z.string(), createdAt: instant });
export const indexRunList = z.array(indexRunSummary);
export const storedIndexRun = indexRunSummary.extend({
  spec: indexSpecView,
  result: indexResultView,
  createdBy: z.string().nullable(),
  orgUnitCode: z.string().nullable(),
});
export const runParams = z.object({ id: z.uuid() });

// ---- Statistics import (region × indicator × year tables) ----

export const statsImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  /** The uploaded file's name, cited with the row in each value's source note. */
  file: z.string().trim().min(1).max(200).optional(),
});

export const statsImportReport = z.object({
  dryRun: z.boolean(),
  committed: z.boolean(),
  fileName: z.string(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      status: z.enum(STATS_IMPORT_ROW_STATUSES),
      messages: z.array(z.object({ field: z.string(), message: z.string() })),
      orgUnit: z.string().nullable(),
      dataElement: z.string().nullable(),
      period: z.string().nullable(),
      value: z.number().nullable(),
      unit: z.string().nullable(),
    }),
  ),
  counts: z.object({
    rows: z.number().int(),
    ok: z.number().int(),
    warning: z.number().int(),
    error: z.number().int(),
    unchanged: z.number().int(),
    written: z.number().int(),
  }),
  unitsAdded: z.array(z.object({ code: z.string(), name: z.string() })),
});

export type BenchmarkIndicator = z.input<typeof benchmarkIndicatorView>;
export type PeerGroup = z.input<typeof peerGroupView>;
export type NewPeerGroup = z.input<typeof peerGroupInput>;
export type RankingRow = z.input<typeof rankingRow>;
export type Rankings = z.input<typeof rankingsView>;
export type ProfileItem = z.input<typeof profileItem>;
export type Profile = z.input<typeof profileView>;
export type IndexRunView = z.input<typeof indexRunView>;
export type IndexRunSummary = z.input<typeof indexRunSummary>;
export type StoredIndexRun = z.input<typeof storedIndexRun>;
export type StatsImportReport = z.input<typeof statsImportReport>;
/** The run request with the spec as the engine accepts it (the schema carries it as free data the engine checks). */
export type RunIndexInput = Omit<z.input<typeof runIndexInput>, 'spec'> & { spec: IndexSpecInput };
/** A fresh or a stored run in one shape (a fresh one has no name and no time; a stored one names its group). */
export type IndexRunRecord = IndexRunView & { name: string | null; createdAt: string | null };
