import { describe, expect, it } from 'vitest';
import type { NoticeDetail } from '../../api/claims';
import { ApiError } from '../../api/http';
import { thisYear } from '../isoDate';
import { approveBlock, budgetDefaults, needsBudget } from './approvable';

const notice = (endsOn: string, statuses: ('open' | 'upheld' | 'dismissed')[] = []) =>
  ({
    notice: {
      id: 'n1',
      title: '公示',
      startsOn: '2026-11-20',
      endsOn,
      orgUnitCode: null,
      createdBy: null,
      createdAt: '2026-11-20T00:00:00Z',
    },
    objections: statuses.map((status, k) => ({ id: `o${k}`, noticeId: 'n1', claimId: null, text: '异议', contact: null, status })),
  }) as unknown as NoticeDetail;
const claim = { status: 'in_notice' as const, noticeId: 'n1' };

describe('approveBlock: 审批 only once the notice is over (#14)', () => {
  it('is blocked while the notice runs, its last day included, naming the end date', () => {
    expect(approveBlock(claim, notice('2026-12-05'), '2026-12-01')).toEqual({ reason: 'notice_open', endsOn: '2026-12-05' });
    expect(approveBlock(claim, notice('2026-12-05'), '2026-12-05')).toEqual({ reason: 'notice_open', endsOn: '2026-12-05' });
  });
  it('opens the day after, unless objections are still open', () => {
    expect(approveBlock(claim, notice('2026-12-05'), '2026-12-06')).toBeNull();
    expect(approveBlock(claim, notice('2026-12-05', ['dismissed', 'upheld']), '2026-12-06')).toBeNull();
    expect(approveBlock(claim, notice('2026-12-05', ['open', 'dismissed', 'open']), '2026-12-06')).toEqual({
      reason: 'objections_open',
      n: 2,
    });
  });
  it('waits for the notice to load; says nothing for a claim not in notice', () => {
    expect(approveBlock(claim, undefined, '2026-12-06')).toEqual({ reason: 'loading' });
    expect(approveBlock({ status: 'reviewed', noticeId: null }, undefined, '2026-12-06')).toBeNull();
  });
});

describe('追加预算 from a claim refused for want of budget (#14)', () => {
  it('opens on the claim’s fiscal year and policy, not the current year', () => {
    const lastYear = thisYear() - 1;
    expect(budgetDefaults({ fiscalYear: lastYear, policyCode: 'high_tech_new' })).toEqual({ year: lastYear, policyCode: 'high_tech_new' });
  });
  it('is offered for the insufficient-budget refusal only', () => {
    expect(needsBudget(new ApiError(409, 'ledger_insufficient_funds', '预算余额不足'))).toBe(true);
    expect(needsBudget(new ApiError(409, 'claim_notice_open', '公示期'))).toBe(false);
    expect(needsBudget(new Error('ledger_insufficient_funds'))).toBe(false);
  });
});
