import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ClaimStatus, ClaimStep, PolicyMessage } from '../../../common/values/policies.js';
import { claimSteps, claims, notices, objections, policies, policyVersions } from '../../db/schema/policies.js';
import { inScope } from '../../platform/access.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import { rowsOf, type Db } from '../../platform/db.js';
import { orgUnitsRead } from '../orgunits/index.js';
import { enterprisesRead } from '../registry/index.js';

/** The claims' queries: claims, their steps, notices and objections. */
export type ClaimRow = typeof claims.$inferSelect;
type NewClaim = typeof claims.$inferInsert;

/** A step of a claim's history, with its audit event. */
export async function recordStep(
  tx: Db,
  ctx: RequestContext,
  claimId: string,
  name: ClaimStep,
  note?: string | PolicyMessage | null,
  extra?: Record<string, unknown>,
) {
  // A person's words go to `note`; what the system says, as a code and its parameters, to `message`.
  const message = note && typeof note === 'object' ? note : null;
  const text = typeof note === 'string' ? note : null;
  await tx.insert(claimSteps).values({ claimId, step: name, note: text, message, byUser: ctx.userId });
  await audit(tx, ctx, {
    action: name,
    entity: 'claim',
    entityId: claimId,
    note: { ...(text ? { note: text } : {}), ...(message ? { message } : {}), ...(extra ?? {}) },
  });
}

export const claimForUpdate = (tx: Db, id: string) => tx.select().from(claims).where(eq(claims.id, id)).for('update');
export const claimNotice = (tx: Db, id: string) => tx.select({ noticeId: claims.noticeId }).from(claims).where(eq(claims.id, id));

/** Inserts a claim unless its business event has one (then nothing is returned). */
export async function insertClaim(tx: Db, values: NewClaim): Promise<ClaimRow | undefined> {
  const [row] = await tx.insert(claims).values(values).onConflictDoNothing({ target: claims.eventKey }).returning();
  return row;
}

export const updateClaim = (tx: Db, id: string, set: Partial<NewClaim>) => tx.update(claims).set(set).where(eq(claims.id, id)).returning();

/** The enterprise's other live, eligible claims of a fiscal year in a stacking group (locked). */
export function stackingRivals(
  tx: Db,
  c: { id?: string | undefined; enterpriseId: string; fiscalYear: number },
  group: string,
  alive: readonly ClaimStatus[],
) {
  return tx
    .select({ id: claims.id, status: claims.status, amountFen: claims.amountFen, code: policies.code })
    .from(claims)
    .innerJoin(policyVersions, eq(policyVersions.id, claims.versionId))
    .innerJoin(policies, eq(policies.id, claims.policyId))
    .where(
      and(
        eq(claims.enterpriseId, c.enterpriseId),
        eq(claims.fiscalYear, c.fiscalYear),
        inArray(claims.status, [...alive]),
        // An undetermined claim may never be confirmed: only decided ones count.
        eq(claims.eligibility, 'eligible'),
        sql`${policyVersions.rule} ->> 'stackingGroup' = ${group}`,
        c.id ? sql`${claims.id} <> ${c.id}` : undefined,
      ),
    )
    .for('update');
}

/** What the enterprise's other live, eligible claims of a policy and fiscal year add up to (fen). */
export async function usedThisYear(
  tx: Db,
  c: { id?: string | undefined; enterpriseId: string; fiscalYear: number; policyId: string },
  alive: readonly ClaimStatus[],
): Promise<number> {
  const [used] = await tx
    .select({ fen: sql<string>`coalesce(sum(${claims.amountFen}), 0)::text` })
    .from(claims)
    .where(
      and(
        eq(claims.enterpriseId, c.enterpriseId),
        eq(claims.fiscalYear, c.fiscalYear),
        eq(claims.policyId, c.policyId),
        inArray(claims.status, [...alive]),
        eq(claims.eligibility, 'eligible'),
        c.id ? sql`${claims.id} <> ${c.id}` : undefined,
      ),
    );
  return Number(used?.fen ?? 0);
}

/** Approved versions whose trigger is one of these event kinds, with their policy and its region's path. */
export function candidateVersions(tx: Db, kinds: readonly string[]) {
  return tx
    .select({ p: policies, v: policyVersions, path: orgUnitsRead.path })
    .from(policyVersions)
    .innerJoin(policies, eq(policies.id, policyVersions.policyId))
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, policies.regionCode))
    .where(
      and(
        eq(policyVersions.status, 'approved'),
        sql`${policyVersions.rule} -> 'trigger' ->> 'event' = any(${sql.raw(`array[${kinds.map((k) => `'${k.replace(/'/g, '')}'`).join(',')}]`)})`,
      ),
    );
}

