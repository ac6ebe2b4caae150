import type { QualificationView } from '../../api/registry';
import { useT } from '../../app/i18n';
import { StatusTag } from '../StatusTag';

/** Valid today, revoked, or no longer valid (ended, or not yet begun). */
export function QualificationStatus({ q }: { q: Pick<QualificationView, 'validToday' | 'revokedOn'> }) {
  const t = useT();
  if (q.validToday) return <StatusTag tone="ok">{t('qual.valid')}</StatusTag>;
  if (q.revokedOn) return <StatusTag tone="error">{t('qual.revoked')}</StatusTag>;
  return <StatusTag tone="off">{t('qual.ended')}</StatusTag>;
}
