import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { AssignmentView } from '../../../common/contracts/panels.js';
import { projectReports } from '../../db/schema/projects.js';
import type { Db } from '../../platform/db.js';

/** Helpers of panels.api.test.ts (left out of the build: *.test-support.ts). */

/** The assignments that hold a place (to be scored, or scored). */
export const live = (xs: AssignmentView[]) => xs.filter((x) => x.status === 'assigned' || x.status === 'submitted');

/**
 * Every place keeps its rules: its size, no conflict with enterprise 1 (the first expert works for it), one
 * expert per organisation, one finance expert.
 */
export function checkPanelPlaces(
  rows: AssignmentView[],
  size: number,
  experts: readonly { id: string; org: string; fields: string[] }[],
  firstApplicationId: string,
) {
  const orgOf = (expertId: string) => experts.find((e) => e.id === expertId)!.org;
  const places = new Map<string, AssignmentView[]>();
  for (const r of live(rows))
    places.set(`${r.applicationId}|${r.reportId}`, [...(places.get(`${r.applicationId}|${r.reportId}`) ?? []), r]);
  for (const list of places.values()) {
    expect(list).toHaveLength(size);
    const orgs = list.map((r) => orgOf(r.expertId));
    expect(new Set(orgs).size).toBe(orgs.length);
    expect(list.some((r) => experts.find((e) => e.id === r.expertId)!.fields.includes('finance'))).toBe(true);
    if (list[0]!.applicationId === firstApplicationId) expect(list.map((r) => r.expertId)).not.toContain(experts[0]!.id);
  }
}

/**
 * Makes a decided report's snapshot look as one stored before #13: its outcome's failures one sentence
 * 「中文 / English」 (returned), which the read-back must show as stored.
 */
export async function storeOldFailures(db: Db, reportId: string): Promise<string> {
  const [stored] = await db.select({ panel: projectReports.panel }).from(projectReports).where(eq(projectReports.id, reportId));
  const snapshot = stored!.panel as { outcome: { failures: unknown[] } };
  const sentence = '总分 54.33 低于门槛 60 / total 54.33 is below the threshold 60';
  snapshot.outcome.failures = [sentence];
  await db.update(projectReports).set({ panel: snapshot }).where(eq(projectReports.id, reportId));
  return sentence;
}
