import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db.js';

/** Titles of key tasks ('1', '2.3') and goals ('G1') of a plan, for grouping indicators on the dashboard. */
export async function taskTitles(db: Db, planId: string): Promise<Map<string, string>> {
  const res = await db.execute<{ k: string; title: string }>(sql`
    select no as k, title_zh as title from plan_tasks where plan_id = ${planId}
    union all select 'G' || no, title_zh from plan_goals where plan_id = ${planId}`);
  return new Map(rowsOf<{ k: string; title: string }>(res).map((r) => [r.k, r.title]));
}
