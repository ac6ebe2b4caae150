import { queryOptions } from '@tanstack/react-query';
import type { PanelRules } from '../../../common/contracts/projects';
import type { Stage } from '../../../common/contracts/panels';
import { get, post } from './http';
import { PROJECTS_KEY, REVIEWS_KEY, type ReviewStatus } from './projects';
import { PUBLIC_KEY } from './claims';

// After a draw (read-back, decline, swap, redraw), the expert panels of mid-term and acceptance reports, and the
// public notice (公示) of a call's approval list.

export type { PanelRules, Stage };
export const STAGES: readonly Stage[] = ['review', 'midterm', 'acceptance'];
export type DrawKind = 'draw' | 'swap' | 'redraw';

export interface ExpertRef {
  id: string;
  name: string;
}

/** GET /api/calls/:id/draws: one draw record as the bureau reads it back. */
export interface DrawRecord {
  id: string;
  stage: Stage;
  kind: DrawKind;
  parentId: string | null;
  seed: number;
  checksum: string;
  createdAt: string;
  createdBy: string | null;
  /** Draws and redraws store their inputs and can be re-run; a swap takes alternates in order. */
  rerunnable: boolean;
  params: {
    base: number | null;
    jitter: number | null;
    fieldMismatch: number | null;
    loadStep: number | null;
    alternates: number | null;
    size: number | null;
    loadCap: number | null;
    quotas: { field: string; min: number }[];
    exact: boolean | null;
    reason: string | null;
    pool: number | null;
    exclusions: number | null;
  };
  totalCost: number | null;
  assignments: { applicationId: string; applicationTitle: string; reportId: string | null; expert: ExpertRef; cost: number | null }[];
  alternates: { applicationId: string; applicationTitle: string; experts: ExpertRef[] }[];
  ended: { reviewId: string; applicationId: string; expert: ExpertRef }[];
  skipped: { expert: ExpertRef; reason: string }[];
}

/** GET /api/calls/:id/assignments: an assignment as it stands. */
export interface AssignmentRow {
  id: string;
  applicationId: string;
  applicationTitle: string;
  applicantName: string;
  stage: Stage;
  reportId: string | null;
  drawId: string | null;
  expertId: string;
  expertName: string;
  expertOrg: string | null;
  expertFields: string[];
  status: ReviewStatus;
  total: number | null;
  submittedAt: string | null;
  reason: string | null;
  closedAt: string | null;
  replacedBy: string | null;
}

export interface DrawAnswer {
  drawId: string;
  stage: Stage;
  kind: DrawKind;
  seed: number;
  checksum: string;
  totalCost: number;
  assignments: number;
  alternates: { applicationId: string; experts: string[] }[];
}

export interface PanelOutcome {
  total: number;
  method: string;
  experts: number;
  passed: boolean;
  failures: string[];
  spread: number;
  highSpread: boolean;
  criteria: { key: string; value: number; threshold: number | null; passed: boolean }[];
}

/** A report's expert panel: members only for the bureau; the outcome for the owner once decided. */
export interface PanelView {
  stage: 'midterm' | 'acceptance';
  required: boolean;
  size: number;
  drawn: boolean;
  submitted: number;
  open: number;
  finished: boolean;
  outcome: PanelOutcome | null;
  members?: { reviewId: string; expertId: string; expertName: string; status: ReviewStatus; total: number | null; reason: string | null }[];
}

const id = encodeURIComponent;

export const drawsQuery = (callId: string, stage?: Stage) =>
  queryOptions({
    queryKey: [...PROJECTS_KEY, 'draws', callId, stage ?? 'all'],
    queryFn: () => get<DrawRecord[]>(`/api/calls/${id(callId)}/draws`, { stage }),
  });
export const assignmentsQuery = (callId: string, stage?: Stage) =>
  queryOptions({
    queryKey: [...PROJECTS_KEY, 'assignments', callId, stage ?? 'all'],
    queryFn: () => get<AssignmentRow[]>(`/api/calls/${id(callId)}/assignments`, { stage }),
  });
