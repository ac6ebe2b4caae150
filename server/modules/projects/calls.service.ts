import { createHash } from 'node:crypto';
import { today } from '../../platform/clock.js';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { applicationInput, callInput } from '../../../common/contracts/projects.js';
import { applications, attachments, calls, enterprises, orgUnits, qualifications } from '../../db/schema/index.js';
import { inScope } from '../../platform/access.js';
import { assertContentType } from '../../platform/sniff.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { splitTeam, TEAM_CONTACT_FIELD } from '../../../common/project-team.js';

export type CallRow = typeof calls.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;

export async function createCall(db: Db, ctx: RequestContext, input: z.infer<typeof callInput>, regionCode: string): Promise<CallRow> {
  if (input.kind === 'challenge' && !input.bountyFen) throw new AppError(400, 'call_bounty', {}, 'bountyFen');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calls)
      .values({
        ...input,
        bountyFen: input.bountyFen ?? null,
        // A 揭榜挂帅 challenge is open to any team: no registration or qualification conditions.
        eligibility: input.kind === 'challenge' ? { registeredInRegion: false, qualificationsAnyOf: [] } : input.eligibility,
        regionCode: input.regionCode ?? regionCode,
        createdBy: ctx.userId,
      })
      .onConflictDoNothing({ target: calls.code })
      .returning();
    if (!row) throw new AppError(409, 'duplicate', { what: input.code }, 'code');
    await audit(tx, ctx, {
      action: 'create',
      entity: 'call',
      entityId: row.id,
      after: { code: row.code, title: row.title, kind: row.kind },
    });
    return row;
  });
}

export async function setCallStatus(db: Db, ctx: RequestContext, id: string, status: 'published' | 'closed'): Promise<CallRow> {
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(calls).where(eq(calls.id, id)).for('update');
    if (!c) throw new AppError(404, 'not_found', { what: id });
    const allowed = status === 'published' ? c.status === 'draft' : c.status === 'published';
    if (!allowed) throw new AppError(409, 'project_state', { status: c.status, action: status });
    const [row] = await tx.update(calls).set({ status }).where(eq(calls.id, id)).returning();
    await audit(tx, ctx, { action: status, entity: 'call', entityId: id, before: { status: c.status }, after: { status } });
    return row!;
  });
}

export async function findCall(db: Db, id: string): Promise<CallRow> {
  const [c] = await db.select().from(calls).where(eq(calls.id, id));
  if (!c) throw new AppError(404, 'not_found', { what: id });
  return c;
}

/** Statuses in which a call is public: applicants, and the units below its own, see it. */
export const PUBLISHED_CALL = ['published', 'closed', 'decided'];

/**
 * The calls a reader sees: staff those of their scopes' subtrees (drafts too) and the published ones of the
 * units above (a county sees the city's calls); an applicant (`published`) every published call.
 */
export async function listCalls(db: Db, view: { scopes: readonly string[]; published: boolean }): Promise<CallRow[]> {
  const pub = inArray(calls.status, PUBLISHED_CALL);
  const staff = view.scopes.length
    ? and(inScope(orgUnits.path, view.scopes, { sharedDown: true }), or(pub, inScope(orgUnits.path, view.scopes)))
    : sql`false`;
  const rows = await db
    .select({ c: calls })
    .from(calls)
    .innerJoin(orgUnits, eq(orgUnits.code, calls.regionCode))
    .where(view.published ? or(pub, staff) : staff)
    .orderBy(desc(calls.createdAt));
  return rows.map((r) => r.c);
}

