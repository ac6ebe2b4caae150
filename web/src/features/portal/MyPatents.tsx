import { useQuery } from '@tanstack/react-query';
import { myPatentsQuery } from '../../api/portal';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { PatentsTable } from '../../components/registry/PatentsTable';

export function MyPatents() {
  const t = useT();
  const query = useQuery(myPatentsQuery());
  return (
    <Section title={t('my.tab.patents')} testId="my-patents">
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <PatentsTable patents={query.data ?? []} loading={query.isFetching} testId="my-patents-table" />
      )}
    </Section>
  );
}
