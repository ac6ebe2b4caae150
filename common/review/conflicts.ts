/**
 * Conflict-of-interest (回避) detection for expert review, domain rules §6. Pure functions that turn what the
 * register knows about experts and applications into evidence-backed *suggestions*: a person confirms each one
 * before it becomes a hard exclusion for the assignment (see `exclusionKeys`).
 *
 * Rules, each matched against the applicant and every partner organisation of an application:
 *  - same-organisation  the expert's organisation has the applicant's or a partner's unified social credit code.
 *                       Codes only (normalised: half-width, trimmed, upper-case); names are never compared.
 *  - employment         an employment period with that organisation that ends on or after the window start.
 *  - advice             the same for advisory / consulting periods.
 *  - relative           a relative linked to that organisation's credit code (strong), or a relative whose name
 *                       is exactly a team member's name (weak: same-name people are common).
 *  - shareholding       the expert holds shares in that organisation.
 *  - dispute            a legal dispute with that organisation dated on or after the window start.
 *  - drafted-call       the expert drafted the call (指南) the application answers.
 *
 * "Within 3 years": the window starts on the same calendar day three years before the reference date
 * (reference 2024-06-30 → 2021-06-30, inclusive; a 29 February reference starts on 1 March). Periods still open
 * (no `to`) and dates after the reference date count as well: detection errs on the side of suggesting.
 */
import { anniversary } from '../registry/index.js';

import { CONFLICT_TYPES, type ConflictType as RecordedConflictType } from '../values/projects.js';
import type { ConflictParty } from '../values/review.js';

/** The kinds the records can show (every recorded kind but `other`, a reason only a person gives). */
export type ConflictType = Exclude<RecordedConflictType, 'other'>;
export const DETECTABLE_CONFLICT_TYPES: readonly ConflictType[] = CONFLICT_TYPES.filter((t): t is ConflictType => t !== 'other');

/** Years before the reference date within which employment, advice and disputes count. */
export const CONFLICT_WINDOW_YEARS = 3;

export interface Period {
  creditCode: string;
  /** YYYY-MM-DD. */
  from: string;
  /** YYYY-MM-DD, inclusive; absent while the relation lasts. */
  to?: string;
}

export interface ConflictExpert {
  id: string;
  name: string;
  orgCreditCode?: string;
  employmentHistory: Period[];
  adviceHistory: Period[];
  relatives: { name: string; creditCode?: string }[];
  shareholdings: { creditCode: string }[];
  disputes: { creditCode: string; date: string }[];
  /** Ids of calls whose guide the expert drafted. */
  draftedCalls: string[];
}

export interface ConflictApplication {
  id: string;
  callId: string;
  applicantCreditCode: string;
  partnerCreditCodes: string[];
  teamMembers: { name: string }[];
}

export type ConflictStrength = 'strong' | 'weak';
export type ConflictSource = 'declared' | 'automatic' | 'admin';

/** A party of the application a finding names, by kind and credit code (normalised). */
interface PartyParams {
  party: ConflictParty;
  creditCode: string;
}
/** The look-back window a rule applied: from this day, this many years. */
interface WindowParams {
  windowStart: string;
  years: number;
}

/**
 * What a rule found, as a code (CONFLICT_FINDINGS) and its parameters: no words, the web says it. A period still
 * open has `to: null` (至今 / present).
 */
export type ConflictFinding =
  | { code: 'same_org'; params: { expert: string } & PartyParams }
  | { code: 'employment' | 'advice'; params: { expert: string; from: string; to: string | null } & PartyParams & WindowParams }
  | { code: 'relative_org'; params: { expert: string; relative: string } & PartyParams }
  | { code: 'relative_name'; params: { expert: string; name: string } }
  | { code: 'shareholding'; params: { expert: string } & PartyParams }
  | { code: 'dispute'; params: { expert: string; date: string } & PartyParams & WindowParams }
  | { code: 'drafted_call'; params: { expert: string; callId: string } };

export interface DetectedConflict {
  expertId: string;
  applicationId: string;
  type: ConflictType;
  source: 'automatic';
  /** The evidence: what the rule found, as a code and its parameters. */
  finding: ConflictFinding;
  strength: ConflictStrength;
}

/** A conflict as stored: declared by the expert, detected automatically, or entered by an administrator. */
export interface ConflictRecord {
  expertId: string;
  applicationId: string;
  type: ConflictType | 'other';
  source: ConflictSource;
  evidence?: string | null;
  strength?: ConflictStrength;
}

/** Half-width, trimmed, upper-case: the same clean-up the register applies before matching credit codes. */
export function normalizeCreditCode(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .toUpperCase();
}

/** Exact name comparison: Unicode NFC and surrounding white space only, no fuzzy matching. */
function normalizeName(value: string): string {
  return value.normalize('NFC').trim();
}

