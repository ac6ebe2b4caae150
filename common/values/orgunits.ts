/** How a typed name or code matched an org unit (GET /api/org-units?q=…), best first. */
export const MATCH_KINDS = ['code', 'name', 'alias', 'normalized', 'short'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
