import type { OrgLevel } from '../../../common/enums.js';
import { today } from '../../platform/clock.js';
import type { CreateOrgUnitBody, OrgUnitMatch, OrgUnitView, UpdateOrgUnitBody } from '../../../common/contracts/orgunits.js';
import { normalizeName, shortName } from '../../../common/orgnames.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { bumpRevision } from '../../platform/revision.js';
import * as repo from './orgunits.repo.js';
import type { OrgUnitRow } from './orgunits.repo.js';

const LEVEL_RANK: Record<OrgLevel, number> = { province: 0, prefecture: 1, county: 2, township: 3, park: 3 };

export function isActive(row: Pick<OrgUnitRow, 'validFrom' | 'validTo'>, on = today()): boolean {
  return (!row.validFrom || row.validFrom <= on) && (!row.validTo || row.validTo >= on);
}

export function present(row: OrgUnitRow): OrgUnitView {
  return {
    code: row.code,
    name: row.name,
    level: row.level as OrgLevel,
    parentCode: row.parentCode,
    aliases: row.aliases,
    validFrom: row.validFrom,
    validTo: row.validTo,
    active: isActive(row),
  };
}

const pathCodes = (path: string) => path.split('/').filter(Boolean);

function namesAlong(path: string, byCode: Map<string, OrgUnitRow>): string[] {
  return pathCodes(path).map((c) => byCode.get(c)?.name ?? c);
}

export interface ResolveOptions {
  withinPath?: string | undefined;
  includeInactive?: boolean;
}

export interface Resolution {
  text: string;
  normalized: string;
  matches: OrgUnitMatch[];
  ambiguous: boolean;
}

/**
 * Maps what people write to org units, most exact first: code, name, alias, the name without white space
 * or full-width forms, then the short form (秀山县 → 秀山 ← 秀山土家族苗族自治县). Only the best tier is
 * returned; more than one unit in it is reported as ambiguous, never guessed.
 */
export function resolveAmong(text: string, units: OrgUnitRow[], all: OrgUnitRow[] = units): Resolution {
  const normalized = normalizeName(text);
  const short = shortName(text);
  const byCode = new Map(all.map((u) => [u.code, u]));
  const tiers: [OrgUnitMatch['matchedBy'], (u: OrgUnitRow) => boolean][] = [
    ['code', (u) => u.code === normalized],
    ['name', (u) => u.name === text.trim()],
    ['alias', (u) => u.aliases.includes(text.trim())],
    ['normalized', (u) => normalizeName(u.name) === normalized || u.aliases.some((a) => normalizeName(a) === normalized)],
    ['short', (u) => shortName(u.name) === short || u.aliases.some((a) => shortName(a) === short)],
  ];
  for (const [kind, test] of tiers) {
    const hits = units.filter(test);
    if (hits.length > 0) {
      return {
        text,
        normalized,
        matches: hits.map((u) => ({ ...present(u), matchedBy: kind, pathNames: namesAlong(u.path, byCode) })),
        ambiguous: hits.length > 1,
      };
    }
  }
  return { text, normalized, matches: [], ambiguous: false };
}

export async function resolve(db: Db, text: string, opts: ResolveOptions = {}): Promise<Resolution> {
  const all = await repo.listUnits(db);
  const candidates = all.filter((u) => (!opts.withinPath || u.path.startsWith(opts.withinPath)) && (opts.includeInactive || isActive(u)));
  return resolveAmong(text, candidates, all);
}

export async function getUnitOr404(db: Db, code: string): Promise<OrgUnitRow> {
  const row = await repo.findUnit(db, code);
  if (!row) throw notFound(code);
  return row;
}

export async function detail(db: Db, code: string) {
  const unit = await getUnitOr404(db, code);
  const [children, ancestors] = await Promise.all([repo.childrenOf(db, code), repo.findUnits(db, pathCodes(unit.path))]);
  const byCode = new Map(ancestors.map((u) => [u.code, u]));
  const parent = unit.parentCode ? byCode.get(unit.parentCode) : undefined;
  return {
    unit: present(unit),
    parent: parent ? present(parent) : null,
    children: children.map(present),
    pathNames: namesAlong(unit.path, byCode),
  };
}

