import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ExpertPatch, expertInput } from '../../../common/contracts/projects.js';
import type { ConflictExpert } from '../../../common/review/index.js';
import type { orgUnitsRead } from '../orgunits/index.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, findOr404 } from '../../platform/errors.js';
import { checkCreditCode } from '../registry/index.js';
import type { CallRow } from './calls.service.js';
import * as repo from './experts.repo.js';
import type { ExpertRow } from './experts.repo.js';

/**
 * The expert pool: experts belong to a unit's pool; a call draws from its unit's and the units above; the bureau
 * edits and rates them; an expert's history feeds the conflict detection.
 */
export type { ExpertRow };

/** An organisation's credit code as stored (normalised, its check character verified), or null for none. */
const orgCode = (code: string | null | undefined) => (code?.trim() ? checkCreditCode(code, 'orgCreditCode') : null);

/** The unit of a pool by its code, for the scope check of the one who adds an expert to it. */
export async function poolUnit(db: Db, code: string): Promise<{ path: string; name: string }> {
  const unit = await repo.unitOfCode(db, code);
  if (!unit) throw new AppError(400, 'not_found', { what: code }, 'orgUnitCode');
  return unit;
}

export async function createExpert(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof expertInput> & { orgUnitCode: string },
): Promise<ExpertRow> {
  const orgCreditCode = orgCode(input.orgCreditCode);
  let userId: string | null = null;
  if (input.username) {
    userId = await repo.userIdOfUsername(db, input.username);
    if (!userId) throw new AppError(400, 'not_found', { what: input.username }, 'username');
  }
  return db.transaction(async (tx) => {
    const row = await repo.insertExpert(tx, {
      userId,
      name: input.name,
      orgCreditCode,
      orgName: input.orgName ?? null,
      fields: input.fields,
      titles: input.titles ?? null,
      contact: input.contact ?? null,
      history: input.history,
      orgUnitCode: input.orgUnitCode,
    });
    if (!row) throw new AppError(409, 'duplicate', { what: input.username ?? input.name }, 'username');
    await audit(tx, ctx, {
      action: 'create',
      entity: 'expert',
      entityId: row.id,
      after: { name: row.name, org: row.orgCreditCode, fields: row.fields, orgUnitCode: row.orgUnitCode },
    });
    return row;
  });
}

/**
 * The pool filtered by the path of each expert's unit (`where`: e.g. the reader's scopes shared down), each
 * expert with its unit's name.
 */
export async function listExperts(
  db: Db,
  where: (unitPath: SQL | typeof orgUnitsRead.path) => SQL,
): Promise<(ExpertRow & { orgUnitName: string })[]> {
  return repo.expertsWithUnit(db, where);
}

/**
 * The pool a call draws from: the experts of the call's unit and of the units above it (a county's call draws
 * from the county's, the city's and the province's experts; never a neighbour's, nor a town's own pool).
 */
export async function poolOfCall(db: Db, call: Pick<CallRow, 'regionCode'>, onlyAvailable = false): Promise<ExpertRow[]> {
  return repo.poolOfRegion(db, call.regionCode, onlyAvailable);
}

/** One expert with its unit's path and name (for a scope check). */
export async function findExpert(db: Db, id: string): Promise<ExpertRow & { path: string; unitName: string }> {
  const row = await repo.expertWithUnit(db, id);
  if (!row) throw new AppError(404, 'not_found', { what: id });
  return row;
}

const EDITABLE = ['name', 'orgCreditCode', 'orgName', 'fields', 'titles', 'contact', 'available', 'history'] as const;
const blankToNull = (v: string | null) => (v?.trim() ? v.trim() : null);
/** JSON with object keys sorted: jsonb keeps its own key order, so equal values must compare equal. */
const canonical = (v: unknown) =>
  JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

