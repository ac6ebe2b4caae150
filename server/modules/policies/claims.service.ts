import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { evaluate, type DecisionTrace, type Facts } from '../../../common/policies/index.js';
import { ALIVE_CLAIM_STATUSES, CLOSED_CLAIM_STATUSES, type ClaimStatus, type ClaimStep } from '../../../common/values/policies.js';
import {
  claimSteps,
  claims,
  enterprises,
  kcSettings,
  notices,
  objections,
  orgUnits,
  policies,
  policyVersions,
  registryEvents,
} from '../../db/schema/index.js';
import { inScope, type Access } from '../../platform/access.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import { today as todayInZone } from '../../platform/clock.js';
import { rowFromJson, rowsOf, type Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { pgErrorOf } from '../../platform/pg-errors.js';
import { accountSpecs, ensureAccount, resolveReservation, transfer } from '../ledger/index.js';
import { factsForEnterprise, factsForEvent } from './facts.js';
import { activeVersion, findPolicy, type PolicyRow, type VersionRow } from './policies.service.js';

/**
 * Claims: one policy × one enterprise × one qualifying event, from the match (or the enterprise's application)
 * through review, public notice, approval by a second person and payment. Money moves only through the
 * ledger, in the same transaction as the claim's step, with keys derived from the claim's business event, so
 * a retried or duplicated request never pays twice.
 */
export type ClaimRow = typeof claims.$inferSelect;
export type { ClaimStatus };
const CLOSED = CLOSED_CLAIM_STATUSES;
/** Stacking and caps count what is committed: everything still alive. */
const ALIVE = ALIVE_CLAIM_STATUSES;

async function step(tx: Db, ctx: RequestContext, claimId: string, name: ClaimStep, note?: string | null, extra?: Record<string, unknown>) {
  await tx.insert(claimSteps).values({ claimId, step: name, note: note ?? null, byUser: ctx.userId });
  await audit(tx, ctx, { action: name, entity: 'claim', entityId: claimId, note: { ...(note ? { note } : {}), ...(extra ?? {}) } });
}

interface Adjustment {
  kind: 'stacking' | 'yearly_cap';
  fen: number;
  zh: string;
  en: string;
}
type StoredTrace = DecisionTrace & { adjustments?: Adjustment[]; confirmedFacts?: Facts };

/**
 * 就高不重复 and the yearly cap, against the enterprise's other live claims of the same fiscal year: the amount
 * is cut to what is not already committed; a lower claim not yet approved is set aside for a higher one.
 */
async function applyLimits(
  tx: Db,
  ctx: RequestContext,
  v: VersionRow,
  c: { id?: string; enterpriseId: string; fiscalYear: number; policyId: string },
  fen: number,
  trace: DecisionTrace,
): Promise<{ fen: number; adjustments: Adjustment[]; stacked: boolean }> {
  const adjustments: Adjustment[] = [];
  let amount = fen;
  const group = v.rule.stackingGroup;
  if (group) {
    const others = await tx
      .select({ id: claims.id, status: claims.status, amountFen: claims.amountFen, code: policies.code })
      .from(claims)
      .innerJoin(policyVersions, eq(policyVersions.id, claims.versionId))
      .innerJoin(policies, eq(policies.id, claims.policyId))
      .where(
        and(
          eq(claims.enterpriseId, c.enterpriseId),
          eq(claims.fiscalYear, c.fiscalYear),
          inArray(claims.status, [...ALIVE]),
          // An undetermined claim may never be confirmed: only decided ones count.
          eq(claims.eligibility, 'eligible'),
          sql`${policyVersions.rule} ->> 'stackingGroup' = ${group}`,
          c.id ? sql`${claims.id} <> ${c.id}` : undefined,
        ),
      )
      .for('update');
    const committed = others.filter((o) => o.status === 'approved' || o.status === 'paid').reduce((m, o) => Math.max(m, o.amountFen), 0);
    const open = others.filter((o) => o.status !== 'approved' && o.status !== 'paid');
    const best = Math.max(committed, ...open.map((o) => o.amountFen));
    if (amount <= best) {
      adjustments.push({
        kind: 'stacking',
        fen: 0,
        zh: `就高不重复：同组已有不低于此金额的申领（${best} 分）`,
        en: `Not stacked: a claim in the same group is at least as high (${best} fen)`,
      });
      return { fen: 0, adjustments, stacked: true };
    }
    for (const o of open) {
      await tx.update(claims).set({ status: 'stacked', updatedAt: new Date() }).where(eq(claims.id, o.id));
      await step(tx, ctx, o.id, 'stacked', `就高不重复：改按更高的“${trace.policyCode}”兑现 / superseded by a higher claim`);
    }
    if (committed > 0) {
      amount -= committed;
      adjustments.push({
        kind: 'stacking',
        fen: amount,
        zh: `就高不重复：已兑现 ${committed} 分，补足差额`,
        en: `Not stacked: ${committed} fen already committed, the difference is paid`,
      });
    }
  }
  const capName = v.rule.yearlyCapParam;
  const cap = capName ? trace.parameters[capName]?.value : null;
  if (capName && typeof cap === 'number') {
    const [used] = await tx
      .select({ fen: sql<string>`coalesce(sum(${claims.amountFen}), 0)::text` })
      .from(claims)
      .where(
        and(
          eq(claims.enterpriseId, c.enterpriseId),
          eq(claims.fiscalYear, c.fiscalYear),
          eq(claims.policyId, c.policyId),
          inArray(claims.status, [...ALIVE]),
          eq(claims.eligibility, 'eligible'),
          c.id ? sql`${claims.id} <> ${c.id}` : undefined,
        ),
      );
    const left = Math.max(0, cap - Number(used?.fen ?? 0));
    if (amount > left) {
      adjustments.push({
        kind: 'yearly_cap',
        fen: left,
        zh: `年度上限 ${cap} 分，本年已用 ${Number(used?.fen ?? 0)} 分`,
        en: `Yearly cap ${cap} fen, ${Number(used?.fen ?? 0)} fen used this year`,
      });
      amount = left;
    }
  }
  return { fen: amount, adjustments, stacked: false };
}

/**
 * Matches registry events not yet matched against every operative policy (approved, parameters set) and
 * creates the claims. Safe to run concurrently: events are taken with SKIP LOCKED, claims are unique per
 * business event.
 */
export async function matchEvents(db: Db, ctx: RequestContext, limit = 200): Promise<number> {
  let created = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const events = await tx
        .select()
        .from(registryEvents)
        .where(isNull(registryEvents.matchedAt))
        .orderBy(asc(registryEvents.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (events.length === 0) return -1;
      const kinds = [...new Set(events.map((e) => e.kind))];
      const candidates = await tx
        .select({ p: policies, v: policyVersions, path: orgUnits.path })
        .from(policyVersions)
        .innerJoin(policies, eq(policies.id, policyVersions.policyId))
        .innerJoin(orgUnits, eq(orgUnits.code, policies.regionCode))
        .where(
          and(
            eq(policyVersions.status, 'approved'),
            sql`${policyVersions.rule} -> 'trigger' ->> 'event' = any(${sql.raw(`array[${kinds.map((k) => `'${k.replace(/'/g, '')}'`).join(',')}]`)})`,
          ),
        );
      // Where each event's enterprise is registered: a policy matches only enterprises in its owner's area.
      const entPaths = new Map(
        (
          await tx
            .select({ id: enterprises.id, path: orgUnits.path })
            .from(enterprises)
            .innerJoin(orgUnits, eq(orgUnits.code, enterprises.orgUnitCode))
            .where(inArray(enterprises.id, [...new Set(events.map((e) => e.enterpriseId))]))
        ).map((x) => [x.id, x.path]),
      );
      let made = 0;
      for (const e of events) {
        const entPath = entPaths.get(e.enterpriseId);
        for (const { p, v, path } of candidates.filter((x) => x.v.rule.trigger.event === e.kind)) {
          if (!entPath?.startsWith(path)) continue;
          const facts = await factsForEvent(tx, e, path);
          const trace = evaluate({
            policyCode: p.code,
            version: v.version,
            versionId: v.id,
            rule: v.rule,
            parameters: v.parameters,
            facts,
            date: e.occurredOn,
          });
          // Not this policy's event, or not eligible, or amounts still 待定: no claim.
          if (trace.eligibility === 'ineligible' || trace.unsetParameters.length > 0) continue;
          if (
            await createClaim(
              tx,
              ctx,
              p,
              v,
              e.enterpriseId,
              `${p.code}|${e.enterpriseId}|${e.kind}:${e.recordId}`,
              Number(e.occurredOn.slice(0, 4)),
              trace,
              e.id,
            )
          )
            made += 1;
        }
        await tx.update(registryEvents).set({ matchedAt: new Date() }).where(eq(registryEvents.id, e.id));
      }
      return made;
    });
    if (n < 0) return created;
    created += n;
  }
}

