import { queryOptions } from '@tanstack/react-query';
import type { IndexResult, IndexSpec, IndexSpecInput } from '../../../common/benchmarks';
import { get, post, upload, withQuery } from './http';

// Benchmarking among peers (区域对标) and composite indices (综合指数): server/modules/benchmarks.

/** What can be ranked: an expression over data elements, with where its published value and rank are stored. */
export interface BenchmarkIndicator {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  decimals: number;
  /** 1: higher is better; −1: lower is better. */
  direction: 1 | -1;
  expression: string;
  publishedValueElement: string | null;
  publishedRankElement: string | null;
}

export interface PeerGroup {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Org-unit codes. */
  members: string[];
  builtIn: boolean;
}

export interface NewPeerGroup {
  code: string;
  nameZh: string;
  nameEn: string;
  members: string[];
}

export interface RankingRow {
  unit: string;
  name: string;
  /** Computed at full precision from the stored data values; null when an input is missing. */
  value: number | null;
  /** Among the units with a value; ties share the best rank. */
  rank: number | null;
  previousRank: number | null;
  /** previousRank − rank: positive = moved up. */
  rankChange: number | null;
  distanceToAverage: number | null;
  distanceToBest: number | null;
  /** The value as published (a statistics table), when stored. */
  publishedValue: number | null;
  /** The computed value, rounded as published, differs from the published one. */
  differsFromPublished: boolean | null;
  /** The rank the published (rounded) column gives. */
  publishedValueRank: number | null;
  /** The rank as published (a table's rank column or the plan's prose). */
  publishedRank: number | null;
  /** Data elements without a value. */
  missing: string[];
}

export interface Rankings {
  indicator: BenchmarkIndicator;
  year: number;
  group: Pick<PeerGroup, 'code' | 'nameZh' | 'nameEn'>;
  /** Simple mean of the units' values. */
  average: number | null;
  best: number | null;
  rows: RankingRow[];
}

export interface ProfileItem {
  indicator: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  value: number | null;
  rank: number | null;
  /** Units of the group with a value. */
  of: number;
  average: number | null;
}

export interface Profile {
  unit: string;
  year: number;
  /** The group's code. */
  group: string;
  items: ProfileItem[];
  strengths: ProfileItem[];
  weaknesses: ProfileItem[];
}

export interface RunIndexBody {
  spec: IndexSpecInput;
  year: number;
  group: string;
  name?: string;
  save?: boolean;
}

/** One run of a composite index, as the run answers it or as stored. */
export interface IndexRun {
  /** null when not saved. */
  id: string | null;
  name: string | null;
  year: number;
  group: string;
  createdAt: string | null;
  spec: IndexSpec;
  result: IndexResult;
}

export interface IndexRunSummary {
  id: string;
  name: string;
  year: number;
  groupCode: string;
  createdAt: string;
}

interface StoredRun extends IndexRunSummary {
  spec: IndexSpec;
  result: IndexResult;
}

const STATIC = 5 * 60_000;

export const benchmarkIndicatorsQuery = () =>
  queryOptions({
    queryKey: ['benchmarks', 'indicators'],
    queryFn: () => get<BenchmarkIndicator[]>('/api/benchmarks/indicators'),
    staleTime: STATIC,
  });

export const peerGroupsQuery = () =>
  queryOptions({
    queryKey: ['benchmarks', 'groups'],
    queryFn: () => get<PeerGroup[]>('/api/benchmarks/groups'),
    staleTime: STATIC,
  });

export const rankingsQuery = (indicator: string, year: number, group: string) =>
  queryOptions({
    queryKey: ['benchmarks', 'rankings', { indicator, year, group }],
    queryFn: () => get<Rankings>('/api/benchmarks/rankings', { indicator, year, group }),
    placeholderData: (previous) => previous,
  });

export const profileQuery = (unit: string, year: number, group: string) =>
  queryOptions({
    queryKey: ['benchmarks', 'profile', { unit, year, group }],
    queryFn: () => get<Profile>('/api/benchmarks/profile', { unit, year, group }),
    placeholderData: (previous) => previous,
  });

export const createPeerGroup = (body: NewPeerGroup) => post<PeerGroup>('/api/benchmarks/groups', body);

export const indexRunsQuery = () =>
  queryOptions({
    queryKey: ['composite-index', 'runs'],
    queryFn: () => get<IndexRunSummary[]>('/api/composite-index/runs'),
  });

export async function runIndex(body: RunIndexBody): Promise<IndexRun> {
  const r = await post<{ id: string | null; year: number; group: string; spec: IndexSpec; result: IndexResult }>(
    '/api/composite-index/run',
    body,
  );
  return { ...r, name: body.name ?? null, createdAt: null };
}

/** A stored run, in the shape a fresh run has (the stored row names its group `groupCode`). */
export async function fetchIndexRun(id: string): Promise<IndexRun> {
  const r = await get<StoredRun>(`/api/composite-index/runs/${encodeURIComponent(id)}`);
  return { id: r.id, name: r.name, year: r.year, group: r.groupCode, createdAt: r.createdAt, spec: r.spec, result: r.result };
}

/** The statistics importer (region × indicator × year tables): server/modules/benchmarks/stats-import.ts. */
export interface StatsImportReport {
  dryRun: boolean;
  committed: boolean;
  fileName: string;
  rows: {
    row: number;
    status: 'ok' | 'error' | 'warning';
    messages: { field: string; message: string }[];
    orgUnit: string | null;
    dataElement: string | null;
    period: string | null;
    value: number | null;
    unit: string | null;
  }[];
  counts: { rows: number; ok: number; warning: number; error: number; unchanged: number; written: number };
  unitsAdded: { code: string; name: string }[];
}

export const statsTemplateUrl = () => '/api/benchmarks/imports/template';

export const importStats = (file: File, dryRun: boolean) =>
  upload<StatsImportReport>(
    withQuery('/api/benchmarks/imports', { dryRun, file: file.name }),
    file,
    /\.csv$/i.test(file.name) ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
