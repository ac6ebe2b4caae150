import { queryOptions } from '@tanstack/react-query';
import type {
  ConditionResult,
  EvaluateBody,
  Evaluation,
  PolicyDetail,
  PolicyMessageView as PolicyMessage,
  PolicyRow,
  PolicySummary,
  PolicyVersion,
  TestCaseResult,
  TestRun,
  VersionPatch,
  WhatIf,
  WhatIfBody,
  WhatIfRow,
} from '../../../common/contracts/policies';
import type { VersionDecision, VersionStatus } from '../../../common/values/policies';
import { get, patch, post } from './http';

// The policy catalogue (政策目录): policies as data, their versions, test cases, what-if and evaluation.
// Types are the server's contracts (common/contracts/policies.ts), as the JSON arrives.

export type {
  ConditionResult,
  PolicyMessage,
  TestCaseResult,
  Evaluation,
  PolicyDetail,
  PolicyRow,
  PolicySummary,
  PolicyVersion,
  TestRun,
  VersionPatch,
  VersionStatus,
  WhatIf,
  WhatIfRow,
};

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
export const decideVersion = (policyId: string, version: number, decision: VersionDecision, note?: string) =>
  post<PolicyVersion>(`/api/policies/${id(policyId)}/versions/${version}/${decision}`, note ? { note } : {});

export const runTests = (policyId: string, version: number) => post<TestRun>(`/api/policies/${id(policyId)}/tests/run?version=${version}`);

export const evaluatePolicy = (policyId: string, body: EvaluateBody, version?: number) =>
  post<Evaluation>(`/api/policies/${id(policyId)}/evaluate${version ? `?version=${version}` : ''}`, body);

export const whatIf = (policyId: string, version: number, body: WhatIfBody) =>
  post<WhatIf>(`/api/policies/${id(policyId)}/what-if?version=${version}`, body);
