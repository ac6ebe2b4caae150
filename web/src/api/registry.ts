import { queryOptions } from '@tanstack/react-query';
import type { PipelineEntryView, PrechecksView } from '../../../common/contracts/registry-checks';
import type {
  EnterpriseInput,
  EnterpriseList,
  EnterpriseListQuery,
  EnterpriseSummary,
  EnterpriseView,
  PatentInput,
  PatentView,
  PlatformInput,
  PlatformView,
  QualificationInput,
  QualificationListQuery,
  QualificationView,
  RegistryTypes,
  StatsInput,
  StatsView,
  TalentInput,
  TalentView,
} from '../../../common/contracts/registry';
import { get, post, request } from './http';

export type {
  EnterpriseInput,
  EnterpriseSummary,
  EnterpriseView,
  PatentInput,
  PatentView,
  PlatformInput,
  PlatformView,
  QualificationView,
  RegistryTypes,
  StatsInput,
  StatsView,
  TalentInput,
  TalentView,
};
export type Prechecks = PrechecksView;
export type PipelineEntry = PipelineEntryView;
/** The list filters (page and size apart). */
export type EnterpriseFilters = Omit<EnterpriseListQuery, 'page' | 'pageSize'>;
export type QualificationFilters = QualificationListQuery;

/** Every registry query starts with this key, so one invalidation refreshes them all after a change. */
export const REGISTRY_KEY = ['registry'] as const;
const id = encodeURIComponent;

export const registryTypesQuery = () =>
  queryOptions({
    queryKey: [...REGISTRY_KEY, 'types'],
    queryFn: () => get<RegistryTypes>('/api/registry/types'),
    // Reference data: changes rarely.
    staleTime: 10 * 60_000,
  });

export const enterprisesQuery = (filters: EnterpriseFilters, page: number, pageSize: number) =>
  queryOptions({
    queryKey: [...REGISTRY_KEY, 'enterprises', filters, page, pageSize],
    queryFn: () => get<EnterpriseList>('/api/enterprises', { ...filters, page, pageSize }),
    placeholderData: (previous) => previous,
  });

export const enterpriseQuery = (enterpriseId: string) =>
  queryOptions({
    queryKey: [...REGISTRY_KEY, 'enterprise', enterpriseId],
    queryFn: () => get<EnterpriseView>(`/api/enterprises/${id(enterpriseId)}`),
  });

export const createEnterprise = (body: EnterpriseInput) => post<EnterpriseView>('/api/enterprises', body);
export const updateEnterprise = (enterpriseId: string, body: EnterpriseInput) =>
  request<EnterpriseView>('PUT', `/api/enterprises/${id(enterpriseId)}`, body);

export const addQualification = (enterpriseId: string, body: QualificationInput) =>
  post<{ id: string }>(`/api/enterprises/${id(enterpriseId)}/qualifications`, body);
export const revokeQualification = (enterpriseId: string, qualificationId: string, revokedOn: string) =>
  post<void>(`/api/enterprises/${id(enterpriseId)}/qualifications/${id(qualificationId)}/revoke`, { revokedOn });

export const qualificationsQuery = (filters: QualificationFilters) =>
  queryOptions({
    queryKey: [...REGISTRY_KEY, 'qualifications', filters],
    queryFn: () => get<QualificationView[]>('/api/qualifications', { ...filters }),
    placeholderData: (previous) => previous,
  });

export const platformsQuery = () =>
  queryOptions({ queryKey: [...REGISTRY_KEY, 'platforms'], queryFn: () => get<PlatformView[]>('/api/platforms') });
export const createPlatform = (body: PlatformInput) => post<{ id: string }>('/api/platforms', body);

export const talentsQuery = () =>
  queryOptions({ queryKey: [...REGISTRY_KEY, 'talents'], queryFn: () => get<TalentView[]>('/api/talents') });
export const createTalent = (body: TalentInput) => post<{ id: string }>('/api/talents', body);

export const patentsQuery = () =>
  queryOptions({ queryKey: [...REGISTRY_KEY, 'patents'], queryFn: () => get<PatentView[]>('/api/patents') });
export const createPatent = (body: PatentInput) => post<{ id: string }>('/api/patents', body);

export const statsQuery = (enterpriseId: string) =>
  queryOptions({
    queryKey: [...REGISTRY_KEY, 'stats', enterpriseId],
    queryFn: () => get<StatsView[]>(`/api/enterprises/${id(enterpriseId)}/stats`),
  });
export const saveStats = (enterpriseId: string, year: number, body: StatsInput) =>
  request<void>('PUT', `/api/enterprises/${id(enterpriseId)}/stats/${year}`, body);
export const approveStats = (enterpriseId: string, year: number) =>
  post<void>(`/api/enterprises/${id(enterpriseId)}/stats/${year}/approve`);

export const prechecksQuery = (enterpriseId: string, date?: string) =>
  queryOptions({
    queryKey: [...REGISTRY_KEY, 'prechecks', enterpriseId, date ?? null],
    queryFn: () => get<Prechecks>(`/api/enterprises/${id(enterpriseId)}/prechecks`, { date }),
    placeholderData: (previous) => previous,
  });

export const pipelineQuery = (date?: string) =>
  queryOptions({
    queryKey: [...REGISTRY_KEY, 'pipeline', date ?? null],
    queryFn: () => get<PipelineEntry[]>('/api/registry/pipeline', { date }),
    placeholderData: (previous) => previous,
  });
