import type { Eligibility, TriState } from '../../../../common/registry';
import { useT } from '../../app/i18n';
import { StatusTag } from '../StatusTag';

const RESULT_TONES = { pass: 'ok', fail: 'error', unknown: 'warn' } as const;
const OVERALL_TONES = { eligible: 'ok', ineligible: 'error', undetermined: 'warn' } as const;

/** Met / not met / unknown: colour and words, never colour alone. */
export function ResultTag({ result }: { result: TriState }) {
  const t = useT();
  return <StatusTag tone={RESULT_TONES[result]}>{t(`result.${result}`)}</StatusTag>;
}

export function OverallTag({ overall, testId }: { overall: Eligibility; testId?: string }) {
  const t = useT();
  return (
    <span data-testid={testId} data-overall={overall}>
      <StatusTag tone={OVERALL_TONES[overall]}>{t(`overall.${overall}`)}</StatusTag>
    </span>
  );
}