/** Eligibility of an enterprise for a call, each condition with its reason. */
async function eligibilityProblems(db: Db, call: CallRow, enterpriseId: string | null): Promise<string[]> {
  if (call.kind === 'challenge') return [];
  const problems: string[] = [];
  if (!enterpriseId) return ['须以登记在册的企业申报 / apply as a registered enterprise'];
  if (call.eligibility.registeredInRegion) {
    const [e] = await db
      .select({ path: orgUnits.path, region: sql<string>`(select path from org_units where code = ${call.regionCode})` })
      .from(enterprises)
      .innerJoin(orgUnits, eq(orgUnits.code, enterprises.orgUnitCode))
      .where(eq(enterprises.id, enterpriseId));
    if (!e || !e.path.startsWith(e.region)) problems.push('企业须在本区域注册 / the enterprise must be registered in the region');
  }
  if (call.eligibility.qualificationsAnyOf.length) {
    const [q] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(qualifications)
      .where(
        and(
          eq(qualifications.enterpriseId, enterpriseId),
          inArray(qualifications.typeCode, call.eligibility.qualificationsAnyOf),
          sql`${qualifications.issuedOn} <= ${today()} and (${qualifications.validUntil} is null or ${qualifications.validUntil} >= ${today()}) and ${qualifications.revokedOn} is null`,
        ),
      );
    if ((q?.n ?? 0) === 0)
      problems.push(`须持有有效资质之一：${call.eligibility.qualificationsAnyOf.join('、')} / a valid qualification is required`);
  }
  return problems;
}

export async function createApplication(
  db: Db,
  ctx: RequestContext,
  call: CallRow,
  owner: { userId: string; enterpriseId: string | null; enterpriseName?: string; creditCode?: string },
  input: z.infer<typeof applicationInput>,
): Promise<ApplicationRow> {
  if (call.status !== 'published' || today() < call.opensOn || today() > call.closesOn)
    throw new AppError(409, 'call_closed', { opensOn: call.opensOn, closesOn: call.closesOn });
  const name = owner.enterpriseName ?? input.applicantName;
  if (!name) throw new AppError(400, 'import_required', {}, 'applicantName');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(applications)
      .values({
        callId: call.id,
        enterpriseId: owner.enterpriseId,
        ownerUserId: owner.userId,
        applicantName: name,
        applicantCreditCode: owner.creditCode ?? input.applicantCreditCode ?? null,
        partnerCreditCodes: input.partnerCreditCodes,
        teamMembers: input.teamMembers,
        title: input.title,
        fields: input.fields,
        requestedFen: input.requestedFen,
      })
      .returning();
    await audit(tx, ctx, { action: 'create', entity: 'application', entityId: row!.id, after: { callId: call.id, title: input.title } });
    return row!;
  });
}

async function lockApplication(tx: Db, id: string): Promise<ApplicationRow> {
  const [a] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!a) throw new AppError(404, 'not_found', { what: id });
  return a;
}

export async function updateApplication(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof applicationInput>,
): Promise<ApplicationRow> {
  return db.transaction(async (tx) => {
    const a = await lockApplication(tx, id);
    if (a.status !== 'draft' && a.status !== 'returned') throw new AppError(409, 'project_state', { status: a.status, action: 'edit' });
    const [row] = await tx
      .update(applications)
      .set({
        title: input.title,
        // A team (no registered enterprise) may rename itself; an enterprise's name comes from the register.
        ...(a.enterpriseId === null && input.applicantName ? { applicantName: input.applicantName } : {}),
        fields: input.fields,
        requestedFen: input.requestedFen,
        teamMembers: input.teamMembers,
        partnerCreditCodes: input.partnerCreditCodes,
        updatedAt: new Date(),
      })
      .where(eq(applications.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'update',
      entity: 'application',
      entityId: id,
      before: { title: a.title, requestedFen: a.requestedFen },
      after: { title: input.title, requestedFen: input.requestedFen },
    });
    return row!;
  });
}

