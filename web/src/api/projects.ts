import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApplicationDetail,
  ApplicationInput,
  ApplicationView,
  AttachmentReceipt,
  AttachmentView,
  CallConflictView,
  CallForm,
  CallInput,
  CallView,
  ConflictView,
  Eligibility,
  ExpertInput,
  ExpertPatchInput,
  ExpertUpdated,
  ExpertView,
  FieldValue,
  FundingParams,
  FundingParamsInput,
  PaymentResult,
  PaymentView,
  ReportView,
  ReviewTemplate,
  TeamMember,
} from '../../../common/contracts/projects';
import type { conflictDecision, conflictDetection, conflictInput, FundingReport, FundingView } from '../../../common/contracts/review';
import type { FormalCheckDecision } from '../../../common/values/projects';
import { get, post, request, upload } from './http';
import { MY_KEY } from './portal';

// Project calls (项目指南), applications, the expert pool, conflicts and funding. Types come from the contracts
// (common/contracts/projects.ts, review.ts), value lists from common/values/projects.ts.

export {
  APPLICATION_STATUSES,
  ATTACHMENT_TYPES,
  CALL_STATUSES,
  CONFLICT_TYPES,
  type Aggregation,
  type ApplicationStatus,
  type CallKind,
  type CallStatus,
  type ConflictSource,
  type ConflictStatus,
  type ConflictType,
  type FieldType,
  type FundingMode,
  type PaymentCondition,
  type PaymentKind,
  type PaymentStatus,
  type ReportKind,
  type ReportStatus,
} from '../../../common/values/projects';
export type {
  ApplicationDetail,
  ApplicationInput,
  CallForm,
  CallInput,
  Eligibility,
  ExpertInput,
  ExpertPatchInput,
  FieldValue,
  FundingParams,
  FundingParamsInput,
  ReviewTemplate,
  TeamMember,
};
export type Call = CallView;
export type Application = ApplicationView;
export type Attachment = AttachmentView;
export type Expert = ExpertView;
export type ExpertHistory = ExpertView['history'];
export type Period = NonNullable<ExpertHistory['employment']>[number];
/** GET /api/calls/:id/conflicts: each with the expert's and the applicant's names. */
export type Conflict = CallConflictView;
export type Payment = PaymentView;
/** A report with its expert panel (mid-term and acceptance; members for the bureau only). */
export type Report = FundingReport;
export type Funding = FundingView;
/** What the bureau records (for an expert) or an expert declares (about itself). */
export type ConflictInput = z.input<typeof conflictInput>;
type ConflictDecision = z.input<typeof conflictDecision>;
type ConflictDetection = z.input<typeof conflictDetection>;

/** Every project query starts with this key: a change anywhere refreshes calls, applications and funding. */
export const PROJECTS_KEY = ['projects'] as const;
const id = encodeURIComponent;

export const callsQuery = () => queryOptions({ queryKey: [...PROJECTS_KEY, 'calls'], queryFn: () => get<Call[]>('/api/calls') });
export const callQuery = (callId: string) =>
  queryOptions({ queryKey: [...PROJECTS_KEY, 'call', callId], queryFn: () => get<Call>(`/api/calls/${id(callId)}`) });
export const createCall = (body: CallInput) => post<Call>('/api/calls', body);
export const setCallStatus = (callId: string, action: 'publish' | 'close') => post<Call>(`/api/calls/${id(callId)}/${action}`);

export const callApplicationsQuery = (callId: string) =>
  queryOptions({
    queryKey: [...PROJECTS_KEY, 'applications', callId],
    queryFn: () => get<Application[]>(`/api/calls/${id(callId)}/applications`),
  });
export const applicationQuery = (applicationId: string) =>
  queryOptions({
    queryKey: [...PROJECTS_KEY, 'application', applicationId],
    queryFn: () => get<ApplicationDetail>(`/api/applications/${id(applicationId)}`),
  });
export const formalCheck = (applicationId: string, decision: FormalCheckDecision, note?: string) =>
  post<Application>(`/api/applications/${id(applicationId)}/formal-check`, { decision, ...(note ? { note } : {}) });

/** Where the browser downloads an attachment (a plain GET with the session cookie). */
export const attachmentUrl = (applicationId: string, attachmentId: string) =>
  `/api/applications/${id(applicationId)}/attachments/${id(attachmentId)}`;