async function createClaim(
  tx: Db,
  ctx: RequestContext,
  p: PolicyRow,
  v: VersionRow,
  enterpriseId: string,
  eventKey: string,
  fiscalYear: number,
  trace: DecisionTrace,
  eventId: number | null,
  application?: { note?: string | undefined; checklist?: { key: string; provided: boolean; note?: string | undefined }[] | undefined },
): Promise<ClaimRow | undefined> {
  const limits =
    trace.eligibility === 'eligible' && trace.amount.fen !== null
      ? await applyLimits(tx, ctx, v, { enterpriseId, fiscalYear, policyId: p.id }, trace.amount.fen, trace)
      : { fen: trace.amount.fen ?? 0, adjustments: [], stacked: false };
  const needed = new Set(trace.documentsNeeded);
  const checklist = v.rule.checklist
    .filter((d) => application || needed.size === 0 || needed.has(d.key))
    .map((d) => {
      const given = application?.checklist?.find((x) => x.key === d.key);
      return { ...d, provided: given?.provided ?? false, ...(given?.note ? { note: given.note } : {}) };
    });
  const status = limits.stacked ? 'stacked' : application ? 'applied' : trace.eligibility === 'eligible' ? 'matched' : 'needs_data';
  const [row] = await tx
    .insert(claims)
    .values({
      policyId: p.id,
      versionId: v.id,
      enterpriseId,
      eventId,
      eventKey,
      fiscalYear,
      status,
      eligibility: trace.eligibility,
      amountFen: limits.fen,
      trace: { ...trace, adjustments: limits.adjustments } as StoredTrace,
      checklist: status === 'needs_data' || application ? checklist : null,
      applicationNote: application?.note ?? null,
    })
    .onConflictDoNothing({ target: claims.eventKey })
    .returning();
  if (!row) return undefined;
  await step(tx, ctx, row.id, status, trace.amount.explanation, { policy: p.code, amountFen: limits.fen, eligibility: trace.eligibility });
  return row;
}

