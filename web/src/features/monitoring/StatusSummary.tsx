import type { ProgressStatus } from '../../../../common/progress';
import { useT } from '../../app/i18n';
import { statusIcon } from '../../components/monitoring/ProgressTag';
import { STATUS, STATUS_ORDER } from '../../components/monitoring/status';

/** How many indicators are in each status: a coloured bar, an icon and the status in words. */
export function StatusSummary({ counts }: { counts: Partial<Record<ProgressStatus, number>> }) {
  const t = useT();
  return (
    <ul
      aria-label={t('dashboard.summary')}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0, margin: '0 0 16px' }}
      data-testid="status-summary"
    >
      {STATUS_ORDER.map((s) => (
        <li
          key={s}
          data-testid={`summary-${s}`}
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            background: '#fff',
            borderInlineStart: `6px solid ${STATUS[s].color}`,
            borderRadius: 6,
            padding: '8px 16px',
            minWidth: 150,
          }}
        >
          <span style={{ color: STATUS[s].color, fontSize: 18 }}>{statusIcon(s)}</span>
          <span style={{ flex: 1 }}>{t(STATUS[s].label)}</span>
          <strong style={{ fontSize: 22 }}>{counts[s] ?? 0}</strong>
        </li>
      ))}
    </ul>
  );
}
