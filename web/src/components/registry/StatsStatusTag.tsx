import type { StatsView } from '../../api/registry';
import { useT } from '../../app/i18n';
import { StatusTag } from '../StatusTag';

const TONES = { draft: 'off', submitted: 'warn', approved: 'ok' } as const;

export function StatsStatusTag({ status }: { status: StatsView['status'] }) {
  const t = useT();
  return <StatusTag tone={TONES[status]}>{t(`stats.status.${status}`)}</StatusTag>;
}
