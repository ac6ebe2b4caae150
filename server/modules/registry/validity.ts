import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { qualifications } from '../../db/schema/registry.js';

/**
 * THE definition of "a qualification is valid on date D", in its two forms: a predicate over a row (for rows
 * already read) and a SQL condition over the `qualifications` table (for queries). Nothing else in the code
 * base writes this rule; policies, projects and the live indicators reach it through the registry's index
 * (`validQualifications`, `validQualificationsOf`).
 *
 * A qualification is valid on D when
 *   - it was issued on or before D (`issuedOn ≤ D`: valid from its issue date, inclusive);
 *   - its term has not ended (`validUntil` null = open-ended, else `D ≤ validUntil`: the last day of the term
 *     is still valid — a high-tech certificate issued 2019-05-01 is valid until 2022-04-30 inclusive, 3 years);
 *   - it is not revoked on D (`revokedOn` null, or `D < revokedOn`).
 *
 * Revocation is a dated fact, not a flag: the revocation date is the first day the qualification no longer
 * holds. So a qualification revoked ON D is NOT valid on D, and one revoked after D WAS valid on D (an
 * as-of question such as "certificates valid on 31 December 2023" — domain rules §1 indicator 4, METHODS.md
 * "not revoked on 31 Dec" — must not be changed by a revocation dated 2025). The older reading
 * `revokedOn is null` (any recorded revocation, even a future-dated one, voids the qualification today) was
 * the projects module's copy and is retired.
 */
export interface QualificationDates {
  issuedOn: string;
  validUntil: string | null;
  revokedOn: string | null;
}

/** The rule over a row: valid on `date` (ISO yyyy-mm-dd). */
export function isValidOn(q: QualificationDates, date: string): boolean {
  return q.issuedOn <= date && (q.validUntil === null || q.validUntil >= date) && (q.revokedOn === null || q.revokedOn > date);
}

/**
 * The same rule as a SQL condition over the `qualifications` table (columns rendered table-qualified, so the
 * query must name the table without an alias). `on` is a date parameter or a SQL date expression (`years.d`).
 */
export function validOnSql(on: string | SQLWrapper): SQL {
  const d = typeof on === 'string' ? sql`${on}::date` : sql`${on}`;
  return sql`(${qualifications.issuedOn} <= ${d} and (${qualifications.validUntil} is null or ${qualifications.validUntil} >= ${d}) and (${qualifications.revokedOn} is null or ${qualifications.revokedOn} > ${d}))`;
}