/** An enterprise applies for an application-type policy (or any policy the register cannot settle). */
export async function applyFor(
  db: Db,
  ctx: RequestContext,
  enterpriseId: string,
  input: {
    policy: string;
    reference: string;
    note?: string | undefined;
    checklist?: { key: string; provided: boolean; note?: string | undefined }[] | undefined;
  },
): Promise<ClaimRow> {
  const p = await findPolicy(db, input.policy);
  const v = await activeVersion(db, p.id);
  const today = todayInZone();
  if (!v) throw new AppError(409, 'policy_not_active', { code: p.code, params: '—' });
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ path: orgUnits.path, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, p.regionCode));
    const [ent] = await tx
      .select({ path: orgUnits.path })
      .from(enterprises)
      .innerJoin(orgUnits, eq(orgUnits.code, enterprises.orgUnitCode))
      .where(eq(enterprises.id, enterpriseId));
    // A policy pays only enterprises in its owner's area.
    if (!ent || !ent.path.startsWith(u!.path)) throw new AppError(409, 'claim_outside_policy', { code: p.code, unit: u!.name }, 'policy');
    const trace = evaluate({
      policyCode: p.code,
      version: v.version,
      versionId: v.id,
      rule: v.rule,
      parameters: v.parameters,
      facts: await factsForEnterprise(tx, enterpriseId, u!.path, today),
      date: today,
    });
    if (trace.unsetParameters.length)
      throw new AppError(409, 'policy_not_active', { code: p.code, params: trace.unsetParameters.join('、') });
    const key = `${p.code}|${enterpriseId}|application:${input.reference.trim()}`;
    const row = await createClaim(tx, ctx, p, v, enterpriseId, key, Number(today.slice(0, 4)), trace, null, {
      note: input.note,
      checklist: input.checklist,
    });
    if (!row) throw new AppError(409, 'claim_duplicate', { key: input.reference.trim() }, 'reference');
    return row;
  });
}

async function lockClaim(tx: Db, id: string): Promise<ClaimRow> {
  const [c] = await tx.select().from(claims).where(eq(claims.id, id)).for('update');
  if (!c) throw new AppError(404, 'not_found', { what: id });
  return c;
}

