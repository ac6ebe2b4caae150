import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import {
  enterpriseStats,
  enterprises,
  industryTags,
  parkMemberships,
  patentOwners,
  patents,
  platformTypes,
  platforms,
  qualificationTypes,
  qualifications,
  talents,
} from '../../db/schema/registry.js';
import { orgUnitsRead } from '../orgunits/index.js';
import { escapeLike, inScope } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { validOnSql } from './validity.js';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type QualificationRow = typeof qualifications.$inferSelect;
export type StatsRow = typeof enterpriseStats.$inferSelect;

export async function registryTypes(db: Db) {
  const [tags, quals, plats] = await Promise.all([
    db.select().from(industryTags).orderBy(asc(industryTags.sortOrder)),
    db.select().from(qualificationTypes).orderBy(asc(qualificationTypes.sortOrder)),
    db.select().from(platformTypes).orderBy(asc(platformTypes.sortOrder)),
  ]);
  return { industryTags: tags, qualificationTypes: quals, platformTypes: plats };
}

export async function findEnterprise(db: Db, id: string): Promise<(EnterpriseRow & { orgUnitName: string; orgPath: string }) | undefined> {
  const [row] = await db
    .select({ e: enterprises, orgUnitName: orgUnitsRead.name, orgPath: orgUnitsRead.path })
    .from(enterprises)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprises.orgUnitCode))
    .where(eq(enterprises.id, id));
  return row ? { ...row.e, orgUnitName: row.orgUnitName, orgPath: row.orgPath } : undefined;
}

export async function findByCreditCodes(db: Db, codes: string[]): Promise<EnterpriseRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(enterprises).where(inArray(enterprises.creditCode, codes));
}

export interface EnterpriseFilter {
  q?: string | undefined;
  withinPath?: string | undefined;
  scopePaths: string[];
  tag?: string | undefined;
  qualification?: string | undefined;
  validOn: string;
  page: number;
  pageSize: number;
}

export async function listEnterprises(db: Db, f: EnterpriseFilter) {
  const cond = and(
    inScope(orgUnitsRead.path, f.scopePaths),
    f.withinPath ? inScope(orgUnitsRead.path, [f.withinPath]) : undefined,
    f.q ? or(ilike(enterprises.name, `%${escapeLike(f.q)}%`), ilike(enterprises.creditCode, `%${escapeLike(f.q)}%`)) : undefined,
    f.tag ? sql`${f.tag} = any(${enterprises.tags})` : undefined,
    f.qualification
      ? sql`exists (select 1 from ${qualifications} where ${qualifications.enterpriseId} = ${enterprises.id}
              and ${qualifications.typeCode} = ${f.qualification} and ${validOnSql(f.validOn)})`
      : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({ e: enterprises, orgUnitName: orgUnitsRead.name })
      .from(enterprises)
      .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprises.orgUnitCode))
      .where(cond)
      .orderBy(asc(enterprises.name))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(enterprises)
      .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprises.orgUnitCode))
      .where(cond),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export const parksOf = (db: Db, enterpriseIds: string[]) =>
  enterpriseIds.length
    ? db
        .select({ m: parkMemberships, parkName: orgUnitsRead.name })
        .from(parkMemberships)
        .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, parkMemberships.parkCode))
        .where(inArray(parkMemberships.enterpriseId, enterpriseIds))
        .orderBy(asc(parkMemberships.fromDate))
    : Promise.resolve([]);

export function qualificationsOf(db: Db, filter: { enterpriseIds?: string[]; type?: string; scopePaths?: string[] }) {
  return db
    .select({
      q: qualifications,
      typeName: qualificationTypes.nameZh,
      enterpriseName: enterprises.name,
      creditCode: enterprises.creditCode,
      orgPath: orgUnitsRead.path,
    })
    .from(qualifications)
    .innerJoin(qualificationTypes, eq(qualificationTypes.code, qualifications.typeCode))
    .innerJoin(enterprises, eq(enterprises.id, qualifications.enterpriseId))
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprises.orgUnitCode))
    .where(
      and(
        filter.enterpriseIds
          ? inArray(
              qualifications.enterpriseId,
              filter.enterpriseIds.length ? filter.enterpriseIds : ['00000000-0000-0000-0000-000000000000'],
            )
          : undefined,
        filter.type ? eq(qualifications.typeCode, filter.type) : undefined,
        filter.scopePaths ? inScope(orgUnitsRead.path, filter.scopePaths) : undefined,
      ),
    )
    .orderBy(desc(qualifications.issuedOn));
}

