import { type z } from 'zod';
import { type patentInput, type platformInput, type statsInput, type talentInput } from '../../../common/contracts/registry.js';
import { patentExpiry, validatePatentNumber } from '../../../common/registry/index.js';
import type { AuditObjectType } from '../../../common/values/audit.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { today } from '../../platform/clock.js';
import { recordEvent } from './events.js';
import { bumpRevision } from '../../platform/revision.js';
import { findUnits } from '../orgunits/index.js';
import { checkCreditCode, patentNumberError } from './enterprises.service.js';
import * as repo from './registry.repo.js';
import * as write from './registry-write.repo.js';

type Scope = (path: string) => boolean;

/** After a register record is inserted: the revision moves and the audit log gets the new record. */
async function recordCreated(
  tx: Db,
  ctx: RequestContext,
  entity: AuditObjectType,
  row: { id: string; createdAt: Date },
  extra: Record<string, unknown> = {},
): Promise<string> {
  await bumpRevision(tx);
  const { createdAt: _c, ...rest } = row;
  await audit(tx, ctx, { action: 'create', entity, entityId: row.id, after: { ...rest, ...extra } });
  return row.id;
}

async function unitIn(db: Db, code: string, canWrite: Scope, field = 'orgUnitCode') {
  const [unit] = await findUnits(db, [code]);
  if (!unit) throw new AppError(400, 'not_in_scope_unit', { code }, field);
  if (!canWrite(unit.path)) throw new AppError(403, 'forbidden_scope', { unit: unit.name });
  return unit;
}

/** An optional link to a registered enterprise by credit code (checked, then looked up). */
async function enterpriseByCode(db: Db, code: string | null | undefined, field: string) {
  if (!code) return null;
  const normalized = checkCreditCode(code, field);
  const [e] = await repo.findByCreditCodes(db, [normalized]);
  if (!e) throw new AppError(400, 'unknown_enterprise', { code: normalized }, field);
  return e;
}

export async function addPlatform(db: Db, ctx: RequestContext, canWrite: Scope, input: z.infer<typeof platformInput>) {
  await unitIn(db, input.orgUnitCode, canWrite);
  const type = await repo.platformType(db, input.typeCode);
  if (!type) throw new AppError(400, 'unknown_type', { code: input.typeCode }, 'typeCode');
  if (input.revokedOn && input.revokedOn < input.recognizedOn)
    throw new AppError(400, 'dates_out_of_order', { other: input.recognizedOn }, 'revokedOn');
  const host = await enterpriseByCode(db, input.hostCreditCode, 'hostCreditCode');
  return db.transaction(async (tx) => {
    const { hostCreditCode: _h, ...fields } = input;
    const row = await write.insertPlatform(tx, {
      ...fields,
      hostEnterpriseId: host?.id ?? null,
      hostName: input.hostName ?? host?.name ?? null,
    });
    if (host && !row.revokedOn)
      await recordEvent(tx, {
        kind: 'platform.recognized',
        enterpriseId: host.id,
        recordId: row.id,
        occurredOn: row.recognizedOn,
        payload: { platformType: row.typeCode, level: row.level, name: row.name },
      });
    return recordCreated(tx, ctx, 'platform', row);
  });
}

export async function addTalent(db: Db, ctx: RequestContext, canWrite: Scope, input: z.infer<typeof talentInput>) {
  await unitIn(db, input.orgUnitCode, canWrite);
  if (input.toDate && input.toDate < input.fromDate) throw new AppError(400, 'dates_out_of_order', { other: input.fromDate }, 'toDate');
  const employer = await enterpriseByCode(db, input.employerCreditCode, 'employerCreditCode');
  return db.transaction(async (tx) => {
    const { employerCreditCode: _e, ...fields } = input;
    const row = await write.insertTalent(tx, {
      ...fields,
      employerEnterpriseId: employer?.id ?? null,
      employerName: input.employerName ?? employer?.name ?? null,
    });
    return recordCreated(tx, ctx, 'talent', row);
  });
}