const refuse = (c: ClaimRow, action: string) => new AppError(409, 'claim_state', { status: c.status, action });

/** The enterprise answers a fast-application task: documents provided, then the bureau reviews. */
export async function submitDocuments(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { checklist: { key: string; provided: boolean; note?: string | undefined }[]; note?: string | undefined },
): Promise<ClaimRow> {
  return db.transaction(async (tx) => {
    const c = await lockClaim(tx, id);
    if (c.status !== 'needs_data') throw refuse(c, 'submit');
    const checklist = (c.checklist ?? []).map((d) => {
      const given = input.checklist.find((x) => x.key === d.key);
      return { ...d, provided: given?.provided ?? d.provided, ...(given?.note ? { note: given.note } : {}) };
    });
    const [row] = await tx
      .update(claims)
      .set({ status: 'applied', checklist, applicationNote: input.note ?? c.applicationNote, updatedAt: new Date() })
      .where(eq(claims.id, id))
      .returning();
    await step(tx, ctx, id, 'applied', input.note);
    return row!;
  });
}

/**
 * Bureau review: the reviewer confirms the facts the documents prove; the decision is re-run with them and
 * must be eligible. The confirmed facts are kept in the trace beside the register's.
 */
export async function reviewClaim(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { facts?: Facts | undefined; note?: string | undefined },
): Promise<ClaimRow> {
  return db.transaction(async (tx) => {
    const c = await lockClaim(tx, id);
    if (!['matched', 'applied', 'needs_data'].includes(c.status)) throw refuse(c, 'review');
    const [v] = await tx.select().from(policyVersions).where(eq(policyVersions.id, c.versionId));
    const [p] = await tx.select().from(policies).where(eq(policies.id, c.policyId));
    const old = c.trace as StoredTrace;
    const confirmed = { ...(old.confirmedFacts ?? {}), ...(input.facts ?? {}) };
    const trace = evaluate({
      policyCode: p!.code,
      version: v!.version,
      versionId: v!.id,
      rule: v!.rule,
      parameters: v!.parameters,
      facts: { ...old.facts, ...confirmed },
      date: old.date,
    });
    if (trace.eligibility !== 'eligible' || trace.amount.fen === null)
      throw new AppError(409, 'claim_not_eligible', { eligibility: trace.eligibility });
    const limits = await applyLimits(
      tx,
      ctx,
      v!,
      { id, enterpriseId: c.enterpriseId, fiscalYear: c.fiscalYear, policyId: c.policyId },
      trace.amount.fen,
      trace,
    );
    const status = limits.stacked ? 'stacked' : 'reviewed';
    const [row] = await tx
      .update(claims)
      .set({
        status,
        eligibility: 'eligible',
        amountFen: limits.fen,
        trace: { ...trace, adjustments: limits.adjustments, confirmedFacts: confirmed } as StoredTrace,
        reviewedBy: ctx.userId,
        reviewedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(claims.id, id))
      .returning();
    await step(tx, ctx, id, status, input.note, { amountFen: limits.fen });
    return row!;
  });
}

/** The units a claim belongs to (its enterprise's and its policy owner's), with the policy owner's code. */
async function claimUnits(tx: Db, c: ClaimRow) {
  const [p] = await tx
    .select({ code: orgUnits.code, path: orgUnits.path, name: orgUnits.name })
    .from(policies)
    .innerJoin(orgUnits, eq(orgUnits.code, policies.regionCode))
    .where(eq(policies.id, c.policyId));
  const [e] = await tx
    .select({ path: orgUnits.path, name: orgUnits.name })
    .from(enterprises)
    .innerJoin(orgUnits, eq(orgUnits.code, enterprises.orgUnitCode))
    .where(eq(enterprises.id, c.enterpriseId));
  return { policy: p!, enterprise: e! };
}

/**
 * 公示: reviewed claims go on a public notice between two dates. The notice belongs to the claims' policy owner
 * (one unit a notice); the caller must be able to act on every claim it lists (`access`), and whoever puts a
 * claim on notice is one of those who changed it (four eyes above the threshold).
 */
export async function createNotice(
  db: Db,
  ctx: RequestContext,
  input: { title: string; startsOn: string; endsOn: string; claimIds: string[] },
  access?: Access,
) {
  if (input.endsOn < input.startsOn) throw new AppError(400, 'notice_dates', {}, 'endsOn');
  return db.transaction(async (tx) => {
    const locked: ClaimRow[] = [];
    const owners = new Map<string, string>();
    for (const id of [...new Set(input.claimIds)].sort()) {
      const c = await lockClaim(tx, id);
      const units = await claimUnits(tx, c);
      if (access) {
        access.assert('write', units.enterprise.path, units.enterprise.name);
        access.assert('write', units.policy.path, units.policy.name);
      }
      if (c.status !== 'reviewed') throw refuse(c, 'notice');
      owners.set(units.policy.code, units.policy.name);
      locked.push(c);
    }
    if (owners.size > 1) throw new AppError(400, 'notice_mixed_units', { units: [...owners.values()].join('、') }, 'claimIds');
    const [n] = await tx
      .insert(notices)
      .values({
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        orgUnitCode: [...owners.keys()][0] ?? null,
        createdBy: ctx.userId,
      })
      .returning();
    for (const c of locked) {
      await tx
        .update(claims)
        .set({ status: 'in_notice', noticeId: n!.id, editors: withEditor(c.editors, ctx.userId), updatedAt: new Date() })
        .where(eq(claims.id, c.id));
      await step(tx, ctx, c.id, 'in_notice', `${input.startsOn} – ${input.endsOn}`);
    }
    await audit(tx, ctx, { action: 'create', entity: 'notice', entityId: n!.id, after: { ...input } });
    return n!;
  });
}

export async function addObjection(
  db: Db,
  ctx: RequestContext,
  noticeId: string,
  input: { claimId?: string | undefined; text: string; contact?: string | undefined },
  today: string,
) {
  return db.transaction(async (tx) => {
    const [n] = await tx.select().from(notices).where(eq(notices.id, noticeId));
    if (!n) throw new AppError(404, 'not_found', { what: noticeId });
    if (today < n.startsOn || today > n.endsOn) throw new AppError(409, 'claim_notice_open', { endsOn: n.endsOn });
    if (input.claimId) {
      const [c] = await tx.select({ noticeId: claims.noticeId }).from(claims).where(eq(claims.id, input.claimId));
      if (!c || c.noticeId !== noticeId) throw new AppError(400, 'not_found', { what: input.claimId }, 'claimId');
    }
    const [o] = await tx
      .insert(objections)
      .values({ noticeId, claimId: input.claimId ?? null, text: input.text, contact: input.contact ?? null })
      .returning();
    await audit(tx, ctx, { action: 'create', entity: 'objection', entityId: o!.id, after: { noticeId, claimId: input.claimId } });
    return o!;
  });
}

/** An upheld objection rejects the claim it names; a dismissed one lets it go on. */
export async function resolveObjection(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { status: 'upheld' | 'dismissed'; resolution: string },
) {
  return db.transaction(async (tx) => {
    const [o] = await tx.select().from(objections).where(eq(objections.id, id)).for('update');
    if (!o) throw new AppError(404, 'not_found', { what: id });
    if (o.status !== 'open') throw new AppError(409, 'claim_state', { status: o.status, action: 'resolve' });
    const [row] = await tx
      .update(objections)
      .set({ status: input.status, resolution: input.resolution, resolvedBy: ctx.userId, resolvedAt: new Date() })
      .where(eq(objections.id, id))
      .returning();
    await audit(tx, ctx, { action: 'resolve', entity: 'objection', entityId: id, after: input });
    if (input.status === 'upheld' && o.claimId) await rejectIn(tx, ctx, o.claimId, `异议成立：${input.resolution}`);
    else if (o.claimId) {
      // Dismissing an objection about a claim is a decision on it: the resolver is one of its editors.
      const c = await lockClaim(tx, o.claimId);
      if (ctx.userId && !c.editors.includes(ctx.userId))
        await tx
          .update(claims)
          .set({ editors: withEditor(c.editors, ctx.userId) })
          .where(eq(claims.id, c.id));
    }
    return row!;
  });
}

const keyOf = (c: ClaimRow, stepName: string) => `claim:${c.eventKey}:${stepName}`;

/**
 * Approval by a second person after the notice has ended with every objection resolved: reserves the amount
 * in the policy's budget for the fiscal year (a pending transfer to the enterprise's payable account).
 */
export async function approveClaim(db: Db, ctx: RequestContext, id: string, today: string): Promise<ClaimRow> {
  return db.transaction(async (tx) => {
    const c = await lockClaim(tx, id);
    if (c.status === 'approved' || c.status === 'paid') return c;
    if (c.status !== 'in_notice') throw refuse(c, 'approve');
    if (c.reviewedBy === ctx.userId) throw new AppError(403, 'claim_four_eyes');
    const above = await fourEyesThreshold(tx);
    if (c.amountFen > above && (!ctx.userId || c.editors.includes(ctx.userId)))
      throw new AppError(403, 'claim_four_eyes_threshold', { threshold: (above / 100).toLocaleString('zh-CN') });
    const [n] = await tx.select().from(notices).where(eq(notices.id, c.noticeId!));
    if (!n || today <= n.endsOn) throw new AppError(409, 'claim_notice_open', { endsOn: n?.endsOn ?? '' });
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(objections)
      .where(and(eq(objections.noticeId, n.id), eq(objections.status, 'open')));
    if ((open?.n ?? 0) > 0) throw new AppError(409, 'claim_objections_open', { n: open!.n });
    const [p] = await tx.select().from(policies).where(eq(policies.id, c.policyId));
    const [e] = await tx.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, c.enterpriseId));
    if (c.amountFen > 0) {
      const budget = await ensureAccount(tx, accountSpecs.budget(c.fiscalYear, c.fundSource, p!.code));
      const payable = await ensureAccount(tx, accountSpecs.payable(c.enterpriseId, e!.name));
      await ensureAccount(tx, accountSpecs.paid(c.fiscalYear, c.fundSource, p!.code));
      await transfer(tx, ctx, {
        key: keyOf(c, 'reserve'),
        debitAccountId: budget.id,
        creditAccountId: payable.id,
        amount: c.amountFen,
        kind: 'pending',
        claimId: c.id,
      });
    }
    const [row] = await tx
      .update(claims)
      .set({ status: 'approved', approvedBy: ctx.userId, approvedAt: new Date(), updatedAt: new Date() })
      .where(eq(claims.id, id))
      .returning()
      .catch((e: unknown) => {
        // The database's rule (migration 0014) refuses what the check above let through.
        if (pgErrorOf(e)?.constraint === 'claims_four_eyes_threshold')
          throw new AppError(403, 'claim_four_eyes_threshold', { threshold: (above / 100).toLocaleString('zh-CN') });
        throw e;
      });
    await step(tx, ctx, id, 'approved', null, { amountFen: c.amountFen });
    return row!;
  });
}

