import { ApiError } from '../../api/http';
import type { DrawInfeasible, UnfilledPlace } from '../../api/panels';
import type { TFunction } from '../../app/i18n';

/** The places a refused draw could not fill (409 assignment_infeasible carries them as codes), or none. */
export function unfilledOf(error: unknown): UnfilledPlace[] {
  if (!(error instanceof ApiError) || error.code !== 'assignment_infeasible') return [];
  const unfilled = (error.payload as Partial<DrawInfeasible> | undefined)?.unfilled;
  return Array.isArray(unfilled) ? unfilled : [];
}

/** Why one place stays empty, in the reader's language (the server sends a code and its numbers). */
export const unfilledReason = (u: UnfilledPlace, t: TFunction): string => t(`draws.unfilled.${u.code}`, u.params);

/** One application short of reviewers: its title, how many places, and why. */
export const unfilledText = (u: UnfilledPlace, t: TFunction): string =>
  t('draws.unfilled.item', { title: u.applicationTitle, missing: u.missing, reason: unfilledReason(u, t) });
