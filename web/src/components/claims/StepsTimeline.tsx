import { Timeline } from 'antd';
import { CLAIM_STATUSES, type ClaimStatus, type ClaimStep } from '../../api/claims';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/session';
import { formatBeijing } from '../format';
import { noteOrMessage } from '../policies/policyMessage';
import { whoText } from '../policies/who';

const COLORS: Partial<Record<ClaimStatus, string>> = { rejected: 'red', paid: 'green', approved: 'green', stacked: 'gray' };
const isStatus = (s: string): s is ClaimStatus => (CLAIM_STATUSES as readonly string[]).includes(s);

/** The claim's steps, oldest first: what happened, when, with the note (or the system's message); staff see who. */
export function StepsTimeline({ steps, testId }: { steps: readonly ClaimStep[]; testId?: string }) {
  const { t, locale } = useI18n();
  const me = useMe().data;
  return (
    <Timeline
      data-testid={testId}
      items={steps.map((s, i) => {
        const note = noteOrMessage(s, t, locale);
        return {
          key: `${s.at}-${i}`,
          color: isStatus(s.step) ? (COLORS[s.step] ?? 'blue') : 'blue',
          content: (
            <div data-testid="claim-step" data-step={s.step}>
              <div style={{ fontSize: 13 }}>{formatBeijing(s.at)}</div>
              <strong>{isStatus(s.step) ? t(`claim.step.${s.step}`) : s.step}</strong>
              {s.byUser !== undefined ? <span> · {whoText(s.byUser, me, t)}</span> : null}
              {note ? <div style={{ fontSize: 13 }}>{note}</div> : null}
            </div>
          ),
        };
      })}
    />
  );
}
