import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { applicationInput, callInput } from '../../../common/contracts/projects.js';
import { splitTeam, TEAM_CONTACT_FIELD } from '../../../common/project-team.js';
import { recordPolicy, ReviewPolicyError } from '../../../common/review/aggregate.js';
import { policyOfTemplate } from '../../../common/review/decision.js';
import type { AuditAction } from '../../../common/values/audit.js';
import type { ApplicationStatus, FormalCheckDecision } from '../../../common/values/projects.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { assertContentType } from '../../platform/sniff.js';
import { validQualifications } from '../registry/index.js';
import * as repo from './calls.repo.js';
import type { ApplicationInsert, ApplicationRow, CallRow } from './calls.repo.js';

// The rules of calls and applications; the queries are in calls.repo.ts. Other files of the module read
// calls and applications through these names.
export {
  attachmentContent,
  attachmentsOf,
  findApplication,
  findCall,
  listApplications,
  listCalls,
  type ApplicationRow,
  type CallRow,
} from './calls.repo.js';
export { PUBLISHED_CALL_STATUSES as PUBLISHED_CALL } from '../../../common/values/projects.js';

/** The review template field a ReviewPolicyError is about: the criterion at fault (its weight, its threshold), or the template's own. */
function policyField(e: ReviewPolicyError, criteria: readonly { key: string }[]): string {
  const own: Partial<Record<ReviewPolicyError['code'], string>> = {
    review_policy_method: 'aggregation',
    review_total_threshold: 'totalThreshold',
    review_spread_threshold: 'spreadThreshold',
  };
  if (own[e.code]) return `reviewTemplate.${own[e.code]}`;
  // The last criterion with the key: a duplicate is the second one.
  const i = criteria.map((c) => c.key).lastIndexOf(e.criterionId ?? '');
  if (i < 0) return 'reviewTemplate.criteria';
  const part = e.code === 'review_criterion_weight' ? '.weight' : e.code === 'review_criterion_threshold' ? '.threshold' : '';
  return `reviewTemplate.criteria.${i}${part}`;
}

/**
 * The template must make a recorded policy the aggregation can apply (the contract checks each value; this the
 * whole, e.g. two criteria with one key): else a 400 naming the field, with the policy's code and parameters.
 */
function checkReviewTemplate(template: z.infer<typeof callInput>['reviewTemplate']): void {
  try {
    recordPolicy(policyOfTemplate(template));
  } catch (e) {
    if (!(e instanceof ReviewPolicyError)) throw e;
    throw new AppError(400, e.code, e.params, policyField(e, template.criteria));
  }
}

export async function createCall(db: Db, ctx: RequestContext, input: z.infer<typeof callInput>, regionCode: string): Promise<CallRow> {
  if (input.kind === 'challenge' && !input.bountyFen) throw new AppError(400, 'call_bounty', {}, 'bountyFen');
  checkReviewTemplate(input.reviewTemplate);
  return db.transaction(async (tx) => {
    const row = await repo.insertCall(tx, {
      ...input,
      bountyFen: input.bountyFen ?? null,
      // A 揭榜挂帅 challenge is open to any team: no registration or qualification conditions.
      eligibility: input.kind === 'challenge' ? { registeredInRegion: false, qualificationsAnyOf: [] } : input.eligibility,
      regionCode: input.regionCode ?? regionCode,
      createdBy: ctx.userId,
    });
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
    const c = await repo.lockCall(tx, id);
    const allowed = status === 'published' ? c.status === 'draft' : c.status === 'published';
    if (!allowed) throw new AppError(409, 'project_state', { status: c.status, action: status });
    const row = await repo.updateCall(tx, id, { status });
    await audit(tx, ctx, { action: status, entity: 'call', entityId: id, before: { status: c.status }, after: { status } });
    return row;
  });
}

/** An eligibility condition an applicant does not meet, as a code the error message names (LIST_ITEM_LABELS). */
type Problem = string | { code: string; params: Record<string, unknown> };

/** Eligibility of an enterprise for a call, each condition with its reason. */
async function eligibilityProblems(db: Db, call: CallRow, enterpriseId: string | null): Promise<Problem[]> {
  if (call.kind === 'challenge') return [];
  if (!enterpriseId) return ['registered_enterprise'];
  const problems: Problem[] = [];
  if (call.eligibility.registeredInRegion && !(await repo.registeredInRegion(db, enterpriseId, call.regionCode)))
    problems.push('registered_in_region');
  const anyOf = call.eligibility.qualificationsAnyOf;
  if (anyOf.length && (await validQualifications(db, enterpriseId, today(), anyOf)).length === 0)
    problems.push({ code: 'valid_qualification', params: { types: anyOf.join('、') } });
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
    const row = await repo.insertApplication(tx, {
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
    });
    await audit(tx, ctx, { action: 'create', entity: 'application', entityId: row.id, after: { callId: call.id, title: input.title } });
    return row;
  });
}

const EDITABLE: readonly ApplicationStatus[] = ['draft', 'returned'];

export async function updateApplication(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof applicationInput>,
): Promise<ApplicationRow> {
  return db.transaction(async (tx) => {
    const a = await repo.lockApplication(tx, id);
    if (!EDITABLE.includes(a.status)) throw new AppError(409, 'project_state', { status: a.status, action: 'edit' });
    const row = await repo.updateApplication(tx, id, {
      title: input.title,
      // A team (no registered enterprise) may rename itself; an enterprise's name comes from the register.
      ...(a.enterpriseId === null && input.applicantName ? { applicantName: input.applicantName } : {}),
      fields: input.fields,
      requestedFen: input.requestedFen,
      teamMembers: input.teamMembers,
      partnerCreditCodes: input.partnerCreditCodes,
      updatedAt: new Date(),
    });
    await audit(tx, ctx, {
      action: 'update',
      entity: 'application',
      entityId: id,
      before: { title: a.title, requestedFen: a.requestedFen },
      after: { title: input.title, requestedFen: input.requestedFen },
    });
    return row;
  });
}

