import { queryOptions } from '@tanstack/react-query';
import type { PanelRules } from '../../../common/contracts/projects';
import type {
  AssignmentView,
  Declined,
  DrawAnswer,
  DrawBody,
  DrawInfeasible,
  DrawRecordView,
  DrawVerification,
  ExpertRef,
  NoticeInput,
  PanelOutcome,
  PanelView,
  ProjectObjectionInput,
  RedrawBody,
  ResolveProjectObjection,
  Stage,
  SwapAnswer,
  UnfilledPlace,
} from '../../../common/contracts/panels';
import type {
  BureauNotice,
  CallNotice,
  NoticeItem,
  NoticeView,
  ObjectionReceipt,
  ObjectionView,
  PublicNoticeSummary,
  PublicProjectNotice,
  ResolvedObjection,
} from '../../../common/contracts/projects';
import { DRAW_KINDS, REVIEW_STAGES, type DrawKind } from '../../../common/values/review';
import type { ObjectionStatus } from '../../../common/values/projects';
import { get, post } from './http';
import { PROJECTS_KEY } from './projects';
import { REVIEWS_KEY } from './reviews';
import { PUBLIC_KEY } from './claims';

// After a draw (read-back, decline, swap, redraw), the expert panels of mid-term and acceptance reports, and the
// public notice (公示) of a call's approval list. Types come from the contracts (common/contracts/panels.ts).

export type { DrawAnswer, DrawKind, ExpertRef, PanelOutcome, PanelRules, PanelView, Stage };
/** `error.details` of a draw refused as infeasible (409 assignment_infeasible): the places it could not fill, as codes. */
export type { DrawInfeasible, UnfilledPlace };
export { DRAW_KINDS, REVIEW_STAGES as STAGES };
/** GET /api/calls/:id/draws: one draw record as the bureau reads it back. */
export type DrawRecord = DrawRecordView;
/** GET /api/calls/:id/assignments: an assignment as it stands. */
export type AssignmentRow = AssignmentView;

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
export const verifyDraw = (drawId: string) => get<DrawVerification>(`/api/assignment-draws/${id(drawId)}/verify`);
export const drawStage = (callId: string, body: DrawBody) => post<DrawAnswer>(`/api/calls/${id(callId)}/draw`, body);
export const redrawStage = (callId: string, body: RedrawBody) => post<DrawAnswer>(`/api/calls/${id(callId)}/redraw`, body);
export const swapReview = (reviewId: string, reason?: string) =>
  post<SwapAnswer>(`/api/reviews/${id(reviewId)}/swap`, reason ? { reason } : {});
export const drawPanel = (reportId: string, seed: number) => post<DrawAnswer>(`/api/project-reports/${id(reportId)}/panel`, { seed });
export const declineReview = (reviewId: string, reason: string) => post<Declined>(`/api/my/reviews/${id(reviewId)}/decline`, { reason });
export { REVIEWS_KEY };

// The public notice of the approval list.
export type { BureauNotice, NoticeItem, ObjectionStatus, PublicProjectNotice };
export type ProjectObjection = ObjectionView;
export type PublicProjectNoticeSummary = PublicNoticeSummary;

export const noticeQuery = (callId: string) =>
  queryOptions({
    queryKey: [...PROJECTS_KEY, 'notice', callId],
    queryFn: () => get<CallNotice>(`/api/calls/${id(callId)}/notice`),
  });
export const publishNotice = (callId: string, body: NoticeInput) => post<NoticeView>(`/api/calls/${id(callId)}/notice`, body);
export const recordObjection = (noticeId: string, body: ProjectObjectionInput) =>
  post<ProjectObjection>(`/api/project-notices/${id(noticeId)}/objections`, body);
export const resolveObjection = (objectionId: string, body: ResolveProjectObjection) =>
  post<ResolvedObjection>(`/api/project-objections/${id(objectionId)}/resolve`, body);

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
export const raiseProjectObjection = (noticeId: string, body: ProjectObjectionInput) =>
  post<ObjectionReceipt>(`/api/public/project-notices/${id(noticeId)}/objections`, body);
