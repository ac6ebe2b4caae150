import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  EnterpriseInput,
  EnterpriseView,
  QualificationView,
  enterpriseSummary,
  patentInput,
  patentView,
  platformInput,
  platformView,
  statsInput,
  statsView,
  talentInput,
  talentView,
} from '../../../common/contracts/registry';
import type { HighTechPrecheck, MissingCondition, TechSmeEvaluation } from '../../../common/registry';
import { get, post, request } from './http';

export type EnterpriseSummary = z.infer<typeof enterpriseSummary>;
export type PlatformView = z.infer<typeof platformView>;
export type PlatformInput = z.input<typeof platformInput>;
export type TalentView = z.infer<typeof talentView>;
export type TalentInput = z.input<typeof talentInput>;
export type PatentView = z.infer<typeof patentView>;
export type PatentInput = z.input<typeof patentInput>;
export type StatsView = z.infer<typeof statsView>;
export type StatsInput = z.input<typeof statsInput>;
export type { EnterpriseInput, EnterpriseView, QualificationView };

export interface RegistryTypes {
  industryTags: { code: string; nameZh: string; nameEn: string }[];
  qualificationTypes: { code: string; nameZh: string; nameEn: string; validity: string }[];
  platformTypes: { code: string; nameZh: string; nameEn: string; category: 'rd' | 'service'; incubator: boolean }[];
}

export interface Prechecks {
  date: string;
  highTech: HighTechPrecheck;
  techSme: TechSmeEvaluation;
  fromRegister: { statsYears: number[]; validInventions: number; validClassII: number; hasHighTechCertificate: boolean };
}

export interface PipelineEntry {
  position: number;
  id: string;
  name: string;
  creditCode: string;
  orgUnitName: string;
  isDemo: boolean;
  overall: HighTechPrecheck['overall'];
  rankKey: number;
  failed: number;
  unknown: number;
  missing: MissingCondition[];
}

export interface EnterpriseFilters {
  q?: string;
  orgUnit?: string;
  tag?: string;
  qualification?: string;
  validOn?: string;
}

export interface QualificationFilters {
  type?: string;
  validOn?: string;
  expiringWithinMonths?: number;
  orgUnit?: string;
}

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
    queryFn: () => get<{ items: EnterpriseSummary[]; total: number }>('/api/enterprises', { ...filters, page, pageSize }),
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

export const addQualification = (
  enterpriseId: string,
  body: { typeCode: string; number?: string | null; issuedOn: string; revokedOn?: string | null },
) => post<{ id: string }>(`/api/enterprises/${id(enterpriseId)}/qualifications`, body);
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
