import { queryOptions } from '@tanstack/react-query';
import type { CallForm, ExpertPatchInput, FundingParams, FundingParamsInput, ReviewTemplate } from '../../../common/contracts/projects';
import type { RankedResult, RecordedPolicy } from '../../../common/review';
import type { ApplicationResultView, AttachmentMeta, CallResults } from '../../../common/contracts/project-readback';
import { get, post, request, upload } from './http';
import { MY_KEY } from './portal';
import type { PanelView } from './panels';

// Project calls (项目指南), applications, the expert pool, conflicts, draws, reviews, decisions and funding.

/** The server's statuses (server/db/schema/projects.ts), restated as plain values for the pages. */
export const CALL_STATUSES = ['draft', 'published', 'closed', 'decided'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'returned',
  'accepted',
  'rejected',
  'under_review',
  'scored',
  'consensus',
  'approved',
  'not_funded',
  'contracted',
  'completed',
  'terminated',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type CallKind = 'standard' | 'challenge';
export type FundingMode = 'tranches' | 'milestones' | 'post_subsidy';
export type Aggregation = 'mean' | 'median' | 'trimmed';
export type FieldType = 'text' | 'textarea' | 'number' | 'date';
export type ConflictStatus = 'suggested' | 'confirmed' | 'dismissed';
export type ConflictSource = 'declared' | 'automatic' | 'admin';
export const CONFLICT_TYPES = [
  'same-organisation',
  'employment',
  'advice',
  'relative',
  'shareholding',
  'dispute',
  'drafted-call',
  'other',
] as const;
export type ConflictType = (typeof CONFLICT_TYPES)[number];
export type PaymentKind = 'advance' | 'tranche' | 'milestone' | 'post_subsidy';
export type PaymentCondition = 'contract' | 'milestone' | 'acceptance';
export type PaymentStatus = 'scheduled' | 'released' | 'held' | 'paid';
export type ReportKind = 'milestone' | 'midterm' | 'acceptance';
export type ReportStatus = 'due' | 'submitted' | 'approved' | 'rejected';
export type ReviewStatus = 'assigned' | 'submitted' | 'declined' | 'replaced' | 'superseded';
export type { CallForm, ExpertPatchInput, FundingParams, FundingParamsInput, ReviewTemplate };

/** Attachment types the server takes (each call narrows them). */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'application/zip',
] as const;

export interface Eligibility {
  registeredInRegion: boolean;
  qualificationsAnyOf: string[];
}

export interface Call {
  id: string;
  code: string;
  kind: CallKind;
  title: string;
  guideText: string;
  categories: string[];
  eligibility: Eligibility;
  budgetFen: number;
  bountyFen: number | null;
  opensOn: string;
  closesOn: string;
  form: CallForm;
  reviewTemplate: ReviewTemplate;
  fundingMode: FundingMode;
  fundingParams: FundingParams;
  status: CallStatus;
  regionCode: string;
  createdBy: string | null;
  createdAt: string;
}

/** POST /api/calls: what the create form sends (money in fen). */
export interface CallInput {
  code: string;
  kind: CallKind;
  title: string;
  guideText: string;
  categories: string[];
  eligibility: Eligibility;
  budgetFen: number;
  bountyFen?: number;
  opensOn: string;
  closesOn: string;
  form: CallForm;
  reviewTemplate: ReviewTemplate;
  fundingMode: FundingMode;
  fundingParams: FundingParamsInput;
}

export type FieldValue = string | number | boolean | null;
export interface TeamMember {
  name: string;
  role?: string;
}

export interface Application {
  id: string;
  callId: string;
  enterpriseId: string | null;
  ownerUserId: string;
  applicantName: string;
  applicantCreditCode: string | null;
  partnerCreditCodes: string[];
  teamMembers: TeamMember[];
  title: string;
  fields: Record<string, FieldValue>;
  requestedFen: number;
  status: ApplicationStatus;
  /** The bureau's reason when it returned or rejected the application. */
  formalNote: string | null;
  submittedAt: string | null;
  score: number | null;
  rank: number | null;
  approvedFen: number | null;
  decisionNote: string | null;
  extensionMonths: number;
  midtermChecks: number;
  createdAt: string;
  updatedAt: string;
}

