/**
 * The reserved parts of a 揭榜挂帅 team's application (issue #7): a challenge is open to any team, with no age,
 * degree or title conditions, so a team is its name, its leader, its members and a contact. Zod-free, so the web
 * pages can import it.
 */

/** A team's contact (phone or e-mail), kept with the application's answers; the bureau reads it, experts never do. */
export const TEAM_CONTACT_FIELD = 'team_contact';
/** The role of a team's leader among its members (the first member). */
export const TEAM_LEADER_ROLE = '负责人';
/** Answers of an application that are for the bureau (and the applicant) only, never shown to experts. */
export const PRIVATE_APPLICATION_FIELDS: readonly string[] = [TEAM_CONTACT_FIELD];

/** The answers an expert may read: everything but the private ones. */
export function expertVisibleFields<T>(fields: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !PRIVATE_APPLICATION_FIELDS.includes(k)));
}

/** A team as the form shows it ↔ the members the application stores (leader first, with TEAM_LEADER_ROLE). */
export interface TeamParts {
  leader: string;
  members: { name: string; role?: string }[];
}

export function splitTeam(stored: readonly { name: string; role?: string }[]): TeamParts {
  const [first, ...rest] = stored;
  if (first && first.role === TEAM_LEADER_ROLE) return { leader: first.name, members: rest.map((m) => ({ ...m })) };
  return { leader: '', members: stored.map((m) => ({ ...m })) };
}

export function joinTeam(parts: TeamParts): { name: string; role?: string }[] {
  const leader = parts.leader.trim();
  const members = parts.members
    .map((m) => ({ name: m.name.trim(), ...(m.role?.trim() ? { role: m.role.trim() } : {}) }))
    .filter((m) => m.name);
  return leader ? [{ name: leader, role: TEAM_LEADER_ROLE }, ...members] : members;
}
