import type { DataValueView } from '../../../common/contracts/datavalues';
import { useT } from '../app/i18n';
import { StatusTag } from './StatusTag';

const TONES = { draft: 'off', submitted: 'warn', approved: 'ok' } as const;

/** 草稿 / 待审核 / 已审核 (locked), or 未填报 when there is no value yet. */
export function ValueStatusTag({ status }: { status: DataValueView['status'] | null }) {
  const t = useT();
  if (!status) return <span>{t('value.status.none')}</span>;
  return <StatusTag tone={TONES[status]}>{t(`value.status.${status}`)}</StatusTag>;
}