export const verifyDraw = (drawId: string) =>
  get<{ drawId: string; checksum: string; recomputed: string; reproduced: boolean }>(`/api/assignment-draws/${id(drawId)}/verify`);
export const drawStage = (callId: string, body: { seed: number; stage?: Stage; reportIds?: string[] }) =>
  post<DrawAnswer>(`/api/calls/${id(callId)}/draw`, body);
export const redrawStage = (callId: string, body: { seed: number; stage: Stage; reason: string }) =>
  post<DrawAnswer>(`/api/calls/${id(callId)}/redraw`, body);
export const swapReview = (reviewId: string, reason?: string) =>
  post<{ drawId: string; reviewId: string; expertId: string; expertName: string; skipped: { name: string; reason: string }[] }>(
    `/api/reviews/${id(reviewId)}/swap`,
    reason ? { reason } : {},
  );
export const drawPanel = (reportId: string, seed: number) => post<DrawAnswer>(`/api/project-reports/${id(reportId)}/panel`, { seed });
export const declineReview = (reviewId: string, reason: string) =>
  post<{ id: string; status: ReviewStatus; reason: string }>(`/api/my/reviews/${id(reviewId)}/decline`, { reason });
export { REVIEWS_KEY };

// The public notice of the approval list.
export interface NoticeItem {
  applicationId: string;
  title: string;
  applicant: string;
  approvedFen: number;
  score: number | null;
  rank: number | null;
}
export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';
export interface ProjectObjection {
  id: string;
  noticeId: string;
  applicationId: string | null;
  text: string;
  contact: string | null;
  source: 'public' | 'bureau';
  status: ObjectionStatus;
  resolution: string | null;
  createdAt: string;
  resolvedAt: string | null;
}
export interface BureauNotice {
  id: string;
  callId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  open: boolean;
  ended: boolean;
  items: NoticeItem[];
  objections: ProjectObjection[];
}
export interface PublicProjectNoticeSummary {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  open: boolean;
}
export interface PublicProjectNotice extends PublicProjectNoticeSummary {
  callTitle: string;
  callCode: string;
  items: NoticeItem[];
  objections: number;
}

export const noticeQuery = (callId: string) =>
  queryOptions({
    queryKey: [...PROJECTS_KEY, 'notice', callId],
    queryFn: () => get<{ notice: BureauNotice | null }>(`/api/calls/${id(callId)}/notice`),
  });
export const publishNotice = (callId: string, body: { title?: string; startsOn: string; endsOn: string }) =>
  post<{ id: string }>(`/api/calls/${id(callId)}/notice`, body);
export const recordObjection = (noticeId: string, body: { applicationId?: string; text: string; contact?: string }) =>
  post<ProjectObjection>(`/api/project-notices/${id(noticeId)}/objections`, body);
export const resolveObjection = (objectionId: string, body: { status: 'upheld' | 'dismissed'; resolution: string }) =>
  post<ProjectObjection & { withdrawn: boolean }>(`/api/project-objections/${id(objectionId)}/resolve`, body);

export const publicProjectNoticesQuery = () =>
  queryOptions({
    queryKey: [...PUBLIC_KEY, 'project-notices'],
    queryFn: () => get<PublicProjectNoticeSummary[]>('/api/public/project-notices'),
  });
export const publicProjectNoticeQuery = (noticeId: string) =>
  queryOptions({
    queryKey: [...PUBLIC_KEY, 'project-notice', noticeId],
    queryFn: () => get<PublicProjectNotice>(`/api/public/project-notices/${id(noticeId)}`),
  });
export const raiseProjectObjection = (noticeId: string, body: { applicationId?: string; text: string; contact?: string }) =>
  post<{ id: string; createdAt: string }>(`/api/public/project-notices/${id(noticeId)}/objections`, body);
