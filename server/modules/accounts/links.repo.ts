import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { escapeLike } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { orgUnitsRead } from '../orgunits/index.js';
import { dataElementsRead } from '../plans/index.js';
import { enterprisesRead } from '../registry/index.js';

/** What a grant may be linked to: enterprises of the register and data elements (read views), and who acts for whom. */

const usersOfEnterprise = sql<number>`(select count(*)::int from user_roles r
  where r.role = 'enterprise' and r.enterprise_id = ${enterprisesRead.id})`;

/** Enterprises registered under `unitPath`, by name, matching `q` by name or credit code. */
export async function enterprisesUnder(db: Db, unitPath: string, q: string | undefined, limit: number) {
  const like = q ? `%${escapeLike(q)}%` : undefined;
  const where = and(
    sql`starts_with(${orgUnitsRead.path}, ${unitPath})`,
    like ? or(ilike(enterprisesRead.name, like), ilike(enterprisesRead.creditCode, like)) : undefined,
  );
  const [items, [count]] = await Promise.all([
    db
      .select({
        id: enterprisesRead.id,
        name: enterprisesRead.name,
        creditCode: enterprisesRead.creditCode,
        orgUnitCode: enterprisesRead.orgUnitCode,
        orgUnitName: orgUnitsRead.name,
        users: usersOfEnterprise,
      })
      .from(enterprisesRead)
      .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprisesRead.orgUnitCode))
      .where(where)
      .orderBy(asc(enterprisesRead.name), asc(enterprisesRead.creditCode))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(enterprisesRead)
      .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprisesRead.orgUnitCode))
      .where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export interface InvitableEnterprise {
  id: string;
  name: string;
  creditCode: string;
  orgUnitCode: string;
  path: string;
  users: number;
}

/** Enterprises by id (or, without ids, all registered under `unitPath`) with their unit's path and users. */
export async function enterprisesToInvite(db: Db, unitPath: string, ids: readonly string[] | undefined): Promise<InvitableEnterprise[]> {
  return db
    .select({
      id: enterprisesRead.id,
      name: enterprisesRead.name,
      creditCode: enterprisesRead.creditCode,
      orgUnitCode: enterprisesRead.orgUnitCode,
      path: orgUnitsRead.path,
      users: usersOfEnterprise,
    })
    .from(enterprisesRead)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprisesRead.orgUnitCode))
    .where(ids ? inArray(enterprisesRead.id, [...ids]) : sql`starts_with(${orgUnitsRead.path}, ${unitPath})`)
    .orderBy(asc(orgUnitsRead.path), asc(enterprisesRead.name), asc(enterprisesRead.creditCode));
}

/** Every data element, by code. */
export async function allDataElements(db: Db) {
  return db
    .select({ code: dataElementsRead.code, nameZh: dataElementsRead.nameZh, nameEn: dataElementsRead.nameEn, unit: dataElementsRead.unit })
    .from(dataElementsRead)
    .orderBy(asc(dataElementsRead.code));
}

/** An enterprise of the register by its credit code (as stored: upper case), with its unit. */
export async function enterpriseByCreditCode(db: Db, creditCode: string) {
  const [row] = await db
    .select({ id: enterprisesRead.id, name: enterprisesRead.name, orgUnitCode: enterprisesRead.orgUnitCode })
    .from(enterprisesRead)
    .where(eq(enterprisesRead.creditCode, creditCode.trim().toUpperCase()));
  return row;
}