function checkLevel(level: OrgLevel, parent: OrgUnitRow | undefined): void {
  if (!parent) return;
  const parentLevel = parent.level as OrgLevel;
  if (LEVEL_RANK[level] <= LEVEL_RANK[parentLevel]) {
    throw new AppError(400, 'org_level_order', { level, parentLevel }, 'level');
  }
}

function checkValidity(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) throw new AppError(400, 'org_validity', {}, 'validTo');
}

function cleanAliases(aliases: string[], name: string): string[] {
  return [...new Set(aliases.map((a) => a.trim()).filter((a) => a && a !== name))];
}

/** Editing needs admin over the parent's subtree (for a top-level unit: a root-level admin). */
export type ScopeCheck = (path: string) => boolean;

export async function createUnit(db: Db, ctx: RequestContext, canEdit: ScopeCheck, body: CreateOrgUnitBody): Promise<OrgUnitView> {
  return db.transaction(async (tx) => {
    if (await repo.findUnit(tx, body.code)) throw new AppError(409, 'org_code_taken', { code: body.code }, 'code');
    const parent = body.parentCode ? await repo.findUnit(tx, body.parentCode) : undefined;
    if (body.parentCode && !parent) throw new AppError(400, 'unknown_org_unit', { code: body.parentCode }, 'parentCode');
    const path = `${parent?.path ?? '/'}${body.code}/`;
    if (!canEdit(path)) throw new AppError(403, 'forbidden_scope', { unit: parent?.name ?? body.name });
    checkLevel(body.level, parent);
    checkValidity(body.validFrom, body.validTo);
    const row = {
      code: body.code,
      name: body.name,
      level: body.level,
      parentCode: body.parentCode,
      path,
      aliases: cleanAliases(body.aliases, body.name),
      validFrom: body.validFrom ?? null,
      validTo: body.validTo ?? null,
    };
    await repo.insertUnits(tx, [row]);
    // The hierarchy decides what adds up to what: computed figures change with it.
    await bumpRevision(tx);
    await audit(tx, ctx, { action: 'create', entity: 'org_unit', entityId: body.code, after: row });
    return present((await repo.findUnit(tx, body.code))!);
  });
}

export async function updateUnit(
  db: Db,
  ctx: RequestContext,
  canEdit: ScopeCheck,
  code: string,
  body: UpdateOrgUnitBody,
): Promise<OrgUnitView> {
  return db.transaction(async (tx) => {
    const before = await repo.findUnit(tx, code);
    if (!before) throw notFound(code);
    if (!canEdit(before.path)) throw new AppError(403, 'forbidden_scope', { unit: before.name });
    const name = body.name ?? before.name;
    const level = body.level ?? (before.level as OrgLevel);
    const parentCode = body.parentCode === undefined ? before.parentCode : body.parentCode;
    let path = before.path;
    const parent = parentCode ? await repo.findUnit(tx, parentCode) : undefined;
    if (parentCode && !parent) throw new AppError(400, 'unknown_org_unit', { code: parentCode }, 'parentCode');
    if (parentCode !== before.parentCode) {
      if (parent && parent.path.startsWith(before.path)) throw new AppError(400, 'org_cycle', {}, 'parentCode');
      path = `${parent?.path ?? '/'}${code}/`;
      if (!canEdit(path)) throw new AppError(403, 'forbidden_scope', { unit: parent?.name ?? name });
    }
    checkLevel(level, parent);
    const validFrom = body.validFrom === undefined ? before.validFrom : body.validFrom;
    const validTo = body.validTo === undefined ? before.validTo : body.validTo;
    checkValidity(validFrom, validTo);
    const after = await repo.updateUnit(tx, code, {
      name,
      level,
      parentCode,
      path,
      aliases: cleanAliases(body.aliases ?? before.aliases, name),
      validFrom,
      validTo,
    });
    if (path !== before.path) await repo.rewriteDescendantPaths(tx, before.path, path);
    await bumpRevision(tx);
    const strip = ({ createdAt: _c, updatedAt: _u, ...rest }: OrgUnitRow) => rest;
    await audit(tx, ctx, { action: 'update', entity: 'org_unit', entityId: code, before: strip(before), after: strip(after) });
    return present(after);
  });
}
