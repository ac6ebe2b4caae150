import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Me } from '../../../common/contracts/accounts';
import type { Role } from '../../../common/enums';
import { ME_KEY, fetchMe } from '../api/auth';
import { setBureauZone } from '../components/bureauZone';

/** The signed-in user (null when signed out); undefined while the first check runs. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMeAndZone, staleTime: Infinity });
}

/** The session brings the bureau's time zone: dates are counted in it (components/isoDate.ts). */
async function fetchMeAndZone(): Promise<Me | null> {
  const me = await fetchMe();
  setBureauZone(me?.timeZone);
  return me;
}

/** Who may use a page or a button: one of the role lists of common/access.ts (re-exported by ./access). */
export type Access = readonly Role[];

/** Whether any of the user's grants is of one of the roles (scope is the server's to check). */
export function mayUse(me: Me | null | undefined, access: Access): boolean {
  if (!me) return false;
  return me.roles.some((g) => access.includes(g.role));
}

/**
 * A user whose password must be changed may use nothing but the change itself: the server answers
 * 403 must_change_password to everything else, so the app sends them to /password before any other call.
 */
export const mustChangePassword = (me: Me | null | undefined) => Boolean(me?.mustChangePassword);

export function setMe(client: QueryClient, me: Me | null): void {
  setBureauZone(me?.timeZone);
  client.setQueryData(ME_KEY, me);
}

/**
 * On sign-in and sign-out: drop everything cached for the previous user. The user query itself
 * stays (only its data changes), because long-lived observers such as the i18n provider hold it.
 */
export function switchUser(client: QueryClient, me: Me | null): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  setMe(client, me);
}

/** Only same-site paths, so a crafted ?next= cannot send the user elsewhere. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

// Why the user was sent to the login page (e.g. "session expired"), shown there once.
let signInNotice: string | null = null;
export function setSignInNotice(message: string | null): void {
  signInNotice = message;
}
export function takeSignInNotice(): string | null {
  const m = signInNotice;
  signInNotice = null;
  return m;
}
