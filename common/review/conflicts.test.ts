import { describe, expect, it } from 'vitest';
import {
  conflictKey,
  conflictWindowStart,
  declaredWithoutSupport,
  detectConflicts,
  detectPairConflicts,
  exclusionKeys,
  type ConflictApplication,
  type ConflictExpert,
} from './conflicts.js';
import { CONFLICT_FINDINGS } from '../values/review.js';

const APPLICANT = '91500241MA5U1234X5';
const PARTNER = '12500000450412345K';
const OTHER = '91500000MA60ABCD12';
const REF = '2024-06-30'; // window starts 2021-06-30

function expert(over: Partial<ConflictExpert> = {}): ConflictExpert {
  return {
    id: 'x1',
    name: '王明',
    employmentHistory: [],
    adviceHistory: [],
    relatives: [],
    shareholdings: [],
    disputes: [],
    draftedCalls: [],
    ...over,
  };
}

const app: ConflictApplication = {
  id: 'p1',
  callId: 'call-2024-01',
  applicantCreditCode: APPLICANT,
  partnerCreditCodes: [PARTNER],
  teamMembers: [{ name: '李华' }, { name: ' 张伟 ' }],
};

const types = (e: ConflictExpert) => detectPairConflicts(e, app, REF).map((c) => `${c.type}:${c.strength}`);

describe('conflict detection: the window and each rule', () => {
  it('window: the same calendar day three years earlier; a 29 February reference starts on 1 March', () => {
    expect(conflictWindowStart('2024-06-30')).toBe('2021-06-30');
    expect(conflictWindowStart('2024-02-29')).toBe('2021-03-01');
    expect(() => conflictWindowStart('2024-02-30')).toThrow(RangeError);
  });

  it('same organisation: credit code only, normalised (case, spaces, full-width), applicant or partner', () => {
    expect(types(expert({ orgCreditCode: APPLICANT }))).toEqual(['same-organisation:strong']);
    expect(types(expert({ orgCreditCode: ` ${APPLICANT.toLowerCase()} ` }))).toEqual(['same-organisation:strong']);
    const fullWidth = PARTNER.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(types(expert({ orgCreditCode: fullWidth }))).toEqual(['same-organisation:strong']);
    expect(types(expert({ orgCreditCode: OTHER }))).toEqual([]);
    expect(types(expert({ orgCreditCode: '' }))).toEqual([]);
    const [c] = detectPairConflicts(expert({ orgCreditCode: PARTNER }), app, REF);
    expect(c).toMatchObject({ expertId: 'x1', applicationId: 'p1', source: 'automatic' });
    expect(c!.finding).toEqual({ code: 'same_org', params: { expert: '王明', party: 'partner', creditCode: PARTNER } });
  });

  it('employment within 3 years: ending on the window start counts, the day before does not; open periods count', () => {
    expect(types(expert({ employmentHistory: [{ creditCode: APPLICANT, from: '2015-01-01', to: '2021-06-30' }] }))).toEqual([
      'employment:strong',
    ]);
    expect(types(expert({ employmentHistory: [{ creditCode: APPLICANT, from: '2015-01-01', to: '2021-06-29' }] }))).toEqual([]);
    expect(types(expert({ employmentHistory: [{ creditCode: PARTNER, from: '2023-01-01' }] }))).toEqual(['employment:strong']);
    expect(types(expert({ employmentHistory: [{ creditCode: OTHER, from: '2023-01-01' }] }))).toEqual([]);
    const [c] = detectPairConflicts(expert({ employmentHistory: [{ creditCode: APPLICANT, from: '2019-03-01' }] }), app, REF);
    expect(c!.finding).toEqual({
      code: 'employment',
      params: {
        expert: '王明',
        party: 'applicant',
        creditCode: APPLICANT,
        from: '2019-03-01',
        to: null,
        windowStart: '2021-06-30',
        years: 3,
      },
    });
  });

  it('advice within 3 years, same boundary', () => {
    expect(types(expert({ adviceHistory: [{ creditCode: PARTNER, from: '2020-01-01', to: '2021-06-30' }] }))).toEqual(['advice:strong']);
    expect(types(expert({ adviceHistory: [{ creditCode: PARTNER, from: '2020-01-01', to: '2021-06-29' }] }))).toEqual([]);
  });

  it('relatives: by credit code (strong) or by exact team-member name (weak), never by similar names', () => {
    expect(types(expert({ relatives: [{ name: '王芳', creditCode: APPLICANT }] }))).toEqual(['relative:strong']);
    expect(types(expert({ relatives: [{ name: '李华' }] }))).toEqual(['relative:weak']);
    expect(types(expert({ relatives: [{ name: '张伟' }] }))).toEqual(['relative:weak']); // team list had spaces
    expect(types(expert({ relatives: [{ name: '李 华' }, { name: '李华华' }] }))).toEqual([]);
    expect(types(expert({ relatives: [{ name: '李华', creditCode: PARTNER }] }))).toEqual(['relative:strong', 'relative:weak']);
    const weak = detectPairConflicts(expert({ relatives: [{ name: '李华' }] }), app, REF)[0]!;
    expect(weak.finding).toEqual({ code: 'relative_name', params: { expert: '王明', name: '李华' } });
  });

  it('shareholding in the applicant or a partner', () => {
    expect(types(expert({ shareholdings: [{ creditCode: PARTNER }, { creditCode: OTHER }] }))).toEqual(['shareholding:strong']);
  });

  it('legal disputes within 3 years: on the window start counts, the day before does not', () => {
    expect(types(expert({ disputes: [{ creditCode: APPLICANT, date: '2021-06-30' }] }))).toEqual(['dispute:strong']);
    expect(types(expert({ disputes: [{ creditCode: APPLICANT, date: '2021-06-29' }] }))).toEqual([]);
    const leap = (date: string) => detectPairConflicts(expert({ disputes: [{ creditCode: APPLICANT, date }] }), app, '2024-02-29');
    expect(leap('2021-03-01')).toHaveLength(1);
    expect(leap('2021-02-28')).toHaveLength(0);
  });

  it('having drafted the call', () => {
    expect(types(expert({ draftedCalls: ['call-2023-09', 'call-2024-01'] }))).toEqual(['drafted-call:strong']);
    expect(types(expert({ draftedCalls: ['call-2023-09'] }))).toEqual([]);
  });
});

