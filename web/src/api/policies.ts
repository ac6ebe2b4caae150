import { queryOptions } from '@tanstack/react-query';
import type {
  ConditionResult,
  DecisionTrace,
  Eligibility,
  PolicyEvent,
  PolicyParameter,
  PolicyRule,
  PolicyTestCase,
  TestCaseResult,
} from '../../../common/policies';
import { get, patch, post } from './http';

// The policy catalogue (政策目录): policies as data, their versions, test cases, what-if and evaluation.

export type VersionStatus = 'draft' | 'pending' | 'approved' | 'superseded' | 'rejected';

/** A policy as stored: code, names and the plan's clause it comes from. */
export interface PolicyRow {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  clauseRef: string;
  clauseText: string;
  regionCode: string;
  sortOrder: number;
  createdAt: string;
}

/** A catalogue entry, with the version in force and what is 待定 today. */
export interface PolicySummary extends PolicyRow {
  trigger: PolicyEvent;
  activeVersion: number | null;
  latestVersion: number;
  latestStatus: VersionStatus;
  unsetParameters: string[];
  /** Approved, with every parameter set today: it matches and pays. */
  operative: boolean;
}

export interface PolicyVersion {
  id: string;
  policyId: string;
  version: number;
  status: VersionStatus;
  rule: PolicyRule;
  parameters: PolicyParameter[];
  tests: PolicyTestCase[];
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  /** Everyone who changed its content: none of them approves it (four eyes). */
  editors: string[];
}

/** GET /api/policies/:code: the stored policy (not the catalogue summary) and its versions, newest first. */
export interface PolicyDetail extends PolicyRow {
  versions: PolicyVersion[];
}

export interface TestRun {
  version: number;
  passed: number;
  failed: number;
  results: TestCaseResult[];
}

export interface Evaluation {
  eligibility: Eligibility;
  amountFen: number | null;
  reasons: ConditionResult[];
  unsetParameters: string[];
  trace: DecisionTrace;
}

export interface WhatIfRow {
  enterpriseId: string;
  name: string;
  date: string;
  eligibility: Eligibility;
  amountFen: number | null;
}

export interface WhatIf {
  year: number;
  fundSource: string;
  events: number;
  eligible: number;
  undetermined: number;
  projectedSpendFen: number;
  undeterminedSpendFen: number;
  remainingBudgetFen: number;
  shortfallFen: number;
  rows: WhatIfRow[];
}

export interface VersionPatch {
  parameters?: PolicyParameter[];
  rule?: PolicyRule;
  tests?: PolicyTestCase[];
  note?: string;
}

/** Every policy query starts with this key; claims depend on policies, so a decision refreshes both. */
export const POLICIES_KEY = ['policies'] as const;
const id = encodeURIComponent;

export const policiesQuery = () =>
  queryOptions({ queryKey: [...POLICIES_KEY, 'list'], queryFn: () => get<PolicySummary[]>('/api/policies') });

export const policyQuery = (code: string) =>
  queryOptions({ queryKey: [...POLICIES_KEY, 'detail', code], queryFn: () => get<PolicyDetail>(`/api/policies/${id(code)}`) });

export const newDraft = (policyId: string) => post<PolicyVersion>(`/api/policies/${id(policyId)}/versions`);
export const updateDraft = (policyId: string, version: number, body: VersionPatch) =>
  patch<PolicyVersion>(`/api/policies/${id(policyId)}/versions/${version}`, body);
export const submitVersion = (policyId: string, version: number) =>
  post<PolicyVersion>(`/api/policies/${id(policyId)}/versions/${version}/submit`);
export const decideVersion = (policyId: string, version: number, decision: 'approve' | 'reject', note?: string) =>
  post<PolicyVersion>(`/api/policies/${id(policyId)}/versions/${version}/${decision}`, note ? { note } : {});

export const runTests = (policyId: string, version: number) => post<TestRun>(`/api/policies/${id(policyId)}/tests/run?version=${version}`);

export const evaluatePolicy = (policyId: string, body: { creditCode: string; date?: string }, version?: number) =>
  post<Evaluation>(`/api/policies/${id(policyId)}/evaluate${version ? `?version=${version}` : ''}`, body);

export const whatIf = (
  policyId: string,
  version: number,
  body: { year: number; parameters: Record<string, number>; fundSource?: string },
) => post<WhatIf>(`/api/policies/${id(policyId)}/what-if?version=${version}`, body);
