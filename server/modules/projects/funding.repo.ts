import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { PaymentCondition, PaymentStatus, ReviewStatus } from '../../../common/values/projects.js';
import { applications, calls, projectPayments, projectReports, reviews } from '../../db/schema/projects.js';
import { orgUnitsRead as orgUnits } from '../orgunits/index.js';
import type { Db } from '../../platform/db.js';
import { findOr404 } from '../../platform/errors.js';
import type { ApplicationInsert, ApplicationRow, CallRow } from './calls.repo.js';

/** Queries of decisions, payment schedules and reports (funding.service.ts holds the rules). */
export type PaymentRow = typeof projectPayments.$inferSelect;
export type ReportRow = typeof projectReports.$inferSelect;
type PaymentInsert = typeof projectPayments.$inferInsert;
type ReportInsert = typeof projectReports.$inferInsert;

/** A call's applications, locked for its decision. */
export const lockApplicationsOfCall = (tx: Db, callId: string): Promise<ApplicationRow[]> =>
  tx.select().from(applications).where(eq(applications.callId, callId)).for('update');

export const lockApplication = (tx: Db, id: string): Promise<ApplicationRow> =>
  findOr404(tx.select().from(applications).where(eq(applications.id, id)).for('update'), id);
export const findApplication = (db: Db, id: string): Promise<ApplicationRow> =>
  findOr404(db.select().from(applications).where(eq(applications.id, id)), id);

export async function setApplication(tx: Db, id: string, set: Partial<ApplicationInsert>): Promise<void> {
  await tx.update(applications).set(set).where(eq(applications.id, id));
}

export const findCall = (db: Db, id: string): Promise<CallRow> => findOr404(db.select().from(calls).where(eq(calls.id, id)), id);

export async function markCallDecided(tx: Db, callId: string): Promise<void> {
  await tx.update(calls).set({ status: 'decided' }).where(eq(calls.id, callId));
}

/** The call an application answers. */
export const callOfApplication = async (db: Db, applicationId: string): Promise<CallRow> =>
  (
    await findOr404(
      db
        .select({ c: calls })
        .from(calls)
        .innerJoin(applications, eq(applications.callId, calls.id))
        .where(eq(applications.id, applicationId)),
      applicationId,
    )
  ).c;

export async function insertPayments(tx: Db, rows: PaymentInsert[]): Promise<void> {
  if (rows.length) await tx.insert(projectPayments).values(rows);
}
export async function insertReports(tx: Db, rows: ReportInsert[]): Promise<void> {
  if (rows.length) await tx.insert(projectReports).values(rows);
}
export const insertReport = (tx: Db, row: ReportInsert): Promise<ReportRow> =>
  findOr404(tx.insert(projectReports).values(row).returning(), 'report');

export const paymentsOf = (db: Db, applicationId: string): Promise<PaymentRow[]> =>
  db.select().from(projectPayments).where(eq(projectPayments.applicationId, applicationId)).orderBy(asc(projectPayments.seq));

export const reportsOf = (db: Db, applicationId: string): Promise<ReportRow[]> =>
  db.select().from(projectReports).where(eq(projectReports.applicationId, applicationId)).orderBy(asc(projectReports.dueOn));

export const lockPayment = (tx: Db, id: string): Promise<PaymentRow> =>
  findOr404(tx.select().from(projectPayments).where(eq(projectPayments.id, id)).for('update'), id);

export const setPayment = (tx: Db, id: string, set: Partial<PaymentInsert>): Promise<PaymentRow> =>
  findOr404(tx.update(projectPayments).set(set).where(eq(projectPayments.id, id)).returning(), id);

/**
 * Releases a project's instalments: those due on `condition` (when given) still in one of `from`. Without a
 * condition, every instalment in `from`.
 */
export async function releasePayments(
  tx: Db,
  applicationId: string,
  f: { condition?: PaymentCondition; from?: readonly PaymentStatus[] },
): Promise<void> {
  await tx
    .update(projectPayments)
    .set({ status: 'released' })
    .where(
      and(
        eq(projectPayments.applicationId, applicationId),
        f.condition ? eq(projectPayments.condition, f.condition) : undefined,
        f.from ? inArray(projectPayments.status, [...f.from]) : undefined,
      ),
    );
}

/** A project's reports due before `on` and not handed in. */
export const overdueReports = (tx: Db, applicationId: string, on: string): Promise<ReportRow[]> =>
  tx
    .select()
    .from(projectReports)
    .where(and(eq(projectReports.applicationId, applicationId), eq(projectReports.status, 'due'), lt(projectReports.dueOn, on)));

/** A project's reports still to hand in (due, or rejected and to hand in again). */
export const openReports = (tx: Db, applicationId: string): Promise<ReportRow[]> =>
  tx
    .select()
    .from(projectReports)
    .where(and(eq(projectReports.applicationId, applicationId), inArray(projectReports.status, ['due', 'rejected'])));

export const lockReport = (tx: Db, id: string): Promise<ReportRow> =>
  findOr404(tx.select().from(projectReports).where(eq(projectReports.id, id)).for('update'), id);

export const setReport = (tx: Db, id: string, set: Partial<ReportInsert>): Promise<ReportRow> =>
  findOr404(tx.update(projectReports).set(set).where(eq(projectReports.id, id)).returning(), id);

/** A report handed in again is judged afresh: the earlier panel's open assignments become history. */
export async function supersedeReviewsOfReport(tx: Db, reportId: string): Promise<void> {
  const live: ReviewStatus[] = ['assigned', 'submitted', 'declined'];
  await tx
    .update(reviews)
    .set({ status: 'superseded', closedAt: new Date() })
    .where(and(eq(reviews.reportId, reportId), inArray(reviews.status, live)));
}

/** The name of the unit a call belongs to (the bureau that signs the letter), if it exists. */
export async function regionName(db: Db, code: string): Promise<string | null> {
  const [region] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, code));
  return region?.name ?? null;
}
