import { z } from 'zod';
import { isoDate, name, text } from './common.js';

/**
 * Expert panels of the mid-term check and acceptance, changes after a draw (decline, swap, redraw), the draw
 * read-back, and the public notice (公示) of a call's approval list (issue #7).
 */
export const STAGES = ['review', 'midterm', 'acceptance'] as const;
export const stage = z.enum(STAGES);
export type Stage = z.infer<typeof stage>;

const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const reason = z.string().trim().min(2).max(500);

/** A draw: the review stage by default; a panel stage for the submitted reports of that kind (or the named ones). */
export const drawBody = z.object({ seed, stage: stage.optional(), reportIds: z.array(z.uuid()).min(1).max(200).optional() }).strict();
export const redrawBody = z.object({ seed, stage, reason, reportIds: z.array(z.uuid()).min(1).max(200).optional() }).strict();
/** A declined place needs no reason (the expert gave one); an assigned expert found unavailable does. */
export const swapBody = z.object({ reason: reason.optional() }).strict();
export const declineBody = z.object({ reason }).strict();
export const panelDrawBody = z.object({ seed }).strict();
export const stageQuery = z.object({ stage: stage.optional() });

export const noticeInput = z.object({ title: name(200, { min: 2 }).optional(), startsOn: isoDate, endsOn: isoDate }).strict();
export const projectObjectionInput = z
  .object({
    applicationId: z.uuid().optional(),
    text: text(2000, { min: 5 }),
    contact: name(100, { min: 0 }).optional(),
  })
  .strict();
export const resolveProjectObjection = z
  .object({ status: z.enum(['upheld', 'dismissed']), resolution: z.string().trim().min(2).max(500) })
  .strict();
