import { useQuery } from '@tanstack/react-query';
import { conflictsQuery, plansQuery } from '../../api/plans';
import { useT } from '../../app/i18n';

/** Beside the navigation entry: how many conflicts in the plan still wait for a decision. */
export default function ConflictBadge() {
  const t = useT();
  const plan = useQuery(plansQuery()).data?.[0];
  const conflicts = useQuery({ ...conflictsQuery(plan?.id ?? ''), enabled: plan !== undefined }).data;
  const open = conflicts?.filter((c) => c.resolution === null).length ?? 0;
  if (open === 0) return null;
  return (
    <>
      <span
        aria-hidden
        data-testid="nav-consistency-count"
        style={{
          marginInlineStart: 8,
          display: 'inline-block',
          minWidth: 20,
          padding: '0 6px',
          borderRadius: 10,
          background: '#a8071a',
          color: '#fff',
          fontSize: 12,
          lineHeight: '20px',
          textAlign: 'center',
        }}
      >
        {open}
      </span>
      <span className="kc-sr-only">{t('consistency.openCount', { n: open })}</span>
    </>
  );
}
