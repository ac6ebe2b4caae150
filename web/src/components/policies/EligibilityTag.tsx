import type { ConditionOutcome, Eligibility } from '../../../../common/policies';
import { useT } from '../../app/i18n';
import { StatusTag } from '../StatusTag';

const ELIGIBILITY_TONES = { eligible: 'ok', ineligible: 'error', undetermined: 'warn' } as const;
const OUTCOME_TONES = { pass: 'ok', fail: 'error', unknown: 'warn' } as const;

/** 符合 / 不符合 / 待定: colour and words, never colour alone. */
export function EligibilityTag({ eligibility, testId }: { eligibility: Eligibility; testId?: string }) {
  const t = useT();
  return (
    <span data-testid={testId} data-eligibility={eligibility}>
      <StatusTag tone={ELIGIBILITY_TONES[eligibility]}>{t(`pol.elig.${eligibility}`)}</StatusTag>
    </span>
  );
}

export function OutcomeTag({ outcome }: { outcome: ConditionOutcome }) {
  const t = useT();
  return <StatusTag tone={OUTCOME_TONES[outcome]}>{t(`pol.outcome.${outcome}`)}</StatusTag>;
}