export interface Attachment {
  id: string;
  key: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface ApplicationDetail extends Application {
  attachments: Attachment[];
}

export interface ApplicationInput {
  title: string;
  /** A team bidding without a registered enterprise names itself (an enterprise's name comes from the register). */
  applicantName?: string;
  fields: Record<string, FieldValue>;
  requestedFen: number;
  teamMembers?: TeamMember[];
  partnerCreditCodes?: string[];
}

export interface Period {
  creditCode: string;
  from: string;
  to?: string;
}

export interface ExpertHistory {
  employment?: Period[];
  advice?: Period[];
  relatives?: { name: string; creditCode?: string }[];
  shareholdings?: { creditCode: string }[];
  disputes?: { creditCode: string; date: string }[];
}

export interface Expert {
  id: string;
  userId: string | null;
  name: string;
  orgCreditCode: string | null;
  orgName: string | null;
  fields: string[];
  titles: string | null;
  contact: string | null;
  available: boolean;
  history: ExpertHistory;
  ratingSum: number;
  ratingCount: number;
  /** The unit whose pool the expert belongs to (the registering bureau's), and its name. */
  orgUnitCode: string;
  orgUnitName?: string;
  createdAt: string;
}

export interface ExpertInput {
  name: string;
  /** The pool the expert joins; the server defaults to the registering bureau grant's unit. */
  orgUnitCode?: string;
  username?: string;
  orgCreditCode?: string;
  orgName?: string;
  fields: string[];
  titles?: string;
  contact?: string;
  history: Required<ExpertHistory>;
}

export interface Conflict {
  id: string;
  expertId: string;
  applicationId: string | null;
  type: ConflictType;
  source: ConflictSource;
  evidence: string;
  status: ConflictStatus;
  /** Declared, but nothing in the records supports it: still honoured, flagged for a look. */
  unsupported: boolean;
  validFrom: string | null;
  validTo: string | null;
  createdBy: string | null;
  decidedBy: string | null;
  createdAt: string;
  expertName: string;
  applicantName: string;
}

export interface DrawResult {
  drawId: string;
  seed: number;
  checksum: string;
  totalCost: number;
  /** How many reviews were assigned. */
  assignments: number;
  alternates: { applicationId: string; experts: string[] }[];
}

export interface AggregationResult {
  policy: RecordedPolicy;
  /** Reviews still to be submitted; their applications are not ranked yet. */
  waitingFor: number;
  /** With the score that ranks each: an agreed score that still holds, or the aggregate. */
  ranking: (RankedResult & { score: number })[];
  /** Applications whose experts disagree by more than the spread threshold (and no consensus holds). */
  consensus: string[];
  /** Agreed scores kept: the submitted reviews are those the consensus was reached on. */
  consensusKept: { applicationId: string; title: string; score: number | null }[];
  /** A consensus recorded earlier, but the reviews changed since: scored afresh, asked again if still far apart. */
  consensusReopened: { applicationId: string; title: string; agreedScore: number | null; score: number; status: 'scored' | 'consensus' }[];
}

export interface Payment {
  id: string;
  applicationId: string;
  seq: number;
  kind: PaymentKind;
  amountFen: number;
  condition: PaymentCondition;
  dueOn: string | null;
  status: PaymentStatus;
  paidAt: string | null;
}

export interface Report {
  id: string;
  applicationId: string;
  kind: ReportKind;
  dueOn: string;
  text: string | null;
  status: ReportStatus;
  submittedAt: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** Mid-term and acceptance reports: the expert panel (members for the bureau only). */
  panel?: PanelView | null;
}

export interface Funding {
  payments: Payment[];
  reports: Report[];
}

export interface Review {
  id: string;
  applicationId: string;
  expertId: string;
  drawId: string | null;
  stage: 'review' | 'midterm' | 'acceptance';
  status: ReviewStatus;
  scores: Record<string, number> | null;
  total: number | null;
  comment: string | null;
  submittedAt: string | null;
  /** Why it ended: the expert's reason for declining, or the bureau's for replacing it. */
  reason?: string | null;
}

/** GET /api/my/reviews: an assignment with what it is about (never the other experts). */
export interface MyReview extends Review {
  title: string;
  applicantName: string;
  callTitle: string;
  callId: string;
}

export interface ReviewDetail {
  review: Review;
  application: {
    id: string;
    title: string;
    applicantName: string;
    fields: Record<string, FieldValue>;
    requestedFen: number;
    teamMembers: TeamMember[];
  };
  template: ReviewTemplate;
  /** A mid-term or acceptance panel: the report it judges. */
  report?: { id: string; kind: ReportKind; text: string | null; submittedAt: string | null } | null;
  /** The other experts' scores as 专家 1, 2, …, only once my own is submitted. */
  others: { expert: string; scores: Record<string, number> | null; total: number | null; comment: string | null }[];
}

/** Every project query starts with this key: a change anywhere refreshes calls, applications and funding. */
export const PROJECTS_KEY = ['projects'] as const;
/** The expert's own assignments. */
export const REVIEWS_KEY = ['reviews'] as const;
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
export const formalCheck = (applicationId: string, decision: 'accept' | 'return' | 'reject', note?: string) =>
  post<Application>(`/api/applications/${id(applicationId)}/formal-check`, { decision, ...(note ? { note } : {}) });

/** Where the browser downloads an attachment (a plain GET with the session cookie). */
export const attachmentUrl = (applicationId: string, attachmentId: string) =>
  `/api/applications/${id(applicationId)}/attachments/${id(attachmentId)}`;
export const decisionLetterUrl = (applicationId: string) => `/api/applications/${id(applicationId)}/decision-letter`;

export const expertsQuery = () => queryOptions({ queryKey: [...PROJECTS_KEY, 'experts'], queryFn: () => get<Expert[]>('/api/experts') });
export const createExpert = (body: ExpertInput) => post<Expert>('/api/experts', body);
/** Changes what is sent; the answer counts the expert's assignments still to be scored. */
export const updateExpert = (expertId: string, body: ExpertPatchInput) =>
  request<Expert & { openAssignments: number }>('PATCH', `/api/experts/${id(expertId)}`, body);

export const conflictsQuery = (callId: string) =>
  queryOptions({ queryKey: [...PROJECTS_KEY, 'conflicts', callId], queryFn: () => get<Conflict[]>(`/api/calls/${id(callId)}/conflicts`) });
export const detectConflicts = (callId: string) => post<{ suggestions: number }>(`/api/calls/${id(callId)}/conflicts/detect`);
export const decideConflict = (conflictId: string, status: 'confirmed' | 'dismissed') =>
  post<Conflict>(`/api/conflicts/${id(conflictId)}/decide`, { status });
/** The bureau records a conflict for an expert; an expert (no expertId) declares its own. */
export const recordConflict = (body: { applicationId: string; type: ConflictType; evidence: string; expertId?: string }) =>
  post<Conflict>('/api/conflicts', body);

/**
 * The draw and the aggregation are answers to a POST the server does not list again, so the pages keep the
 * last one of this session in the query cache under these keys.
 */
export const drawKey = (callId: string) => [...PROJECTS_KEY, 'draw', callId] as const;
export const aggregationKey = (callId: string) => [...PROJECTS_KEY, 'aggregation', callId] as const;
export const drawReviewers = (callId: string, seed: number) => post<DrawResult>(`/api/calls/${id(callId)}/draw`, { seed });
export const aggregateCall = (callId: string) => post<AggregationResult>(`/api/calls/${id(callId)}/aggregate`);
export const decideCall = (
  callId: string,
  body: { approvals: { applicationId: string; approvedFen: number; thresholdReason?: string }[]; note?: string },
) => post<{ approved: number; totalFen: number }>(`/api/calls/${id(callId)}/decide`, body);

export const fundingQuery = (applicationId: string) =>
  queryOptions({
    queryKey: [...PROJECTS_KEY, 'funding', applicationId],
    queryFn: () => get<Funding>(`/api/applications/${id(applicationId)}/funding`),
  });
export const signContract = (applicationId: string) => post<void>(`/api/applications/${id(applicationId)}/contract`);
export const payInstalment = (paymentId: string) =>
  post<{ payment: Payment; replayed: boolean }>(`/api/project-payments/${id(paymentId)}/pay`);
export const decideReport = (reportId: string, approve: boolean, note?: string) =>
  post<Report>(`/api/project-reports/${id(reportId)}/decide`, { approve, ...(note ? { note } : {}) });
export const scheduleMidterm = (applicationId: string, dueOn: string) =>
  post<Report>(`/api/applications/${id(applicationId)}/midterm`, { dueOn });
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
  upload<{ id: string; sha256: string; size: number }>(
    `/api/applications/${id(applicationId)}/attachments?key=${id(key)}&fileName=${id(file.name)}`,
    file,
    contentType,
  );
export const submitApplication = (applicationId: string) => post<Application>(`/api/applications/${id(applicationId)}/submit`);
export const withdrawApplication = (applicationId: string) => post<Application>(`/api/applications/${id(applicationId)}/withdraw`);
export const submitReport = (reportId: string, text: string) => post<Report>(`/api/project-reports/${id(reportId)}/submit`, { text });

// The expert's workbench.
export const myReviewsQuery = () => queryOptions({ queryKey: [...REVIEWS_KEY, 'list'], queryFn: () => get<MyReview[]>('/api/my/reviews') });
export const myReviewQuery = (reviewId: string) =>
  queryOptions({ queryKey: [...REVIEWS_KEY, 'detail', reviewId], queryFn: () => get<ReviewDetail>(`/api/my/reviews/${id(reviewId)}`) });
export const reviewCallQuery = (callId: string) =>
  queryOptions({ queryKey: [...REVIEWS_KEY, 'call', callId], queryFn: () => get<Call>(`/api/calls/${id(callId)}`) });
export const submitScores = (reviewId: string, body: { scores: Record<string, number>; comment?: string }) =>
  post<Review>(`/api/my/reviews/${id(reviewId)}/score`, body);

// Read-backs (readback.routes.ts): a call's aggregated results, the consensus step, an assignment's files.
export type { ApplicationResultView, AttachmentMeta, CallResults };
/** The results recomputed from the stored reviews: refreshed with every change to the call's projects. */
export const callResultsQuery = (callId: string) =>
  queryOptions({
    queryKey: [...PROJECTS_KEY, 'results', callId],
    queryFn: () => get<CallResults>(`/api/calls/${id(callId)}/results`),
  });
/** The panel's agreed score for a high-spread application, with the reason (the call is then ranked again). */
export const recordConsensus = (applicationId: string, score: number, note: string) =>
  post<void>(`/api/applications/${id(applicationId)}/consensus`, { score, note });
export const reviewAttachmentsQuery = (reviewId: string) =>
  queryOptions({
    queryKey: [...REVIEWS_KEY, 'attachments', reviewId],
    queryFn: () => get<AttachmentMeta[]>(`/api/my/reviews/${id(reviewId)}/attachments`),
  });
/** Where the expert's browser downloads a file of an assigned application. */
export const reviewAttachmentUrl = (reviewId: string, attachmentId: string) =>
  `/api/my/reviews/${id(reviewId)}/attachments/${id(attachmentId)}`;
