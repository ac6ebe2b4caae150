import { and, eq, inArray } from 'drizzle-orm';
import { LIVE_REVIEW_STATUSES } from '../../../common/values/review.js';
import { experts, reviews } from '../../db/schema/projects.js';
import type { Db } from '../../platform/db.js';

/** The members of these reports' panels (live or declined), with their names. */
export async function panelMembers(db: Db, reportIds: readonly string[]) {
  if (!reportIds.length) return [];
  return db
    .select({ r: reviews, name: experts.name })
    .from(reviews)
    .innerJoin(experts, eq(experts.id, reviews.expertId))
    .where(and(inArray(reviews.reportId, [...reportIds]), inArray(reviews.status, [...LIVE_REVIEW_STATUSES, 'declined'])));
}
