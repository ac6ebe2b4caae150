import { queryOptions } from '@tanstack/react-query';
import type { ChecklistItem, ConditionResult, DecisionTrace, Eligibility, FactValue, Facts, PolicyEvent } from '../../../common/policies';
import { get, post } from './http';
import type { LedgerTransfer } from './ledger';
import { MY_KEY } from './portal';

// Claims (兑现申领): matches and applications through review, public notice, approval and payment.

/** The contract's statuses, restated: importing common/contracts would pull zod into the page. */
export const CLAIM_STATUSES = [
  'needs_data',
  'applied',
  'matched',
  'reviewed',
  'in_notice',
  'approved',
  'paid',
  'rejected',
  'stacked',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface Adjustment {
  kind: 'stacking' | 'yearly_cap';
  fen: number;
  zh: string;
  en: string;
}

/** The decision as stored with the claim: the engine's trace, limits applied, and facts a reviewer confirmed. */
export interface ClaimTrace extends DecisionTrace {
  adjustments?: Adjustment[];
  confirmedFacts?: Facts;
}

export interface ChecklistEntry extends ChecklistItem {
  provided: boolean;
  note?: string;
}

export interface ClaimRecord {
  id: string;
  policyId: string;
  versionId: string;
  enterpriseId: string;
  eventId: number | null;
  eventKey: string;
  fiscalYear: number;
  fundSource: string;
  status: ClaimStatus;
  eligibility: Eligibility;
  amountFen: number;
  trace: ClaimTrace;
  checklist: ChecklistEntry[] | null;
  applicationNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  paidAt: string | null;
  rejectionReason: string | null;
  noticeId: string | null;
  /** Staff who reviewed or changed it: above the installation's threshold none of them approves it. */
  editors: string[];
  createdAt: string;
  updatedAt: string;
}

interface ClaimNames {
  policyCode: string;
  policyZh: string;
  policyEn: string;
  enterpriseName: string;
  creditCode: string;
}

export type Claim = ClaimRecord & ClaimNames;

export interface ClaimStep {
  step: string;
  note: string | null;
  at: string;
  byUser?: string | null;
}

export interface ClaimDetail extends Claim {
  steps: ClaimStep[];
  transfers: LedgerTransfer[];
}

export interface Notice {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  createdBy: string | null;
  createdAt: string;
}

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

export interface Objection {
  id: string;
  noticeId: string;
  claimId: string | null;
  text: string;
  contact: string | null;
  status: ObjectionStatus;
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export interface NoticeDetail {
  notice: Notice;
  items: ({ c: ClaimRecord } & ClaimNames)[];
  objections: Objection[];
}

export interface PublicNoticeSummary {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
}

export interface PublicNotice extends PublicNoticeSummary {
  open: boolean;
  items: { claimId: string; enterprise: string; policyZh: string; policyEn: string; amountFen: number }[];
  /** How many objections were raised (their text is not public). */
  objections: number;
}

export interface ClaimFilters {
  status?: ClaimStatus;
  policy?: string;
  notice?: string;
}

export const CLAIMS_KEY = ['claims'] as const;
const id = encodeURIComponent;

export const claimsQuery = (filters: ClaimFilters = {}) =>
  queryOptions({ queryKey: [...CLAIMS_KEY, 'list', filters], queryFn: () => get<Claim[]>('/api/claims', { ...filters }) });

export const claimQuery = (claimId: string) =>
  queryOptions({ queryKey: [...CLAIMS_KEY, 'detail', claimId], queryFn: () => get<ClaimDetail>(`/api/claims/${id(claimId)}`) });

export const reviewClaim = (claimId: string, body: { facts?: Record<string, FactValue>; note?: string }) =>
  post<ClaimRecord>(`/api/claims/${id(claimId)}/review`, body);
export const approveClaim = (claimId: string) => post<ClaimRecord>(`/api/claims/${id(claimId)}/approve`);
export const payClaim = (claimId: string) => post<ClaimRecord & { replayed: boolean }>(`/api/claims/${id(claimId)}/pay`);
export const rejectClaim = (claimId: string, reason: string) => post<ClaimRecord>(`/api/claims/${id(claimId)}/reject`, { reason });

export const noticesQuery = () => queryOptions({ queryKey: [...CLAIMS_KEY, 'notices'], queryFn: () => get<Notice[]>('/api/notices') });
export const noticeQuery = (noticeId: string) =>
  queryOptions({ queryKey: [...CLAIMS_KEY, 'notice', noticeId], queryFn: () => get<NoticeDetail>(`/api/notices/${id(noticeId)}`) });
export const createNotice = (body: { title: string; startsOn: string; endsOn: string; claimIds: string[] }) =>
  post<Notice>('/api/notices', body);
export const resolveObjection = (objectionId: string, body: { status: 'upheld' | 'dismissed'; resolution: string }) =>
  post<Objection>(`/api/objections/${id(objectionId)}/resolve`, body);

// The public notice pages: no sign-in.
export const PUBLIC_KEY = ['public'] as const;
export const publicNoticesQuery = () =>
  queryOptions({ queryKey: [...PUBLIC_KEY, 'notices'], queryFn: () => get<PublicNoticeSummary[]>('/api/public/notices') });
export const publicNoticeQuery = (noticeId: string) =>
  queryOptions({
    queryKey: [...PUBLIC_KEY, 'notice', noticeId],
    queryFn: () => get<PublicNotice>(`/api/public/notices/${id(noticeId)}`),
  });
export const raiseObjection = (noticeId: string, body: { claimId?: string; text: string; contact?: string }) =>
  post<{ id: string; createdAt: string }>(`/api/public/notices/${id(noticeId)}/objections`, body);

// The enterprise portal: my policies and my claims.
export interface MyPolicy {
  code: string;
  nameZh: string;
  nameEn: string;
  clauseRef: string;
  trigger: PolicyEvent;
  eligibility: Eligibility;
  amountFen: number | null;
  conditions: ConditionResult[];
  checklist: ChecklistItem[];
  /** Checklist keys that would settle the conditions the register cannot. */
  documentsNeeded: string[];
}

export interface MyClaim {
  id: string;
  policyCode: string;
  policyZh: string;
  policyEn: string;
  status: ClaimStatus;
  eligibility: Eligibility;
  amountFen: number;
  fiscalYear: number;
  checklist: ChecklistEntry[] | null;
  rejectionReason: string | null;
  conditions: ConditionResult[];
  createdAt: string;
  steps: ClaimStep[];
}

export interface ChecklistAnswer {
  key: string;
  provided: boolean;
  note?: string;
}

export const myPoliciesQuery = () =>
  queryOptions({ queryKey: [...MY_KEY, 'policies'], queryFn: () => get<MyPolicy[]>('/api/my/policies') });
export const myClaimsQuery = () => queryOptions({ queryKey: [...MY_KEY, 'claims'], queryFn: () => get<MyClaim[]>('/api/my/claims') });
export const submitDocuments = (claimId: string, body: { checklist: ChecklistAnswer[]; note?: string }) =>
  post<{ id: string; status: ClaimStatus }>(`/api/my/claims/${id(claimId)}/documents`, body);
export const applyForPolicy = (body: { policy: string; reference: string; note?: string; checklist?: ChecklistAnswer[] }) =>
  post<{ id: string; status: ClaimStatus }>('/api/my/applications', body);