/**
 * The bureau changes an expert: availability, organisation (its credit code checked), fields, titles, contact or
 * history; only what is sent changes, and the audit keeps each changed field's before and after. An unavailable
 * expert is left out of every later draw, swap and redraw; its open assignments stay until the bureau swaps them,
 * so the answer counts them.
 */
export async function updateExpert(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: ExpertPatch,
): Promise<ExpertRow & { openAssignments: number }> {
  const orgCreditCode = patch.orgCreditCode === undefined ? undefined : orgCode(patch.orgCreditCode);
  return db.transaction(async (tx) => {
    const e = await findOr404(repo.lockedExpertRows(tx, id), id);
    const wanted: Partial<ExpertRow> = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(orgCreditCode !== undefined ? { orgCreditCode } : {}),
      ...(patch.orgName !== undefined ? { orgName: blankToNull(patch.orgName) } : {}),
      ...(patch.fields !== undefined ? { fields: [...new Set(patch.fields)] } : {}),
      ...(patch.titles !== undefined ? { titles: blankToNull(patch.titles) } : {}),
      ...(patch.contact !== undefined ? { contact: blankToNull(patch.contact) } : {}),
      ...(patch.available !== undefined ? { available: patch.available } : {}),
      // What the form edits replaces its lists; anything else kept in the history (drafted calls) stays.
      ...(patch.history !== undefined ? { history: { ...e.history, ...patch.history } } : {}),
    };
    const changed = EDITABLE.filter((k) => k in wanted && canonical(wanted[k]) !== canonical(e[k]));
    let row = e;
    if (changed.length) {
      const set = Object.fromEntries(changed.map((k) => [k, wanted[k]])) as Partial<repo.ExpertInsert>;
      row = await findOr404(repo.updateExpertRow(tx, id, set), id);
      const pick = (x: ExpertRow) => Object.fromEntries(changed.map((k) => [k, x[k]]));
      await audit(tx, ctx, { action: 'update', entity: 'expert', entityId: id, before: pick(e), after: pick(row) });
    }
    return { ...row, openAssignments: await repo.openAssignmentCount(tx, id) };
  });
}

/** The expert record of a signed-in user; one who is none (an expert account not in the pool yet) is refused, saying so. */
export async function expertOfUser(db: Db, userId: string): Promise<ExpertRow> {
  const [e] = await repo.expertRowsOfUser(db, userId);
  if (!e) throw new AppError(403, 'expert_not_in_pool');
  return e;
}

/** After a review session: the bureau rates an expert (1–5); the pool shows the running average. */
export async function rateExpert(db: Db, ctx: RequestContext, id: string, rating: number, note?: string): Promise<ExpertRow> {
  return db.transaction(async (tx) => {
    const e = await findOr404(repo.lockedExpertRows(tx, id), id);
    const row = await findOr404(repo.updateExpertRow(tx, id, { ratingSum: e.ratingSum + rating, ratingCount: e.ratingCount + 1 }), id);
    await audit(tx, ctx, { action: 'rate', entity: 'expert', entityId: id, note: { rating, ...(note ? { note } : {}) } });
    return row;
  });
}

type History = {
  employment?: { creditCode: string; from: string; to?: string }[];
  advice?: { creditCode: string; from: string; to?: string }[];
  relatives?: { name: string; creditCode?: string }[];
  shareholdings?: { creditCode: string }[];
  disputes?: { creditCode: string; date: string }[];
  draftedCalls?: string[];
};

/** An expert as the conflict detection reads it (its history's lists, empty where none was recorded). */
export const conflictExpert = (e: ExpertRow): ConflictExpert => {
  const h = e.history as History;
  return {
    id: e.id,
    name: e.name,
    ...(e.orgCreditCode ? { orgCreditCode: e.orgCreditCode } : {}),
    employmentHistory: h.employment ?? [],
    adviceHistory: h.advice ?? [],
    relatives: h.relatives ?? [],
    shareholdings: h.shareholdings ?? [],
    disputes: h.disputes ?? [],
    draftedCalls: h.draftedCalls ?? [],
  };
};
