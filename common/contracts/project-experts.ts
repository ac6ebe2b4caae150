import { z } from 'zod';
import type { ConflictFinding } from '../review/conflicts.js';
import { CONFLICT_SOURCES, CONFLICT_STATUSES, CONFLICT_TYPES } from '../values/projects.js';
import { CONFLICT_PARTIES } from '../values/review.js';
import { instant, isoDate } from './primitives.js';

/**
 * Views of the expert pool and of conflicts of interest, as the server sends them (the inputs are in
 * projects.ts). Types are what travels (`z.input`: a moment is an ISO string).
 */
/** What conflict detection reads of an expert's past (as stored; the lists may be absent on older rows). */
const periodView = z.object({ creditCode: z.string(), from: z.string(), to: z.string().optional() });
export const expertHistoryView = z.object({
  employment: z.array(periodView).optional(),
  advice: z.array(periodView).optional(),
  relatives: z.array(z.object({ name: z.string(), creditCode: z.string().optional() })).optional(),
  shareholdings: z.array(z.object({ creditCode: z.string() })).optional(),
  disputes: z.array(z.object({ creditCode: z.string(), date: z.string() })).optional(),
});
export const expertView = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
  orgCreditCode: z.string().nullable(),
  orgName: z.string().nullable(),
  fields: z.array(z.string()),
  titles: z.string().nullable(),
  contact: z.string().nullable(),
  available: z.boolean(),
  history: expertHistoryView,
  ratingSum: z.number(),
  ratingCount: z.number().int(),
  /** The unit whose pool the expert belongs to (the registering bureau's), and its name. */
  orgUnitCode: z.string(),
  orgUnitName: z.string().optional(),
  createdAt: instant,
});
export type ExpertView = z.input<typeof expertView>;
/** PATCH /api/experts/:id answers the expert and how many of its assignments are still to be scored. */
export const expertUpdated = expertView.extend({ openAssignments: z.number().int() });
export type ExpertUpdated = z.input<typeof expertUpdated>;

const partyParams = { party: z.enum(CONFLICT_PARTIES), creditCode: z.string() };
const windowParams = { windowStart: isoDate, years: z.number().int() };
/** What an automatic conflict rule found (common/review/conflicts.ts ConflictFinding): a code and its parameters. */
export const conflictFinding = z.discriminatedUnion('code', [
  z.object({ code: z.literal('same_org'), params: z.object({ expert: z.string(), ...partyParams }) }),
  z.object({
    code: z.enum(['employment', 'advice']),
    params: z.object({ expert: z.string(), from: isoDate, to: isoDate.nullable(), ...partyParams, ...windowParams }),
  }),
  z.object({ code: z.literal('relative_org'), params: z.object({ expert: z.string(), relative: z.string(), ...partyParams }) }),
  z.object({ code: z.literal('relative_name'), params: z.object({ expert: z.string(), name: z.string() }) }),
  z.object({ code: z.literal('shareholding'), params: z.object({ expert: z.string(), ...partyParams }) }),
  z.object({ code: z.literal('dispute'), params: z.object({ expert: z.string(), date: isoDate, ...partyParams, ...windowParams }) }),
  z.object({ code: z.literal('drafted_call'), params: z.object({ expert: z.string(), callId: z.string() }) }),
]) satisfies z.ZodType<ConflictFinding>;
export type ConflictFindingView = z.input<typeof conflictFinding>;

export const conflictView = z.object({
  id: z.uuid(),
  expertId: z.uuid(),
  applicationId: z.uuid().nullable(),
  type: z.enum(CONFLICT_TYPES),
  source: z.enum(CONFLICT_SOURCES),
  /** The evidence a person wrote (declared, entered); an automatic suggestion from before #13: its sentence 「中文 / English」. */
  evidence: z.string().nullable(),
  /** An automatic suggestion's evidence: what the rule found, as a code and its parameters (the web words it). */
  finding: conflictFinding.nullable(),
  status: z.enum(CONFLICT_STATUSES),
  /** Declared, but nothing in the records supports it: still honoured, flagged for a look. */
  unsupported: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  decidedBy: z.uuid().nullable(),
  createdAt: instant,
});
export type ConflictView = z.input<typeof conflictView>;
/** GET /api/calls/:id/conflicts: each with the expert's and the applicant's names. */
export const callConflictView = conflictView.extend({ expertName: z.string(), applicantName: z.string() });
export type CallConflictView = z.input<typeof callConflictView>;
