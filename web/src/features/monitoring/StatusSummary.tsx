import type { CSSProperties, ReactNode } from 'react';
import type { ProgressStatus } from '../../../../common/progress';
import type { VerdictOutcome } from '../../../../common/values/plans';
import { useT } from '../../app/i18n';
import { VERDICT, VERDICT_ORDER } from '../../components/monitoring/outcome';
import { statusIcon } from '../../components/monitoring/ProgressTag';
import { STATUS, STATUS_ORDER } from '../../components/monitoring/status';
import { verdictIcon } from '../../components/monitoring/VerdictTag';

const list: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0, margin: '0 0 16px' };

function Item({ color, icon, label, count, testId }: { color: string; icon: ReactNode; label: string; count: number; testId: string }) {
  return (
    <li
      data-testid={testId}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        background: '#fff',
        borderInlineStart: `6px solid ${color}`,
        borderRadius: 6,
        padding: '8px 16px',
        minWidth: 150,
      }}
    >
      <span style={{ color, fontSize: 18 }}>{icon}</span>
      <span style={{ flex: 1 }}>{label}</span>
      <strong style={{ fontSize: 22 }}>{count}</strong>
    </li>
  );
}

const total = (counts: Partial<Record<string, number>>) => Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);

/**
 * How many indicators are in each status, and — for those whose target year is over — each verdict: a
 * coloured bar, an icon and the words. A list that counts nothing is left out (but the status list
 * always shows when there are no verdicts).
 */
export function StatusSummary({
  counts,
  verdicts = {},
}: {
  counts: Partial<Record<ProgressStatus, number>>;
  verdicts?: Partial<Record<VerdictOutcome, number>>;
}) {
  const t = useT();
  const withVerdicts = total(verdicts) > 0;
  return (
    <>
      {withVerdicts ? (
        <ul aria-label={t('dashboard.verdictSummary')} style={list} data-testid="verdict-summary">
          {VERDICT_ORDER.map((v) => (
            <Item
              key={v}
              color={VERDICT[v].color}
              icon={verdictIcon(v)}
              label={t(VERDICT[v].label)}
              count={verdicts[v] ?? 0}
              testId={`verdicts-${v}`}
            />
          ))}
        </ul>
      ) : null}
      {!withVerdicts || total(counts) > 0 ? (
        <ul aria-label={t('dashboard.summary')} style={list} data-testid="status-summary">
          {STATUS_ORDER.map((s) => (
            <Item
              key={s}
              color={STATUS[s].color}
              icon={statusIcon(s)}
              label={t(STATUS[s].label)}
              count={counts[s] ?? 0}
              testId={`summary-${s}`}
            />
          ))}
        </ul>
      ) : null}
    </>
  );
}
