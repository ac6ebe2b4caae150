import { and, desc, eq, lt, lte, ne, sql } from 'drizzle-orm';
import type { Facts } from '../../../common/policies/index.js';
import type { Db } from '../../platform/db.js';
import { orgUnitsRead } from '../orgunits/index.js';
import { enterprisesRead, enterpriseStatsRead, platformsRead, qualificationsRead, type RegistryEvent } from '../registry/index.js';
import { yearsBetween } from '../../../common/clock.js';

/**
 * Register facts for a policy decision, read-only over the registry's tables. A fact the register does not
 * hold is left out (unknown), never guessed: that is what makes a decision "undetermined" and asks the
 * enterprise for a document instead.
 */
export type EventRow = RegistryEvent;

/** 规模以上 (industrial enterprises above designated size): main-business revenue ≥ 2 000 万元 (NBS threshold since 2011). */
export const ABOVE_DESIGNATED_SIZE_WAN = 2000;

async function enterpriseFacts(db: Db, enterpriseId: string, regionPath: string, date: string): Promise<Facts> {
  const [e] = await db
    .select({ foundedOn: enterprisesRead.foundedOn, path: orgUnitsRead.path })
    .from(enterprisesRead)
    .innerJoin(orgUnitsRead, eq(orgUnitsRead.code, enterprisesRead.orgUnitCode))
    .where(eq(enterprisesRead.id, enterpriseId));
  if (!e) return {};
  const facts: Facts = { 'enterprise.inRegion': e.path.startsWith(regionPath) };
  // Whole calendar years: registered on 1 March 2020, three years on 1 March 2023.
  if (e.foundedOn) facts['enterprise.yearsRegistered'] = yearsBetween(e.foundedOn, date);
  // Size from the latest approved figures of a year before the decision.
  const [s] = await db
    .select({ revenue: enterpriseStatsRead.revenue })
    .from(enterpriseStatsRead)
    .where(
      and(
        eq(enterpriseStatsRead.enterpriseId, enterpriseId),
        eq(enterpriseStatsRead.status, 'approved'),
        lte(enterpriseStatsRead.year, Number(date.slice(0, 4))),
      ),
    )
    .orderBy(desc(enterpriseStatsRead.year))
    .limit(1);
  if (s?.revenue !== null && s?.revenue !== undefined) facts['enterprise.aboveDesignatedSize'] = s.revenue >= ABOVE_DESIGNATED_SIZE_WAN;
  return facts;
}

/** The facts of one registry event for one policy region. */
export async function factsForEvent(db: Db, event: EventRow, regionPath: string): Promise<Facts> {
  const facts = await enterpriseFacts(db, event.enterpriseId, regionPath, event.occurredOn);
  const p = event.payload;
  if (event.kind === 'qualification.granted') {
    facts['event.qualificationType'] = String(p.qualificationType);
    const [earlier] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(qualificationsRead)
      .where(
        and(
          eq(qualificationsRead.enterpriseId, event.enterpriseId),
          eq(qualificationsRead.typeCode, String(p.qualificationType)),
          lt(qualificationsRead.issuedOn, event.occurredOn),
          ne(qualificationsRead.id, event.recordId),
        ),
      );
    facts['event.firstOfType'] = (earlier?.n ?? 0) === 0;
  } else if (event.kind === 'platform.recognized') {
    facts['event.platformType'] = String(p.platformType);
    facts['event.level'] = String(p.level);
    const [earlier] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(platformsRead)
      .where(
        and(
          eq(platformsRead.hostEnterpriseId, event.enterpriseId),
          eq(platformsRead.typeCode, String(p.platformType)),
          eq(platformsRead.level, String(p.level)),
          lt(platformsRead.recognizedOn, event.occurredOn),
          sql`${platformsRead.id}::text <> ${event.recordId}`,
        ),
      );
    facts['event.firstOfKind'] = (earlier?.n ?? 0) === 0;
  } else if (event.kind === 'patent.granted') {
    facts['event.patentType'] = String(p.patentType);
  } else if (event.kind === 'stats.approved') {
    const year = Number(p.year);
    facts['stats.year'] = year;
    const rows = await db
      .select()
      .from(enterpriseStatsRead)
      .where(
        and(
          eq(enterpriseStatsRead.enterpriseId, event.enterpriseId),
          eq(enterpriseStatsRead.status, 'approved'),
          sql`${enterpriseStatsRead.year} in (${year}, ${year - 1})`,
        ),
      );
    const cur = rows.find((r) => r.year === year);
    const prev = rows.find((r) => r.year === year - 1);
    if (cur?.revenue != null) {
      facts['stats.revenue'] = cur.revenue;
      facts['enterprise.aboveDesignatedSize'] = cur.revenue >= ABOVE_DESIGNATED_SIZE_WAN;
    }
    if (cur?.rdExpense != null) facts['stats.rdExpense'] = cur.rdExpense;
    if (prev?.rdExpense != null) facts['stats.previousRdExpense'] = prev.rdExpense;
    if (cur?.rdExpense != null && prev?.rdExpense != null)
      facts['stats.rdIncrement'] = Math.round((cur.rdExpense - prev.rdExpense) * 1e4) / 1e4;
  }
  return facts;
}

/** Facts about an enterprise with no triggering event (the portal's "policies I qualify for", evaluate). */
export const factsForEnterprise = enterpriseFacts;