/**
 * Payment: posts the reservation (budget → payable) and pays the enterprise out (payable → the policy's paid-out
 * account of the year), marks the claim paid, with its step and audit events, all in one statement
 * (kc_pay_claim, migration 0010): the budget's row stays locked for that statement only, not for a dozen
 * round trips, so payments of one budget do not queue behind each other's network waits. The ledger's
 * triggers apply and guard both transfers as for any other. A repeated request (a retry, a double click, a
 * duplicate delivery) finds the claim paid and returns it.
 */
export async function payClaim(db: Db, ctx: RequestContext, id: string): Promise<{ claim: ClaimRow; replayed: boolean }> {
  const call = async () =>
    rowsOf<{ r: { outcome: string; claim?: Record<string, unknown> } }>(
      await db.execute(sql`select kc_pay_claim(${id}, ${ctx.userId}, ${ctx.username}, ${ctx.requestId}, ${ctx.ip}) as r`),
    )[0]!.r;
  let out = await call();
  if (out.outcome === 'no_paid_account') {
    // Approved before approval opened the paid-out account (migration 0010): open it, then pay.
    await ensurePaidAccount(db, rowFromJson(claims, out.claim!));
    out = await call();
  }
  if (!out.claim) throw new AppError(404, 'not_found', { what: id });
  const row = rowFromJson(claims, out.claim);
  if (out.outcome === 'paid' || out.outcome === 'replayed') return { claim: row, replayed: out.outcome === 'replayed' };
  if (out.outcome === 'no_reservation') throw new AppError(409, 'ledger_not_pending', { id: keyOf(row, 'reserve') });
  throw refuse(row, 'pay');
}