/** First day of the look-back window: the same calendar day `CONFLICT_WINDOW_YEARS` years earlier. */
export function conflictWindowStart(referenceDate: string): string {
  return anniversary(referenceDate, -CONFLICT_WINDOW_YEARS);
}

function partiesOf(app: ConflictApplication): PartyParams[] {
  const parties: PartyParams[] = [];
  const seen = new Set<string>();
  const add = (raw: string, party: ConflictParty) => {
    const creditCode = normalizeCreditCode(raw);
    if (!creditCode || seen.has(creditCode)) return;
    seen.add(creditCode);
    parties.push({ party, creditCode });
  };
  add(app.applicantCreditCode, 'applicant');
  for (const p of app.partnerCreditCodes) add(p, 'partner');
  return parties;
}

/** Conflicts of one expert with one application, in rule order. */
export function detectPairConflicts(expert: ConflictExpert, app: ConflictApplication, referenceDate: string): DetectedConflict[] {
  const windowStart = conflictWindowStart(referenceDate);
  const window: WindowParams = { windowStart, years: CONFLICT_WINDOW_YEARS };
  const out: DetectedConflict[] = [];
  const push = (type: ConflictType, strength: ConflictStrength, finding: ConflictFinding) =>
    out.push({ expertId: expert.id, applicationId: app.id, type, source: 'automatic', finding, strength });
  const parties = partiesOf(app);
  const partyOf = (raw: string | undefined): PartyParams | undefined => {
    if (raw === undefined) return undefined;
    const code = normalizeCreditCode(raw);
    return code ? parties.find((p) => p.creditCode === code) : undefined;
  };
  const name = expert.name;

  const own = partyOf(expert.orgCreditCode);
  if (own) push('same-organisation', 'strong', { code: 'same_org', params: { expert: name, ...own } });

  const periods = (list: Period[], type: 'employment' | 'advice') => {
    for (const p of list) {
      const party = partyOf(p.creditCode);
      if (!party || (p.to !== undefined && p.to < windowStart)) continue;
      push(type, 'strong', { code: type, params: { expert: name, ...party, from: p.from, to: p.to ?? null, ...window } });
    }
  };
  periods(expert.employmentHistory, 'employment');
  periods(expert.adviceHistory, 'advice');

  const team = new Set(app.teamMembers.map((m) => normalizeName(m.name)).filter((n) => n.length > 0));
  for (const r of expert.relatives) {
    const party = partyOf(r.creditCode);
    if (party) push('relative', 'strong', { code: 'relative_org', params: { expert: name, relative: r.name, ...party } });
    const same = normalizeName(r.name);
    if (same && team.has(same)) push('relative', 'weak', { code: 'relative_name', params: { expert: name, name: same } });
  }

  for (const s of expert.shareholdings) {
    const party = partyOf(s.creditCode);
    if (party) push('shareholding', 'strong', { code: 'shareholding', params: { expert: name, ...party } });
  }

  for (const d of expert.disputes) {
    const party = partyOf(d.creditCode);
    if (!party || d.date < windowStart) continue;
    push('dispute', 'strong', { code: 'dispute', params: { expert: name, ...party, date: d.date, ...window } });
  }

  if (expert.draftedCalls.includes(app.callId))
    push('drafted-call', 'strong', { code: 'drafted_call', params: { expert: name, callId: app.callId } });
  return out;
}

/**
 * Every automatic conflict suggestion between the experts and the applications: experts in input order, then
 * applications in input order, then rule order. Suggestions, not decisions: a person confirms them.
 */
export function detectConflicts(experts: ConflictExpert[], applications: ConflictApplication[], referenceDate: string): DetectedConflict[] {
  conflictWindowStart(referenceDate); // validates the date even when a list is empty
  const out: DetectedConflict[] = [];
  for (const e of experts) for (const a of applications) out.push(...detectPairConflicts(e, a, referenceDate));
  return out;
}

/**
 * Declared conflicts that no automatic suggestion supports (no detected conflict of the same type for the same
 * expert and application): not wrong, since experts know things the register does not, but worth a look.
 */
export function declaredWithoutSupport<T extends Pick<ConflictRecord, 'expertId' | 'applicationId' | 'type'>>(
  declared: readonly T[],
  detected: readonly Pick<ConflictRecord, 'expertId' | 'applicationId' | 'type'>[],
): T[] {
  const supported = new Set(detected.map((d) => `${d.expertId}|${d.applicationId}|${d.type}`));
  return declared.filter((d) => !supported.has(`${d.expertId}|${d.applicationId}|${d.type}`));
}

/** The key the assignment uses for a hard exclusion: 'expertId|applicationId'. */
export function conflictKey(expertId: string, applicationId: string): string {
  return `${expertId}|${applicationId}`;
}

/** Hard exclusions for the assignment from confirmed conflict records (any source, any strength). */
export function exclusionKeys(records: readonly Pick<ConflictRecord, 'expertId' | 'applicationId'>[]): Set<string> {
  return new Set(records.map((r) => conflictKey(r.expertId, r.applicationId)));
}