/**
 * Stores an attachment with its SHA-256, within the type and size limits the call's form sets. One file per
 * attachment key: uploading again for a key replaces the file it held (the audit entry names the one replaced).
 */
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
    const a = await repo.lockApplication(tx, id);
    if (!EDITABLE.includes(a.status)) throw new AppError(409, 'project_state', { status: a.status, action: 'attach' });
    const replaced = await repo.deleteAttachmentsOfKey(tx, id, file.key);
    const row = await repo.insertAttachment(tx, {
      applicationId: id,
      key: file.key,
      fileName: file.fileName.slice(0, 200),
      mime: file.mime,
      size: file.content.length,
      sha256,
      content: file.content,
    });
    await audit(tx, ctx, {
      action: 'attach',
      entity: 'application',
      entityId: id,
      note: { key: file.key, fileName: file.fileName, sha256, size: file.content.length, ...(replaced.length ? { replaced } : {}) },
    });
    return { id: row.id, sha256, size: file.content.length };
  });
}

const blank = (v: unknown) => v === undefined || v === null || v === '';
/** A call's own label of a field or attachment, in both languages: data the error message shows. */
const label = (x: { zh: string; en: string }) => ({ 'zh-CN': x.zh, 'en-US': x.en });

/**
 * What keeps an application from being submitted, in the order the applicant fixes it: required fields, a
 * team's leader and contact, required attachments. The items are the call's labels or codes; the field is the
 * first one missing.
 */
async function missingItems(tx: Db, call: CallRow, a: ApplicationRow): Promise<{ items: unknown[]; field: string } | null> {
  const fields = call.form.fields.filter((f) => f.required && blank(a.fields[f.key]));
  if (fields.length) return { items: fields.map(label), field: `fields.${fields[0]!.key}` };
  // A team without a registered enterprise is known by its leader and a contact (no age, degree or title conditions).
  if (a.enterpriseId === null) {
    const gaps = teamGaps(a);
    if (gaps.length) return { items: gaps.map((g) => g.code), field: gaps[0]!.field };
  }
  const have = new Set((await repo.attachmentsOf(tx, a.id)).map((x) => x.key));
  const files = call.form.attachments.filter((x) => x.required && !have.has(x.key));
  if (files.length) return { items: files.map(label), field: `attachments.${files[0]!.key}` };
  return null;
}

/** What a team's application still lacks: its leader (the first member, as 负责人) and its contact. */
function teamGaps(a: ApplicationRow): { field: string; code: 'team_leader' | 'team_contact' }[] {
  const gaps: { field: string; code: 'team_leader' | 'team_contact' }[] = [];
  if (!splitTeam(a.teamMembers).leader) gaps.push({ field: 'teamMembers', code: 'team_leader' });
  const contact = a.fields[TEAM_CONTACT_FIELD];
  if (typeof contact !== 'string' || !contact.trim()) gaps.push({ field: `fields.${TEAM_CONTACT_FIELD}`, code: 'team_contact' });
  return gaps;
}

/** Submit before the deadline, with every required field and attachment, and eligible. */
export async function submitApplication(db: Db, ctx: RequestContext, call: CallRow, id: string): Promise<ApplicationRow> {
  if (today() > call.closesOn) throw new AppError(409, 'call_closed', { opensOn: call.opensOn, closesOn: call.closesOn });
  return db.transaction(async (tx) => {
    const a = await repo.lockApplication(tx, id);
    if (!EDITABLE.includes(a.status)) throw new AppError(409, 'project_state', { status: a.status, action: 'submit' });
    const missing = await missingItems(tx, call, a);
    if (missing) throw new AppError(400, 'application_incomplete', { items: missing.items }, missing.field);
    const problems = await eligibilityProblems(tx, call, a.enterpriseId);
    if (problems.length) throw new AppError(409, 'application_ineligible', { reasons: problems });
    const row = await repo.updateApplication(tx, id, { status: 'submitted', submittedAt: new Date(), updatedAt: new Date() });
    await audit(tx, ctx, {
      action: 'submit',
      entity: 'application',
      entityId: id,
      before: { status: a.status },
      after: { status: 'submitted' },
    });
    return row;
  });
}

export async function withdrawApplication(db: Db, ctx: RequestContext, id: string): Promise<ApplicationRow> {
  return transition(db, ctx, id, ['draft', 'submitted', 'returned', 'accepted'], 'withdrawn', 'withdraw');
}

/** Formal check by the bureau: accepted for review, or returned to the applicant with the reasons. */
export async function formalCheck(
  db: Db,
  ctx: RequestContext,
  id: string,
  decision: FormalCheckDecision,
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
  from: readonly ApplicationStatus[],
  to: ApplicationStatus,
  action: AuditAction,
  note?: string,
  extra: Partial<ApplicationInsert> = {},
): Promise<ApplicationRow> {
  return db.transaction(async (tx) => {
    const a = await repo.lockApplication(tx, id);
    if (!from.includes(a.status)) throw new AppError(409, 'project_state', { status: a.status, action });
    const row = await repo.updateApplication(tx, id, {
      status: to,
      ...(note !== undefined ? { formalNote: note } : {}),
      ...extra,
      updatedAt: new Date(),
    });
    await audit(tx, ctx, { action, entity: 'application', entityId: id, before: { status: a.status }, after: { status: to, note } });
    return row;
  });
}