/** Stores an attachment with its SHA-256, within the type and size limits the call's form sets. */
export async function addAttachment(
  db: Db,
  ctx: RequestContext,
  call: CallRow,
  id: string,
  file: { key: string; fileName: string; mime: string; content: Buffer },
): Promise<{ id: string; sha256: string; size: number }> {
  const spec = call.form.attachments.find((a) => a.key === file.key);
  if (!spec) throw new AppError(400, 'attachment_key', { key: file.key }, 'key');
  if (file.content.length === 0) throw new AppError(400, 'import_empty', {}, 'file');
  if (file.content.length > spec.maxBytes)
    throw new AppError(413, 'attachment_too_large', { max: Math.round(spec.maxBytes / 1024 / 1024) }, 'file');
  if (!spec.types.includes(file.mime)) throw new AppError(415, 'attachment_type', { types: spec.types.join(', ') }, 'file');
  // The content must be what it claims to be (magic bytes), or nothing is stored.
  assertContentType(file.content, file.mime, file.fileName);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  return db.transaction(async (tx) => {
    const a = await lockApplication(tx, id);
    if (a.status !== 'draft' && a.status !== 'returned') throw new AppError(409, 'project_state', { status: a.status, action: 'attach' });
    const [row] = await tx
      .insert(attachments)
      .values({
        applicationId: id,
        key: file.key,
        fileName: file.fileName.slice(0, 200),
        mime: file.mime,
        size: file.content.length,
        sha256,
        content: file.content,
      })
      .returning({ id: attachments.id });
    await audit(tx, ctx, {
      action: 'attach',
      entity: 'application',
      entityId: id,
      note: { key: file.key, fileName: file.fileName, sha256, size: file.content.length },
    });
    return { id: row!.id, sha256, size: file.content.length };
  });
}

export async function attachmentsOf(db: Db, applicationId: string) {
  return db
    .select({
      id: attachments.id,
      key: attachments.key,
      fileName: attachments.fileName,
      mime: attachments.mime,
      size: attachments.size,
      sha256: attachments.sha256,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.applicationId, applicationId))
    .orderBy(asc(attachments.createdAt));
}

export async function attachmentContent(db: Db, applicationId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.applicationId, applicationId)));
  if (!row) throw new AppError(404, 'not_found', { what: attachmentId });
  return row;
}

/** Submit before the deadline, with every required field and attachment, and eligible. */
export async function submitApplication(db: Db, ctx: RequestContext, call: CallRow, id: string): Promise<ApplicationRow> {
  if (today() > call.closesOn) throw new AppError(409, 'call_closed', { opensOn: call.opensOn, closesOn: call.closesOn });
  return db.transaction(async (tx) => {
    const a = await lockApplication(tx, id);
    if (a.status !== 'draft' && a.status !== 'returned') throw new AppError(409, 'project_state', { status: a.status, action: 'submit' });
    const missing = call.form.fields.filter(
      (f) => f.required && (a.fields[f.key] === undefined || a.fields[f.key] === null || a.fields[f.key] === ''),
    );
    if (missing.length)
      throw new AppError(400, 'application_incomplete', { items: missing.map((f) => f.zh).join('、') }, `fields.${missing[0]!.key}`);
    // A team without a registered enterprise is known by its leader and a contact (no age, degree or title conditions).
    if (a.enterpriseId === null) {
      const gaps = teamGaps(a);
      if (gaps.length)
        throw new AppError(
          400,
          'application_incomplete',
          { items: { 'zh-CN': gaps.map((g) => g.zh).join('、'), 'en-US': gaps.map((g) => g.en).join(', ') } },
          gaps[0]!.field,
        );
    }
    const have = new Set((await attachmentsOf(tx, id)).map((x) => x.key));
    const absent = call.form.attachments.filter((x) => x.required && !have.has(x.key));
    if (absent.length)
      throw new AppError(400, 'application_incomplete', { items: absent.map((x) => x.zh).join('、') }, `attachments.${absent[0]!.key}`);
    const problems = await eligibilityProblems(tx, call, a.enterpriseId);
    if (problems.length) throw new AppError(409, 'application_ineligible', { reasons: problems.join('；') });
    const [row] = await tx
      .update(applications)
      .set({ status: 'submitted', submittedAt: new Date(), updatedAt: new Date() })
      .where(eq(applications.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'submit',
      entity: 'application',
      entityId: id,
      before: { status: a.status },
      after: { status: 'submitted' },
    });
    return row!;
  });
}

