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

export interface DetectedConflict {
  expertId: string;
  applicationId: string;
  type: ConflictType;
  source: 'automatic';
  /** Human-readable, Chinese then English. */
  evidence: string;
  strength: ConflictStrength;
}

/** A conflict as stored: declared by the expert, detected automatically, or entered by an administrator. */
export interface ConflictRecord {
  expertId: string;
  applicationId: string;
  type: ConflictType | 'other';
  source: ConflictSource;
  evidence?: string;
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

interface Party {
  code: string;
  zh: string;
  en: string;
}

function partiesOf(app: ConflictApplication): Party[] {
  const parties: Party[] = [];
  const seen = new Set<string>();
  const add = (raw: string, zh: string, en: string) => {
    const code = normalizeCreditCode(raw);
    if (!code || seen.has(code)) return;
    seen.add(code);
    parties.push({ code, zh, en });
  };
  add(app.applicantCreditCode, '申报单位', 'applicant');
  for (const p of app.partnerCreditCodes) add(p, '合作单位', 'partner');
  return parties;
}

function periodText(p: Period): string {
  return `${p.from}–${p.to ?? '至今'}`;
}

function periodTextEn(p: Period): string {
  return `${p.from}–${p.to ?? 'present'}`;
}

/** Conflicts of one expert with one application, in rule order. */
export function detectPairConflicts(expert: ConflictExpert, app: ConflictApplication, referenceDate: string): DetectedConflict[] {
  const windowStart = conflictWindowStart(referenceDate);
  const out: DetectedConflict[] = [];
  const push = (type: ConflictType, strength: ConflictStrength, zh: string, en: string) =>
    out.push({ expertId: expert.id, applicationId: app.id, type, source: 'automatic', evidence: `${zh} / ${en}`, strength });
  const parties = partiesOf(app);
  const partyOf = (raw: string | undefined): Party | undefined => {
    if (raw === undefined) return undefined;
    const code = normalizeCreditCode(raw);
    return code ? parties.find((p) => p.code === code) : undefined;
  };

  const own = partyOf(expert.orgCreditCode);
  if (own) {
    push(
      'same-organisation',
      'strong',
      `专家${expert.name}所在单位与${own.zh}统一社会信用代码相同（${own.code}）`,
      `expert ${expert.name} works for the ${own.en} (same unified social credit code ${own.code})`,
    );
  }

  const periods = (list: Period[], type: 'employment' | 'advice', zh: string, en: string) => {
    for (const p of list) {
      const party = partyOf(p.creditCode);
      if (!party || (p.to !== undefined && p.to < windowStart)) continue;
      push(
        type,
        'strong',
        `专家${expert.name}${periodText(p)}在${party.zh}（${party.code}）${zh}，在 ${windowStart} 起的${CONFLICT_WINDOW_YEARS}年内`,
        `expert ${expert.name} ${en} the ${party.en} (${party.code}) ${periodTextEn(p)}, within ${CONFLICT_WINDOW_YEARS} years (since ${windowStart})`,
      );
    }
  };
  periods(expert.employmentHistory, 'employment', '任职', 'was employed by');
  periods(expert.adviceHistory, 'advice', '担任顾问', 'advised');

  const team = new Set(app.teamMembers.map((m) => normalizeName(m.name)).filter((n) => n.length > 0));
  for (const r of expert.relatives) {
    const party = partyOf(r.creditCode);
    if (party) {
      push(
        'relative',
        'strong',
        `专家${expert.name}的亲属${r.name}关联${party.zh}（${party.code}）`,
        `a relative of expert ${expert.name}, ${r.name}, is linked to the ${party.en} (${party.code})`,
      );
    }
    const name = normalizeName(r.name);
    if (name && team.has(name)) {
      push(
        'relative',
        'weak',
        `专家${expert.name}的亲属姓名"${name}"与项目组成员同名（仅姓名相同，需人工核实）`,
        `a relative of expert ${expert.name} has the same name as team member "${name}" (name match only, to be verified)`,
      );
    }
  }

  for (const s of expert.shareholdings) {
    const party = partyOf(s.creditCode);
    if (!party) continue;
    push(
      'shareholding',
      'strong',
      `专家${expert.name}持有${party.zh}（${party.code}）股份`,
      `expert ${expert.name} holds shares in the ${party.en} (${party.code})`,
    );
  }

  for (const d of expert.disputes) {
    const party = partyOf(d.creditCode);
    if (!party || d.date < windowStart) continue;
    push(
      'dispute',
      'strong',
      `专家${expert.name}与${party.zh}（${party.code}）于 ${d.date} 存在法律纠纷，在 ${windowStart} 起的${CONFLICT_WINDOW_YEARS}年内`,
      `expert ${expert.name} had a legal dispute with the ${party.en} (${party.code}) on ${d.date}, within ${CONFLICT_WINDOW_YEARS} years (since ${windowStart})`,
    );
  }

  if (expert.draftedCalls.includes(app.callId)) {
    push(
      'drafted-call',
      'strong',
      `专家${expert.name}参与起草了本项目所申报的指南（${app.callId}）`,
      `expert ${expert.name} drafted the call (${app.callId}) this application answers`,
    );
  }
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
