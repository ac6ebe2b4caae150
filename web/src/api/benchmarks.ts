import { queryOptions } from '@tanstack/react-query';
import type {
  BenchmarkIndicator,
  IndexRunRecord,
  IndexRunSummary,
  IndexRunView,
  NewPeerGroup,
  PeerGroup,
  Profile,
  ProfileItem,
  RankingRow,
  Rankings,
  RunIndexInput,
  StatsImportReport,
  StoredIndexRun,
} from '../../../common/contracts/benchmarks';
import { MIME } from '../../../common/values/files';
import { get, post, upload, withQuery } from './http';

// Benchmarking among peers (区域对标) and composite indices (综合指数): server/modules/benchmarks.
export type { BenchmarkIndicator, IndexRunSummary, NewPeerGroup, PeerGroup, Profile, ProfileItem, RankingRow, Rankings, StatsImportReport };

export type RunIndexBody = RunIndexInput;
export type IndexRun = IndexRunRecord;

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
  const r = await post<IndexRunView>('/api/composite-index/run', body);
  return { ...r, name: body.name ?? null, createdAt: null };
}

/** A stored run, in the shape a fresh run has (the stored row names its group `groupCode`). */
export async function fetchIndexRun(id: string): Promise<IndexRun> {
  const r = await get<StoredIndexRun>(`/api/composite-index/runs/${encodeURIComponent(id)}`);
  return { id: r.id, name: r.name, year: r.year, group: r.groupCode, createdAt: r.createdAt, spec: r.spec, result: r.result };
}

/** The statistics importer (region × indicator × year tables): server/modules/benchmarks/stats-import.ts. */
export const statsTemplateUrl = () => '/api/benchmarks/imports/template';

export const importStats = (file: File, dryRun: boolean) =>
  upload<StatsImportReport>(
    withQuery('/api/benchmarks/imports', { dryRun, file: file.name }),
    file,
    /\.csv$/i.test(file.name) ? MIME.csv : MIME.xlsx,
  );
