import { queryOptions } from '@tanstack/react-query';
import type { ApplicationResultView, AttachmentMeta, CallResults } from '../../../common/contracts/project-readback';
import type {
  AggregationView,
  CallDecision,
  CallDecisionInput,
  MyReviewView,
  ReviewDetailView,
  ReviewView,
  ScoreInput,
} from '../../../common/contracts/review';
import type { DrawAnswer } from '../../../common/contracts/panels';
import type { ReviewStatus } from '../../../common/values/projects';
import { get, post } from './http';
import { PROJECTS_KEY, type Call } from './projects';

// Expert review (server/modules/projects/review.routes.ts, readback.routes.ts, funding.routes.ts): the expert's
// assignments and scores, the draw and the aggregation, the consensus step, the results read back, the decision.

export type { ApplicationResultView, AttachmentMeta, CallResults, ReviewStatus };
/** An assignment (a review sheet once scored). */
export type Review = ReviewView;
/** GET /api/my/reviews: an assignment with what it is about (never the other experts). */
export type MyReview = MyReviewView;
/** GET /api/my/reviews/:id: the application, the template, and the others' numbered scores once mine is in. */
export type ReviewDetail = ReviewDetailView;
export type DrawResult = DrawAnswer;
export type AggregationResult = AggregationView;

/** The expert's own assignments. */
export const REVIEWS_KEY = ['reviews'] as const;
const id = encodeURIComponent;

/**
 * The draw and the aggregation are answers to a POST the server does not list again, so the pages keep the
 * last one of this session in the query cache under these keys.
 */
export const drawKey = (callId: string) => [...PROJECTS_KEY, 'draw', callId] as const;
export const aggregationKey = (callId: string) => [...PROJECTS_KEY, 'aggregation', callId] as const;
export const drawReviewers = (callId: string, seed: number) => post<DrawResult>(`/api/calls/${id(callId)}/draw`, { seed });
export const aggregateCall = (callId: string) => post<AggregationResult>(`/api/calls/${id(callId)}/aggregate`);
export const decideCall = (callId: string, body: CallDecisionInput) => post<CallDecision>(`/api/calls/${id(callId)}/decide`, body);
export const decisionLetterUrl = (applicationId: string) => `/api/applications/${id(applicationId)}/decision-letter`;

// The expert's workbench.
export const myReviewsQuery = () => queryOptions({ queryKey: [...REVIEWS_KEY, 'list'], queryFn: () => get<MyReview[]>('/api/my/reviews') });
export const myReviewQuery = (reviewId: string) =>
  queryOptions({ queryKey: [...REVIEWS_KEY, 'detail', reviewId], queryFn: () => get<ReviewDetail>(`/api/my/reviews/${id(reviewId)}`) });
export const reviewCallQuery = (callId: string) =>
  queryOptions({ queryKey: [...REVIEWS_KEY, 'call', callId], queryFn: () => get<Call>(`/api/calls/${id(callId)}`) });
export const submitScores = (reviewId: string, body: ScoreInput) => post<Review>(`/api/my/reviews/${id(reviewId)}/score`, body);

// Read-backs (readback.routes.ts): a call's aggregated results, the consensus step, an assignment's files.
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