/** The paid-out account a claim's payment goes to: its policy's, for its fiscal year and fund source. */
async function ensurePaidAccount(tx: Db, c: ClaimRow) {
  const [p] = await tx.select({ code: policies.code }).from(policies).where(eq(policies.id, c.policyId));
  return ensureAccount(tx, accountSpecs.paid(c.fiscalYear, c.fundSource, p!.code));
}

async function rejectIn(tx: Db, ctx: RequestContext, id: string, reason: string): Promise<ClaimRow> {
  const c = await lockClaim(tx, id);
  if (c.status === 'rejected') return c;
  if (c.status === 'paid' || CLOSED.includes(c.status)) throw refuse(c, 'reject');
  if (c.status === 'approved' && c.amountFen > 0) {
    await resolveReservation(tx, ctx, {
      reserveKey: keyOf(c, 'reserve'),
      key: keyOf(c, 'void'),
      kind: 'void_pending',
      claimId: c.id,
      reason,
    });
  }
  const [row] = await tx
    .update(claims)
    .set({ status: 'rejected', rejectionReason: reason, updatedAt: new Date() })
    .where(eq(claims.id, id))
    .returning();
  await step(tx, ctx, id, 'rejected', reason);
  return row!;
}

/** Rejection with a reason, at any step before payment; an approved claim's reservation is voided. */
export async function rejectClaim(db: Db, ctx: RequestContext, id: string, reason: string): Promise<ClaimRow> {
  return db.transaction((tx) => rejectIn(tx, ctx, id, reason));
}

