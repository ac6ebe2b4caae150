import { z } from 'zod';
import { OBJECTION_SOURCES, OBJECTION_STATUSES } from '../values/projects.js';
import { instant } from './primitives.js';

/**
 * Views of the approval notice (公示) of a call and its objections, as the server sends them (the inputs are in
 * panels.ts). Types are what travels (`z.input`: a moment is an ISO string).
 */

export const noticeItem = z.object({
  applicationId: z.uuid(),
  title: z.string(),
  applicant: z.string(),
  approvedFen: z.number(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
});
export type NoticeItem = z.input<typeof noticeItem>;

export const noticeView = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  createdBy: z.uuid().nullable(),
  createdAt: instant,
});
export type NoticeView = z.input<typeof noticeView>;

export const objectionView = z.object({
  id: z.uuid(),
  noticeId: z.uuid(),
  applicationId: z.uuid().nullable(),
  text: z.string(),
  contact: z.string().nullable(),
  source: z.enum(OBJECTION_SOURCES),
  status: z.enum(OBJECTION_STATUSES),
  resolution: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  resolvedBy: z.uuid().nullable(),
  createdAt: instant,
  resolvedAt: instant.nullable(),
});
export type ObjectionView = z.input<typeof objectionView>;
/** A resolved objection, and whether it withdrew the approval of the project it names. */
export const resolvedObjection = objectionView.extend({ withdrawn: z.boolean() });
export type ResolvedObjection = z.input<typeof resolvedObjection>;

/** The bureau's view of a call's notice: the list, every objection with its contact and resolution. */
export const bureauNotice = noticeView.extend({
  open: z.boolean(),
  ended: z.boolean(),
  items: z.array(noticeItem),
  objections: z.array(objectionView),
});
export type BureauNotice = z.input<typeof bureauNotice>;
export const callNotice = z.object({ notice: bureauNotice.nullable() });
export type CallNotice = z.input<typeof callNotice>;

export const publicNoticeSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  open: z.boolean(),
});
export type PublicNoticeSummary = z.input<typeof publicNoticeSummary>;
/** The public page: the list and how many objections came in; never contacts or objection texts. */
export const publicProjectNotice = publicNoticeSummary.extend({
  callTitle: z.string(),
  callCode: z.string(),
  items: z.array(noticeItem),
  objections: z.number().int(),
});
export type PublicProjectNotice = z.input<typeof publicProjectNotice>;
/** What the public gets back for an objection: its number and time, nothing else. */
export const objectionReceipt = z.object({ id: z.uuid(), createdAt: instant });
export type ObjectionReceipt = z.input<typeof objectionReceipt>;
