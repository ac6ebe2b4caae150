import { useQuery } from '@tanstack/react-query';
import { patentsQuery } from '../../../api/registry';
import { useT } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Section } from '../../../components/Section';
import { PatentsTable } from '../../../components/registry/PatentsTable';

/** Patents this enterprise owns (alone or jointly). */
export function EnterprisePatents({ enterpriseId }: { enterpriseId: string }) {
  const t = useT();
  // The API lists patents in scope without an owner filter; this page picks the enterprise's own.
  const query = useQuery(patentsQuery());
  const own = (query.data ?? []).filter((p) => p.owners.some((o) => o.enterpriseId === enterpriseId));
  return (
    <Section title={t('detail.patents')} testId="enterprise-patents">
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <PatentsTable patents={own} loading={query.isFetching} linkOwners />
      )}
    </Section>
  );
}