/** The default threshold of claims' four eyes (100 000 元), when the installation has not written its own. */
const DEFAULT_FOUR_EYES_ABOVE_FEN = 10_000_000;

/** Above this amount (fen) a claim is approved by none of those who reviewed or changed it (kc_settings). */
export async function fourEyesThreshold(db: Db): Promise<number> {
  const [row] = await db.select({ value: kcSettings.value }).from(kcSettings).where(eq(kcSettings.key, 'claim_four_eyes_above_fen'));
  return row?.value ?? DEFAULT_FOUR_EYES_ABOVE_FEN;
}

/** Writes the installation's threshold (configuration) where the database's rule reads it. */
export async function storeFourEyesThreshold(db: Db, fen: number): Promise<void> {
  await db
    .insert(kcSettings)
    .values({ key: 'claim_four_eyes_above_fen', value: fen })
    .onConflictDoUpdate({ target: kcSettings.key, set: { value: fen, updatedAt: new Date() } });
}

const withEditor = (editors: string[], userId: string | null) => (userId && !editors.includes(userId) ? [...editors, userId] : editors);

const enterpriseUnits = alias(orgUnits, 'enterprise_units');

export async function listClaims(
  db: Db,
  f: {
    id?: string | undefined;
    status?: ClaimStatus | undefined;
    enterpriseId?: string | undefined;
    noticeId?: string | undefined;
    policy?: string | undefined;
    /** Only claims whose enterprise lies in one of these subtrees (so does its policy owner's unit); none given: all. */
    scopes?: readonly string[] | undefined;
  },
) {
  return db
    .select({
      c: claims,
      policyCode: policies.code,
      policyZh: policies.nameZh,
      policyEn: policies.nameEn,
      enterpriseName: enterprises.name,
      creditCode: enterprises.creditCode,
    })
    .from(claims)
    .innerJoin(policies, eq(policies.id, claims.policyId))
    .innerJoin(enterprises, eq(enterprises.id, claims.enterpriseId))
    .innerJoin(enterpriseUnits, eq(enterpriseUnits.code, enterprises.orgUnitCode))
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

export async function stepsOf(db: Db, id: string) {
  return db.select().from(claimSteps).where(eq(claimSteps.claimId, id)).orderBy(asc(claimSteps.id));
}

export async function noticeWithClaims(db: Db, id: string) {
  const [n] = await db.select().from(notices).where(eq(notices.id, id));
  if (!n) throw new AppError(404, 'not_found', { what: id });
  const items = await listClaims(db, { noticeId: id });
  const objs = await db.select().from(objections).where(eq(objections.noticeId, id)).orderBy(asc(objections.createdAt));
  return { notice: n, items, objections: objs };
}

/** Notices, newest first; `scopes`: only those of the reader's subtree (none given: all, as the public list). */
export async function listNotices(db: Db, scopes?: readonly string[]) {
  return db
    .select({ n: notices })
    .from(notices)
    .leftJoin(orgUnits, eq(orgUnits.code, notices.orgUnitCode))
    .where(scopes ? inScope(sql`coalesce(${orgUnits.path}, '/')`, scopes) : undefined)
    .orderBy(desc(notices.startsOn))
    .then((rows) => rows.map((r) => r.n));
}