export const expertsQuery = () => queryOptions({ queryKey: [...PROJECTS_KEY, 'experts'], queryFn: () => get<Expert[]>('/api/experts') });
export const createExpert = (body: ExpertInput) => post<Expert>('/api/experts', body);
/** Changes what is sent; the answer counts the expert's assignments still to be scored. */
export const updateExpert = (expertId: string, body: ExpertPatchInput) =>
  request<ExpertUpdated>('PATCH', `/api/experts/${id(expertId)}`, body);

export const conflictsQuery = (callId: string) =>
  queryOptions({ queryKey: [...PROJECTS_KEY, 'conflicts', callId], queryFn: () => get<Conflict[]>(`/api/calls/${id(callId)}/conflicts`) });
export const detectConflicts = (callId: string) => post<ConflictDetection>(`/api/calls/${id(callId)}/conflicts/detect`);
export const decideConflict = (conflictId: string, status: ConflictDecision['status']) =>
  post<ConflictView>(`/api/conflicts/${id(conflictId)}/decide`, { status });
/** The bureau records a conflict for an expert; an expert (no expertId) declares its own. */
export const recordConflict = (body: ConflictInput) => post<ConflictView>('/api/conflicts', body);

export const fundingQuery = (applicationId: string) =>
  queryOptions({
    queryKey: [...PROJECTS_KEY, 'funding', applicationId],
    queryFn: () => get<Funding>(`/api/applications/${id(applicationId)}/funding`),
  });
export const signContract = (applicationId: string) => post<void>(`/api/applications/${id(applicationId)}/contract`);
export const payInstalment = (paymentId: string) => post<PaymentResult>(`/api/project-payments/${id(paymentId)}/pay`);
export const decideReport = (reportId: string, approve: boolean, note?: string) =>
  post<ReportView>(`/api/project-reports/${id(reportId)}/decide`, { approve, ...(note ? { note } : {}) });
export const scheduleMidterm = (applicationId: string, dueOn: string) =>
  post<ReportView>(`/api/applications/${id(applicationId)}/midterm`, { dueOn });
export const extendProject = (applicationId: string, months: number) =>
  post<void>(`/api/applications/${id(applicationId)}/extend`, { months });

// The enterprise portal: open calls, my applications, my projects' money and reports.
export const openCallsQuery = () => queryOptions({ queryKey: [...MY_KEY, 'calls'], queryFn: () => get<Call[]>('/api/calls') });
export const portalCallQuery = (callId: string) =>
  queryOptions({ queryKey: [...MY_KEY, 'call', callId], queryFn: () => get<Call>(`/api/calls/${id(callId)}`) });
export const myApplicationsQuery = () =>
  queryOptions({ queryKey: [...MY_KEY, 'project-applications'], queryFn: () => get<Application[]>('/api/my/project-applications') });
export const myApplicationQuery = (applicationId: string) =>
  queryOptions({
    queryKey: [...MY_KEY, 'project-application', applicationId],
    queryFn: () => get<ApplicationDetail>(`/api/applications/${id(applicationId)}`),
  });
export const myFundingQuery = (applicationId: string) =>
  queryOptions({
    queryKey: [...MY_KEY, 'project-funding', applicationId],
    queryFn: () => get<Funding>(`/api/applications/${id(applicationId)}/funding`),
  });
export const startApplication = (callId: string, body: ApplicationInput) =>
  post<Application>(`/api/calls/${id(callId)}/applications`, body);
export const updateApplication = (applicationId: string, body: ApplicationInput) =>
  request<Application>('PUT', `/api/applications/${id(applicationId)}`, body);
export const uploadAttachment = (applicationId: string, key: string, file: File, contentType: string) =>
  upload<AttachmentReceipt>(
    `/api/applications/${id(applicationId)}/attachments?key=${id(key)}&fileName=${id(file.name)}`,
    file,
    contentType,
  );
export const submitApplication = (applicationId: string) => post<Application>(`/api/applications/${id(applicationId)}/submit`);
export const withdrawApplication = (applicationId: string) => post<Application>(`/api/applications/${id(applicationId)}/withdraw`);
export const submitReport = (reportId: string, text: string) => post<ReportView>(`/api/project-reports/${id(reportId)}/submit`, { text });

// Expert review, the draw, the aggregation and consensus, read-backs and the decision: ./reviews.ts.
export * from './reviews';
