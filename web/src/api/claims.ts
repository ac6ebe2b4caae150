import { queryOptions } from '@tanstack/react-query';
import type {
  Adjustment,
  ChecklistEntry,
  Claim,
  ClaimDetail,
  ClaimReceipt,
  ClaimRecord,
  ClaimStep,
  ClaimTrace,
  MyClaim,
  Notice,
  NoticeDetail,
  Objection,
  ObjectionReceipt,
  PaidClaim,
  PublicNotice,
  PublicNoticeSummary,
} from '../../../common/contracts/claims';
import type {
  ApplicationBody,
  ChecklistAnswer,
  ClaimFilters,
  DocumentsBody,
  MyPolicy,
  NoticeBody,
  ObjectionBody,
  ResolveObjectionBody,
  ReviewBody,
} from '../../../common/contracts/policies';
import { CLAIM_STATUSES, type ClaimStatus, type ObjectionStatus } from '../../../common/values/policies';
import { get, post } from './http';
import { MY_KEY } from './portal';

// Claims (兑现申领): matches and applications through review, public notice, approval and payment.
// Types are the server's contracts (common/contracts/claims.ts), as the JSON arrives.

export { CLAIM_STATUSES };
export type {
  Adjustment,
  ChecklistAnswer,
  ChecklistEntry,
  Claim,
  ClaimDetail,
  ClaimFilters,
  ClaimRecord,
  ClaimStatus,
  ClaimStep,
  ClaimTrace,
  MyClaim,
  MyPolicy,
  Notice,
  NoticeDetail,
  Objection,
  ObjectionStatus,
  PublicNotice,
  PublicNoticeSummary,
};

export const CLAIMS_KEY = ['claims'] as const;
const id = encodeURIComponent;

export const claimsQuery = (filters: ClaimFilters = {}) =>
  queryOptions({ queryKey: [...CLAIMS_KEY, 'list', filters], queryFn: () => get<Claim[]>('/api/claims', { ...filters }) });

export const claimQuery = (claimId: string) =>
  queryOptions({ queryKey: [...CLAIMS_KEY, 'detail', claimId], queryFn: () => get<ClaimDetail>(`/api/claims/${id(claimId)}`) });

export const reviewClaim = (claimId: string, body: ReviewBody) => post<ClaimRecord>(`/api/claims/${id(claimId)}/review`, body);
export const approveClaim = (claimId: string) => post<ClaimRecord>(`/api/claims/${id(claimId)}/approve`);
export const payClaim = (claimId: string) => post<PaidClaim>(`/api/claims/${id(claimId)}/pay`);
export const rejectClaim = (claimId: string, reason: string) => post<ClaimRecord>(`/api/claims/${id(claimId)}/reject`, { reason });

export const noticesQuery = () => queryOptions({ queryKey: [...CLAIMS_KEY, 'notices'], queryFn: () => get<Notice[]>('/api/notices') });
export const noticeQuery = (noticeId: string) =>
  queryOptions({ queryKey: [...CLAIMS_KEY, 'notice', noticeId], queryFn: () => get<NoticeDetail>(`/api/notices/${id(noticeId)}`) });
export const createNotice = (body: NoticeBody) => post<Notice>('/api/notices', body);
export const resolveObjection = (objectionId: string, body: ResolveObjectionBody) =>
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
export const raiseObjection = (noticeId: string, body: ObjectionBody) =>
  post<ObjectionReceipt>(`/api/public/notices/${id(noticeId)}/objections`, body);

// The enterprise portal: my policies and my claims.
export const myPoliciesQuery = () =>
  queryOptions({ queryKey: [...MY_KEY, 'policies'], queryFn: () => get<MyPolicy[]>('/api/my/policies') });
export const myClaimsQuery = () => queryOptions({ queryKey: [...MY_KEY, 'claims'], queryFn: () => get<MyClaim[]>('/api/my/claims') });
export const submitDocuments = (claimId: string, body: DocumentsBody) =>
  post<ClaimReceipt>(`/api/my/claims/${id(claimId)}/documents`, body);
export const applyForPolicy = (body: ApplicationBody) => post<ClaimReceipt>('/api/my/applications', body);
