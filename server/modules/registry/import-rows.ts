/** A registry import's rows turned into service calls: cells → inputs, names → codes. */
import { platformInput, qualificationInput } from '../../../common/contracts/registry.js';
import { STAT_FIELDS } from '../../../common/values/registry.js';
import { normalizeName } from '../../../common/orgnames.js';
import type { RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { listUnits, resolveAmong, type OrgUnitRow } from '../orgunits/index.js';
import { parseRow } from './bulk.js';
import { addQualification, checkCreditCode } from './enterprises.service.js';
import { addPlatform } from './records.service.js';
import * as repo from './registry.repo.js';
import { registryTypes } from './presenters.js';

const SIZE: Record<string, string> = { 大型: 'large', 中型: 'medium', 小型: 'small', 微型: 'micro' };
const LEVEL: Record<string, string> = { 国家级: 'national', 市级: 'municipal', 省级: 'municipal', 县级: 'county', 区县级: 'county' };
const PATENT_STATUS: Record<string, string> = {
  有效: 'granted',
  授权: 'granted',
  审查中: 'pending',
  在审: 'pending',
  失效: 'lapsed',
  无效: 'invalidated',
};
const list = (s: string) => s.split(/[,，、;；\s]+/).filter(Boolean);
const opt = (s: string | undefined) => (s ? s : undefined);
const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s.replace(/[,，\s]/g, '')));

export interface ImportContext {
  db: Db;
  ctx: RequestContext;
  canWrite: (path: string) => boolean;
  region: OrgUnitRow;
}

export interface Lookups {
  resolved: Map<string, ReturnType<typeof resolveAmong>>;
  units: OrgUnitRow[];
  all: OrgUnitRow[];
  tags: Map<string, string>;
  qualTypes: Map<string, string>;
  platTypes: Map<string, string>;
}

/** Org units in and around the caller's region and the type names a file may use, read once per import. */
export async function loadLookups(x: ImportContext): Promise<Lookups> {
  const types = await registryTypes(x.db);
  const pairs = (rows: { code: string; nameZh: string; nameEn?: string }[]) =>
    new Map(
      rows.flatMap((t) => [
        [t.code, t.code] as const,
        [t.nameZh, t.code] as const,
        ...(t.nameEn ? [[t.nameEn.toLowerCase(), t.code] as const] : []),
      ]),
    );
  return {
    resolved: new Map(),
    units: await listUnits(x.db, { withinPath: x.region.path }),
    all: await listUnits(x.db),
    tags: pairs(types.industryTags),
    qualTypes: pairs(types.qualificationTypes.map(({ code, nameZh }) => ({ code, nameZh }))),
    platTypes: pairs(types.platformTypes.map(({ code, nameZh }) => ({ code, nameZh }))),
  };
}

function unitCode(l: Lookups, text: string, field: string): string {
  if (!text) throw new AppError(400, 'import_required', {}, field);
  if (l.units.some((u) => u.code === text)) return text;
  // A file names the same few towns over and over: resolve each spelling once.
  let res = l.resolved.get(text);
  if (!res) l.resolved.set(text, (res = resolveAmong(text, l.units, l.all)));
  if (res.matches.length === 1) return res.matches[0]!.code;
  if (res.ambiguous)
    throw new AppError(
      400,
      'import_ambiguous_unit',
      { text, candidates: res.matches.map((m) => `${m.pathNames.join('/')}（${m.code}）`).join('、') },
      field,
    );
  throw new AppError(400, 'import_unknown_unit', { text }, field);
}

const byName = (m: Map<string, string>, text: string, field: string) => {
  const hit = m.get(text) ?? m.get(normalizeName(text));
  if (!hit) throw new AppError(400, 'unknown_type', { code: text }, field);
  return hit;
};

async function enterpriseId(db: Db, code: string, field: string): Promise<string> {
  const normalized = checkCreditCode(code, field);
  const [e] = await repo.findByCreditCodes(db, [normalized]);
  if (!e) throw new AppError(400, 'unknown_enterprise', { code: normalized }, field);
  return e.id;
}

export function enterpriseCells(l: Lookups, cells: Record<string, string>) {
  const park = cells.park ? unitCode(l, cells.park, 'park') : '';
  return {
    creditCode: cells.creditCode ?? '',
    name: cells.name ?? '',
    legalRepresentative: opt(cells.legalRepresentative),
    foundedOn: opt(cells.foundedOn),
    orgUnitCode: unitCode(l, cells.town ?? '', 'town'),
    industryCode: opt(cells.industryCode),
    tags: list(cells.tags ?? '').map((t) => byName(l.tags, t, 'tags')),
    sizeClass: cells.sizeClass ? (SIZE[cells.sizeClass] ?? cells.sizeClass) : undefined,
    contactName: opt(cells.contactName),
    contactPhone: opt(cells.contactPhone),
    address: opt(cells.address),
    parks: park ? [{ parkCode: park, fromDate: cells.parkFrom || cells.foundedOn || '' }] : [],
  };
}

export const patentCells = (cells: Record<string, string>) => ({
  number: cells.number ?? '',
  title: cells.title ?? '',
  filedOn: cells.filedOn ?? '',
  grantedOn: opt(cells.grantedOn),
  status: PATENT_STATUS[cells.status ?? ''] ?? cells.status,
  owners: list(cells.owners ?? ''),
});

export function statsCells(cells: Record<string, string>) {
  const year = Number(cells.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    throw new AppError(400, 'import_bad_period', { text: cells.year ?? '' }, 'year');
  return { creditCode: cells.creditCode ?? '', year, figures: Object.fromEntries(STAT_FIELDS.map((k) => [k, num(cells[k]) ?? null])) };
}

/** The small imports go record by record through the services. */
export async function applyRow(
  kind: 'qualifications' | 'platforms',
  db: Db,
  x: ImportContext,
  l: Lookups,
  cells: Record<string, string>,
): Promise<void> {
  if (kind === 'qualifications') {
    const id = await enterpriseId(db, cells.creditCode ?? '', 'creditCode');
    const e = await repo.findEnterprise(db, id);
    if (!e || !x.canWrite(e.orgPath)) throw new AppError(403, 'forbidden_scope', { unit: e?.orgUnitName ?? '' });
    const input = parseRow(qualificationInput, {
      typeCode: byName(l.qualTypes, cells.type ?? '', 'type'),
      number: opt(cells.number),
      issuedOn: cells.issuedOn ?? '',
      revokedOn: opt(cells.revokedOn),
    });
    await addQualification(db, x.ctx, id, input);
    return;
  }
  const input = parseRow(platformInput, {
    name: cells.name ?? '',
    typeCode: byName(l.platTypes, cells.type ?? '', 'type'),
    level: LEVEL[cells.level ?? ''] ?? cells.level,
    hostCreditCode: opt(cells.hostCreditCode),
    hostName: opt(cells.hostName),
    orgUnitCode: unitCode(l, cells.unit ?? '', 'unit'),
    recognizedOn: cells.recognizedOn ?? '',
    revokedOn: opt(cells.revokedOn),
    floorArea: num(cells.floorArea),
  });
  await addPlatform(db, x.ctx, x.canWrite, input);
}
