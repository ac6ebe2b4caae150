import type { EnterpriseInput, EnterpriseView, QualificationView } from '../../../common/contracts/registry.js';
import { termEnd, validateCreditCode } from '../../../common/registry/index.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { today } from '../../platform/clock.js';
import { recordEvent } from './events.js';
import { bumpRevision } from '../../platform/revision.js';
import { findUnits } from '../orgunits/index.js';
import * as repo from './registry.repo.js';
import * as write from './registry-write.repo.js';
import { isValidOn } from './validity.js';

/** The registry's today is the platform clock's (the bureau's zone); re-exported for the routes that read ent.today(). */
export { today };

/** A credit code, normalised, or a 400 that says which position is wrong and what the check character should be. */
export function checkCreditCode(code: string, field = 'creditCode'): string {
  const r = validateCreditCode(code);
  if (r.ok) return r.normalized;
  if (r.error === 'length') throw new AppError(400, 'credit_code_length', { n: r.actual?.length ?? 0 }, field);
  if (r.error === 'charset') throw new AppError(400, 'credit_code_charset', { position: r.position, char: r.actual }, field);
  throw new AppError(400, 'credit_code_check', { expected: r.expected, actual: r.actual }, field);
}

/** A patent number that failed its check, as a 400 whose `problem` (patent_*) says what is wrong. */
export function patentNumberError(number: string, r: { error: string; expected?: string | undefined }): AppError {
  return new AppError(
    400,
    'patent_number',
    { number, problem: `patent_${r.error}`, ...(r.expected ? { expected: r.expected } : {}) },
    'number',
  );
}

/** The end of validity from the type's rule: years:N → the day before the N-th anniversary; calendar_year → 31 Dec. */
export function validUntilFor(rule: string, issuedOn: string): string | null {
  if (rule === 'open') return null;
  if (rule === 'calendar_year') return `${issuedOn.slice(0, 4)}-12-31`;
  const years = Number(rule.split(':')[1]);
  return termEnd(issuedOn, years);
}

export function presentQualification(r: Awaited<ReturnType<typeof repo.qualificationsOf>>[number]): QualificationView {
  return {
    id: r.q.id,
    enterpriseId: r.q.enterpriseId,
    enterpriseName: r.enterpriseName,
    creditCode: r.creditCode,
    typeCode: r.q.typeCode,
    typeName: r.typeName,
    number: r.q.number,
    issuedOn: r.q.issuedOn,
    validUntil: r.q.validUntil,
    revokedOn: r.q.revokedOn,
    validToday: isValidOn(r.q, today()),
    isDemo: r.q.isDemo,
  };
}

export async function enterpriseDetail(db: Db, id: string): Promise<EnterpriseView & { orgPath: string }> {
  const e = await repo.findEnterprise(db, id);
  if (!e) throw notFound(id);
  const [parks, quals] = await Promise.all([repo.parksOf(db, [id]), repo.qualificationsOf(db, { enterpriseIds: [id] })]);
  return {
    id: e.id,
    creditCode: e.creditCode,
    name: e.name,
    legalRepresentative: e.legalRepresentative,
    foundedOn: e.foundedOn,
    orgUnitCode: e.orgUnitCode,
    orgUnitName: e.orgUnitName,
    industryCode: e.industryCode,
    tags: e.tags,
    sizeClass: e.sizeClass as EnterpriseView['sizeClass'],
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    address: e.address,
    parks: parks.map((p) => ({ parkCode: p.m.parkCode, parkName: p.parkName, fromDate: p.m.fromDate, toDate: p.m.toDate })),
    qualifications: quals.map(presentQualification),
    isDemo: e.isDemo,
    orgPath: e.orgPath,
  };
}

async function checkPlaces(
  db: Db,
  input: Pick<EnterpriseInput, 'orgUnitCode' | 'parks' | 'foundedOn'>,
  canWrite: (path: string) => boolean,
) {
  const units = new Map((await findUnits(db, [input.orgUnitCode, ...input.parks.map((p) => p.parkCode)])).map((u) => [u.code, u]));
  const unit = units.get(input.orgUnitCode);
  if (!unit) throw new AppError(400, 'not_in_scope_unit', { code: input.orgUnitCode }, 'orgUnitCode');
  if (!canWrite(unit.path)) throw new AppError(403, 'forbidden_scope', { unit: unit.name });
  input.parks.forEach((p, i) => {
    const park = units.get(p.parkCode);
    if (!park || park.level !== 'park') throw new AppError(400, 'not_a_park', { code: p.parkCode }, `parks.${i}.parkCode`);
    if (p.toDate && p.toDate < p.fromDate) throw new AppError(400, 'dates_out_of_order', { other: p.fromDate }, `parks.${i}.toDate`);
  });
}

const auditable = (e: repo.EnterpriseRow) => {
  const { createdAt: _c, updatedAt: _u, ...rest } = e;
  return rest;
};