export async function qualificationType(db: Db, code: string) {
  const [row] = await db.select().from(qualificationTypes).where(eq(qualificationTypes.code, code));
  return row;
}

export async function platformType(db: Db, code: string) {
  const [row] = await db.select().from(platformTypes).where(eq(platformTypes.code, code));
  return row;
}

export function platformsIn(db: Db, scopePaths: string[]) {
  return db
    .select({ p: platforms, typeName: platformTypes.nameZh, category: platformTypes.category, orgUnitName: orgUnitsRead.name })
    .from(platforms)
    .innerJoin(platformTypes, eq(platformTypes.code, platforms.typeCode))
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, platforms.orgUnitCode))
    .where(inScope(orgUnitsRead.path, scopePaths))
    .orderBy(asc(platforms.recognizedOn));
}

export function talentsIn(db: Db, scopePaths: string[]) {
  return db
    .select({ t: talents })
    .from(talents)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, talents.orgUnitCode))
    .where(inScope(orgUnitsRead.path, scopePaths))
    .orderBy(asc(talents.name));
}

/** Patents with at least one owner in scope (an owner outside the register counts as out of scope). */
export function patentsOf(db: Db, f: { enterpriseIds?: string[]; scopePaths?: string[] }) {
  return db
    .selectDistinct({ p: patents })
    .from(patents)
    .innerJoin(patentOwners, eq(patentOwners.patentId, patents.id))
    .leftJoin(enterprises, eq(enterprises.id, patentOwners.enterpriseId))
    .leftJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprises.orgUnitCode))
    .where(
      and(
        f.enterpriseIds
          ? inArray(patentOwners.enterpriseId, f.enterpriseIds.length ? f.enterpriseIds : ['00000000-0000-0000-0000-000000000000'])
          : undefined,
        f.scopePaths ? inScope(orgUnitsRead.path, f.scopePaths) : undefined,
      ),
    )
    .orderBy(desc(patents.filedOn));
}

export function ownersOf(db: Db, patentIds: string[]) {
  if (patentIds.length === 0) return Promise.resolve([]);
  return db
    .select({ o: patentOwners, name: enterprises.name })
    .from(patentOwners)
    .leftJoin(enterprises, eq(enterprises.id, patentOwners.enterpriseId))
    .where(inArray(patentOwners.patentId, patentIds));
}

export async function findPatentByNumber(db: Db, number: string) {
  const [row] = await db.select().from(patents).where(eq(patents.number, number));
  return row;
}

export async function statsOf(db: Db, enterpriseId: string): Promise<StatsRow[]> {
  return db.select().from(enterpriseStats).where(eq(enterpriseStats.enterpriseId, enterpriseId)).orderBy(asc(enterpriseStats.year));
}

/** A qualification as other modules see it (`validQualifications`). */
export interface ValidQualification {
  id: string;
  enterpriseId: string;
  typeCode: string;
  number: string | null;
  issuedOn: string;
  validUntil: string | null;
  revokedOn: string | null;
}

/**
 * The qualifications of these enterprises valid on `on` (see validity.ts for the rule), optionally only of
 * some types, oldest issue first.
 */
export async function validQualificationsOf(
  db: Db,
  enterpriseIds: readonly string[],
  on: string,
  typeCodes?: readonly string[],
): Promise<ValidQualification[]> {
  if (enterpriseIds.length === 0 || typeCodes?.length === 0) return [];
  return db
    .select({
      id: qualifications.id,
      enterpriseId: qualifications.enterpriseId,
      typeCode: qualifications.typeCode,
      number: qualifications.number,
      issuedOn: qualifications.issuedOn,
      validUntil: qualifications.validUntil,
      revokedOn: qualifications.revokedOn,
    })
    .from(qualifications)
    .where(
      and(
        inArray(qualifications.enterpriseId, [...enterpriseIds]),
        typeCodes ? inArray(qualifications.typeCode, [...typeCodes]) : undefined,
        validOnSql(on),
      ),
    )
    .orderBy(asc(qualifications.issuedOn), asc(qualifications.id));
}

/** The qualifications of one enterprise valid on `on` (optionally only of some types): the registry's one answer. */
export function validQualifications(
  db: Db,
  enterpriseId: string,
  on: string,
  typeCodes?: readonly string[],
): Promise<ValidQualification[]> {
  return validQualificationsOf(db, [enterpriseId], on, typeCodes);
}