/** The payment in one statement (kc_pay_claim, migration 0010): its outcome and the claim as it stands. */
export async function payInDatabase(db: Db, id: string, ctx: RequestContext) {
  return rowsOf<{ r: { outcome: string; claim?: Record<string, unknown> } }>(
    await db.execute(sql`select kc_pay_claim(${id}, ${ctx.userId}, ${ctx.username}, ${ctx.requestId}, ${ctx.ip}) as r`),
  )[0]!.r;
}

export const insertNotice = (tx: Db, values: typeof notices.$inferInsert) => tx.insert(notices).values(values).returning();
export const noticeById = (db: Db, id: string) => db.select().from(notices).where(eq(notices.id, id));

export const insertObjection = (tx: Db, values: typeof objections.$inferInsert) => tx.insert(objections).values(values).returning();
export const objectionForUpdate = (tx: Db, id: string) => tx.select().from(objections).where(eq(objections.id, id)).for('update');
export const updateObjection = (tx: Db, id: string, set: Partial<typeof objections.$inferInsert>) =>
  tx.update(objections).set(set).where(eq(objections.id, id)).returning();

export async function openObjections(tx: Db, noticeId: string): Promise<number> {
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(objections)
    .where(and(eq(objections.noticeId, noticeId), eq(objections.status, 'open')));
  return open?.n ?? 0;
}

export const objectionsOf = (db: Db, noticeId: string) =>
  db.select().from(objections).where(eq(objections.noticeId, noticeId)).orderBy(asc(objections.createdAt));

const enterpriseUnits = alias(orgUnitsRead, 'enterprise_units');

export interface ClaimFilter {
  id?: string | undefined;
  status?: ClaimStatus | undefined;
  enterpriseId?: string | undefined;
  noticeId?: string | undefined;
  policy?: string | undefined;
  /** Only claims whose enterprise lies in one of these subtrees (so does its policy owner's unit); none given: all. */
  scopes?: readonly string[] | undefined;
}

export function selectClaims(db: Db, f: ClaimFilter) {
  return db
    .select({
      c: claims,
      policyCode: policies.code,
      policyZh: policies.nameZh,
      policyEn: policies.nameEn,
      enterpriseName: enterprisesRead.name,
      creditCode: enterprisesRead.creditCode,
    })
    .from(claims)
    .innerJoin(policies, eq(policies.id, claims.policyId))
    .innerJoin(enterprisesRead, eq(enterprisesRead.id, claims.enterpriseId))
    .innerJoin(enterpriseUnits, eq(enterpriseUnits.code, enterprisesRead.orgUnitCode))
    .where(
      and(
        // A claim's enterprise lies in its policy owner's subtree (matching and applications refuse any other), so
        // the enterprise's unit alone decides: one indexed path (units → enterprises → claims) instead of a scan.
        f.scopes ? inScope(enterpriseUnits.path, f.scopes) : undefined,
        f.id ? eq(claims.id, f.id) : undefined,
        f.status ? eq(claims.status, f.status) : undefined,
        f.enterpriseId ? eq(claims.enterpriseId, f.enterpriseId) : undefined,
        f.noticeId ? eq(claims.noticeId, f.noticeId) : undefined,
        f.policy ? eq(policies.code, f.policy) : undefined,
      ),
    )
    .orderBy(desc(claims.createdAt))
    .limit(2000);
}

export const stepsOf = (db: Db, id: string) => db.select().from(claimSteps).where(eq(claimSteps.claimId, id)).orderBy(asc(claimSteps.id));

/** Notices, newest first; `scopes`: only those of the reader's subtree (none given: all). */
export function selectNotices(db: Db, scopes?: readonly string[]) {
  return db
    .select({ n: notices })
    .from(notices)
    .leftJoin(orgUnitsRead, eq(orgUnitsRead.code, notices.orgUnitCode))
    .where(scopes ? inScope(sql`coalesce(${orgUnitsRead.path}, '/')`, scopes) : undefined)
    .orderBy(desc(notices.startsOn))
    .then((rows) => rows.map((r) => r.n));
}

/** A policy's owner unit (code, path, name). */
export const policyUnit = (tx: Db, policyId: string) =>
  tx
    .select({ code: orgUnitsRead.code, path: orgUnitsRead.path, name: orgUnitsRead.name })
    .from(policies)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, policies.regionCode))
    .where(eq(policies.id, policyId));