describe('conflict detection: all rules together, declarations and exclusions', () => {
  it('every rule at once, in rule order; all experts × all applications', () => {
    const all = expert({
      orgCreditCode: APPLICANT,
      employmentHistory: [{ creditCode: PARTNER, from: '2020-01-01', to: '2022-01-01' }],
      adviceHistory: [{ creditCode: APPLICANT, from: '2022-01-01' }],
      relatives: [{ name: '李华' }],
      shareholdings: [{ creditCode: APPLICANT }],
      disputes: [{ creditCode: PARTNER, date: '2023-05-05' }],
      draftedCalls: ['call-2024-01'],
    });
    expect(types(all)).toEqual([
      'same-organisation:strong',
      'employment:strong',
      'advice:strong',
      'relative:weak',
      'shareholding:strong',
      'dispute:strong',
      'drafted-call:strong',
    ]);
    const other: ConflictApplication = {
      ...app,
      id: 'p2',
      applicantCreditCode: OTHER,
      partnerCreditCodes: [],
      teamMembers: [],
      callId: 'c9',
    };
    const found = detectConflicts([all, expert({ id: 'x2' })], [app, other], REF);
    expect(found).toHaveLength(7);
    expect(new Set(found.map((c) => conflictKey(c.expertId, c.applicationId)))).toEqual(new Set(['x1|p1']));
    // Codes and parameters, no words: the web says them (the expert's name and the credit codes are data).
    expect(found.map((c) => c.finding.code)).toEqual([
      'same_org',
      'employment',
      'advice',
      'relative_name',
      'shareholding',
      'dispute',
      'drafted_call',
    ]);
    expect(found.map((c) => c.finding.params)).toContainEqual({
      expert: '王明',
      party: 'partner',
      creditCode: PARTNER,
      date: '2023-05-05',
      windowStart: '2021-06-30',
      years: 3,
    });
    for (const c of found) {
      expect(CONFLICT_FINDINGS).toContain(c.finding.code);
      expect(JSON.stringify(c)).not.toMatch(/单位|至今|present| \/ |within/);
    }
  });

  it('declared conflicts nothing supports are flagged for a look', () => {
    const detected = detectPairConflicts(expert({ employmentHistory: [{ creditCode: APPLICANT, from: '2022-01-01' }] }), app, REF);
    const declared = [
      { expertId: 'x1', applicationId: 'p1', type: 'employment' as const, source: 'declared' as const },
      { expertId: 'x1', applicationId: 'p1', type: 'relative' as const, source: 'declared' as const },
      { expertId: 'x9', applicationId: 'p1', type: 'employment' as const, source: 'declared' as const },
      { expertId: 'x1', applicationId: 'p1', type: 'other' as const, source: 'declared' as const },
    ];
    expect(declaredWithoutSupport(declared, detected)).toEqual(declared.slice(1));
    expect(declaredWithoutSupport([], detected)).toEqual([]);
  });

  it('confirmed records become the assignment exclusions', () => {
    expect(
      exclusionKeys([
        { expertId: 'x1', applicationId: 'p1' },
        { expertId: 'x1', applicationId: 'p1' },
        { expertId: 'x2', applicationId: 'p3' },
      ]),
    ).toEqual(new Set(['x1|p1', 'x2|p3']));
  });
});