export async function createEnterprise(db: Db, ctx: RequestContext, canWrite: (path: string) => boolean, input: EnterpriseInput) {
  const creditCode = checkCreditCode(input.creditCode);
  await checkPlaces(db, input, canWrite);
  return db.transaction(async (tx) => {
    const [dup] = await repo.findByCreditCodes(tx, [creditCode]);
    if (dup) throw new AppError(409, 'enterprise_duplicate', { code: creditCode, name: dup.name }, 'creditCode');
    const { parks, ...fields } = input;
    const row = await write.insertEnterprise(tx, { ...fields, creditCode });
    await write.insertParks(tx, row.id, parks);
    await bumpRevision(tx);
    await audit(tx, ctx, { action: 'create', entity: 'enterprise', entityId: row.id, after: { ...auditable(row), parks } });
    return row.id;
  });
}

export async function updateEnterprise(
  db: Db,
  ctx: RequestContext,
  canWrite: (path: string) => boolean,
  id: string,
  input: EnterpriseInput,
) {
  const creditCode = checkCreditCode(input.creditCode);
  await checkPlaces(db, input, canWrite);
  await db.transaction(async (tx) => {
    const before = await repo.findEnterprise(tx, id);
    if (!before) throw notFound(id);
    if (!canWrite(before.orgPath)) throw new AppError(403, 'forbidden_scope', { unit: before.orgUnitName });
    if (creditCode !== before.creditCode) {
      const [dup] = await repo.findByCreditCodes(tx, [creditCode]);
      if (dup) throw new AppError(409, 'enterprise_duplicate', { code: creditCode, name: dup.name }, 'creditCode');
    }
    const { parks, ...fields } = input;
    const after = await write.updateEnterpriseRow(tx, id, { ...fields, creditCode });
    const beforeParks = (await repo.parksOf(tx, [id])).map((p) => ({ parkCode: p.m.parkCode, fromDate: p.m.fromDate, toDate: p.m.toDate }));
    await write.replaceParks(tx, id, parks);
    await bumpRevision(tx);
    const { orgUnitName: _n, orgPath: _p, ...plain } = before;
    await audit(tx, ctx, {
      action: 'update',
      entity: 'enterprise',
      entityId: id,
      before: { ...auditable(plain), parks: beforeParks },
      after: { ...auditable(after), parks },
    });
  });
}

/** An enterprise user changes its own contacts. */
export async function updateOwnProfile(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: Partial<Pick<EnterpriseInput, 'contactName' | 'contactPhone' | 'address' | 'legalRepresentative'>>,
) {
  await db.transaction(async (tx) => {
    const before = await repo.findEnterprise(tx, id);
    if (!before) throw notFound(id);
    const after = await write.updateEnterpriseRow(tx, id, patch);
    const pick = (e: repo.EnterpriseRow) => ({
      contactName: e.contactName,
      contactPhone: e.contactPhone,
      address: e.address,
      legalRepresentative: e.legalRepresentative,
    });
    await audit(tx, ctx, { action: 'update', entity: 'enterprise', entityId: id, before: pick(before), after: pick(after) });
  });
}

export async function addQualification(
  db: Db,
  ctx: RequestContext,
  enterpriseId: string,
  input: { typeCode: string; number?: string | null | undefined; issuedOn: string; revokedOn?: string | null | undefined },
) {
  const type = await repo.qualificationType(db, input.typeCode);
  if (!type) throw new AppError(400, 'unknown_type', { code: input.typeCode }, 'typeCode');
  if (input.revokedOn && input.revokedOn < input.issuedOn)
    throw new AppError(400, 'dates_out_of_order', { other: input.issuedOn }, 'revokedOn');
  return db.transaction(async (tx) => {
    const row = await write.insertQualification(tx, {
      enterpriseId,
      typeCode: type.code,
      number: input.number ?? null,
      issuedOn: input.issuedOn,
      validUntil: validUntilFor(type.validity, input.issuedOn),
      revokedOn: input.revokedOn ?? null,
    });
    await bumpRevision(tx);
    const { createdAt: _c, ...rest } = row;
    await audit(tx, ctx, { action: 'create', entity: 'qualification', entityId: row.id, after: rest });
    if (!row.revokedOn)
      await recordEvent(tx, {
        kind: 'qualification.granted',
        enterpriseId,
        recordId: row.id,
        occurredOn: row.issuedOn,
        payload: { qualificationType: type.code, number: row.number },
      });
    return row.id;
  });
}

export async function revokeQualification(db: Db, ctx: RequestContext, enterpriseId: string, id: string, revokedOn: string) {
  await db.transaction(async (tx) => {
    const before = await write.findQualificationOf(tx, enterpriseId, id);
    if (!before) throw notFound(id);
    if (revokedOn < before.issuedOn) throw new AppError(400, 'dates_out_of_order', { other: before.issuedOn }, 'revokedOn');
    await write.setQualificationRevoked(tx, id, revokedOn);
    await bumpRevision(tx);
    await audit(tx, ctx, {
      action: 'revoke',
      entity: 'qualification',
      entityId: id,
      before: { revokedOn: before.revokedOn },
      after: { revokedOn },
    });
  });
}