export async function addPatent(db: Db, ctx: RequestContext, canWrite: Scope, input: z.infer<typeof patentInput>) {
  const num = validatePatentNumber(input.number);
  if (!num.ok) throw patentNumberError(input.number, num);
  if (input.grantedOn && input.grantedOn < input.filedOn)
    throw new AppError(400, 'dates_out_of_order', { other: input.filedOn }, 'grantedOn');
  const codes = input.owners.map((c, i) => checkCreditCode(c, `owners.${i}`));
  const owners = new Map((await repo.findByCreditCodes(db, codes)).map((e) => [e.creditCode, e]));
  // Registering a patent needs a grant over at least one registered owner.
  const inScope = await Promise.all([...owners.values()].map(async (e) => (await findUnits(db, [e.orgUnitCode]))[0]));
  if (!inScope.some((u) => u && canWrite(u.path))) throw new AppError(403, 'forbidden_scope', { unit: input.owners.join(', ') });
  return db.transaction(async (tx) => {
    if (await repo.findPatentByNumber(tx, num.normalized))
      throw new AppError(409, 'patent_duplicate', { number: num.normalized }, 'number');
    const row = await write.insertPatent(tx, {
      number: num.normalized,
      type: num.type,
      title: input.title,
      filedOn: input.filedOn,
      grantedOn: input.grantedOn ?? null,
      status: input.status,
      lapsedOn: input.lapsedOn ?? null,
      expiresOn: patentExpiry(num.type, input.filedOn),
    });
    await write.insertPatentOwners(
      tx,
      codes.map((creditCode) => ({ patentId: row.id, creditCode, enterpriseId: owners.get(creditCode)?.id ?? null })),
    );
    if (row.grantedOn)
      for (const owner of new Set([...owners.values()].map((e) => e.id)))
        await recordEvent(tx, {
          kind: 'patent.granted',
          enterpriseId: owner,
          recordId: row.id,
          occurredOn: row.grantedOn,
          payload: { patentType: row.type, number: row.number },
        });
    return recordCreated(tx, ctx, 'patent', row, { owners: codes });
  });
}

/** Saves one year's figures of one enterprise (draft or submitted); approved figures are locked. */
export async function saveStats(db: Db, ctx: RequestContext, enterpriseId: string, year: number, input: z.infer<typeof statsInput>) {
  const { submit, ...figures } = input;
  await db.transaction(async (tx) => {
    const before = await write.statsForUpdate(tx, enterpriseId, year);
    if (before?.status === 'approved') throw new AppError(409, 'stats_locked', { year });
    const status = submit ? ('submitted' as const) : ('draft' as const);
    await write.writeStats(tx, before?.id, { enterpriseId, year }, { ...figures, status });
    await bumpRevision(tx);
    const strip = (r: Record<string, unknown> | undefined) =>
      r ? Object.fromEntries(Object.entries(r).filter(([k]) => !['id', 'updatedAt', 'approvedAt'].includes(k))) : null;
    await audit(tx, ctx, {
      action: before ? 'update' : 'create',
      entity: 'enterprise_stats',
      entityId: `${enterpriseId}|${year}`,
      before: strip(before),
      after: { ...figures, status },
    });
  });
}

export async function approveStats(db: Db, ctx: RequestContext, enterpriseId: string, year: number) {
  await db.transaction(async (tx) => {
    const before = await write.statsForUpdate(tx, enterpriseId, year);
    if (!before) throw new AppError(404, 'not_found', { what: `${year}` });
    if (before.status === 'approved') throw new AppError(409, 'stats_locked', { year });
    await write.markStatsApproved(tx, before.id, ctx.userId);
    await bumpRevision(tx);
    await audit(tx, ctx, {
      action: 'approve',
      entity: 'enterprise_stats',
      entityId: `${enterpriseId}|${year}`,
      before: { status: before.status },
      after: { status: 'approved' },
    });
    await recordEvent(tx, {
      kind: 'stats.approved',
      enterpriseId,
      recordId: `${enterpriseId}|${year}`,
      occurredOn: today(),
      payload: { year },
    });
  });
}