/** What a team's application still lacks: its leader (the first member, as 负责人) and its contact. */
function teamGaps(a: ApplicationRow): { field: string; zh: string; en: string }[] {
  const gaps: { field: string; zh: string; en: string }[] = [];
  if (!splitTeam(a.teamMembers).leader) gaps.push({ field: 'teamMembers', zh: '团队负责人', en: 'the team leader' });
  const contact = a.fields[TEAM_CONTACT_FIELD];
  if (typeof contact !== 'string' || !contact.trim())
    gaps.push({ field: `fields.${TEAM_CONTACT_FIELD}`, zh: '团队联系方式', en: 'the team contact' });
  return gaps;
}

export async function withdrawApplication(db: Db, ctx: RequestContext, id: string): Promise<ApplicationRow> {
  return transition(db, ctx, id, ['draft', 'submitted', 'returned', 'accepted'], 'withdrawn', 'withdraw');
}

/** Formal check by the bureau: accepted for review, or returned to the applicant with the reasons. */
export async function formalCheck(
  db: Db,
  ctx: RequestContext,
  id: string,
  decision: 'accept' | 'return' | 'reject',
  note?: string,
): Promise<ApplicationRow> {
  if (decision !== 'accept' && !note) throw new AppError(400, 'import_required', {}, 'note');
  const to = decision === 'accept' ? 'accepted' : decision === 'return' ? 'returned' : 'rejected';
  return transition(db, ctx, id, ['submitted'], to, decision, note);
}

export async function transition(
  db: Db,
  ctx: RequestContext,
  id: string,
  from: string[],
  to: string,
  action: string,
  note?: string,
  extra: Partial<typeof applications.$inferInsert> = {},
): Promise<ApplicationRow> {
  return db.transaction(async (tx) => {
    const a = await lockApplication(tx, id);
    if (!from.includes(a.status)) throw new AppError(409, 'project_state', { status: a.status, action });
    const [row] = await tx
      .update(applications)
      .set({ status: to, ...(note !== undefined ? { formalNote: note } : {}), ...extra, updatedAt: new Date() })
      .where(eq(applications.id, id))
      .returning();
    await audit(tx, ctx, { action, entity: 'application', entityId: id, before: { status: a.status }, after: { status: to, note } });
    return row!;
  });
}

/** The path of an application's call's unit, and of its applicant enterprise's (null for a team), as SQL. */
const appCallPath = sql`(select ou.path from calls c join org_units ou on ou.code = c.region_code where c.id = ${applications.callId})`;
const appEnterprisePath = sql`(select ou.path from enterprises e join org_units ou on ou.code = e.org_unit_code where e.id = ${applications.enterpriseId})`;

/**
 * Applications of a call or of an owner; with `scopes`, only those whose call or applicant enterprise lies in
 * one of them (a town's staff see their enterprises' applications to the county's call, not the others').
 */
export async function listApplications(db: Db, f: { callId?: string; ownerUserId?: string; scopes?: readonly string[] }) {
  return db
    .select()
    .from(applications)
    .where(
      and(
        f.callId ? eq(applications.callId, f.callId) : undefined,
        f.ownerUserId ? eq(applications.ownerUserId, f.ownerUserId) : undefined,
        f.scopes ? or(inScope(appCallPath, f.scopes), inScope(appEnterprisePath, f.scopes)) : undefined,
      ),
    )
    .orderBy(asc(applications.createdAt));
}

export async function findApplication(db: Db, id: string): Promise<ApplicationRow> {
  const [a] = await db.select().from(applications).where(eq(applications.id, id));
  if (!a) throw new AppError(404, 'not_found', { what: id });
  return a;
}
