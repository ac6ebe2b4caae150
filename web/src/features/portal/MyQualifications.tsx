import { useQuery } from '@tanstack/react-query';
import { myPrechecksQuery } from '../../api/portal';
import type { EnterpriseView } from '../../api/registry';
import { Loading } from '../../app/Loading';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QualificationsSection } from '../../components/registry/QualificationsSection';
import { PrechecksPanel } from '../../components/registry/PrechecksPanel';

/** My certificates, and how close the register's figures put me to high-tech and tech-SME status. */
export function MyQualifications({ enterprise }: { enterprise: EnterpriseView }) {
  const t = useT();
  const prechecks = useQuery(myPrechecksQuery());
  return (
    <>
      <QualificationsSection enterprise={enterprise} editable={false} title={t('my.quals')} />
      {prechecks.isError ? <ErrorAlert error={prechecks.error} onRetry={() => void prechecks.refetch()} /> : null}
      {prechecks.isPending ? <Loading /> : null}
      {prechecks.data ? <PrechecksPanel data={prechecks.data} /> : null}
    </>
  );
}
