import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { enterprisesQuery, type EnterpriseFilters as Filters } from '../../../api/registry';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { TabProps } from '../RegistryPage';
import { EnterpriseDrawer } from './EnterpriseDrawer';
import { EnterpriseFilters } from './EnterpriseFilters';
import { EnterprisesTable } from './EnterprisesTable';

const FILTER_KEYS = ['q', 'orgUnit', 'tag', 'qualification', 'validOn'] as const;
const PAGE_SIZE = 50;

function positiveInt(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 500) : fallback;
}

/** The enterprise list; filters and page live in the URL, so a link or bookmark keeps them. */
export default function EnterprisesTab({ creating, onCreateClose }: TabProps) {
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<string | null>(null);
  const filters: Filters = Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), PAGE_SIZE);
  const query = useQuery(enterprisesQuery(filters, page, pageSize));

  const go = (next: Filters, nextPage = 1, nextSize = pageSize) => {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) p.set(k, next[k]);
    if (nextPage > 1) p.set('page', String(nextPage));
    if (nextSize !== PAGE_SIZE) p.set('pageSize', String(nextSize));
    setParams(p, { replace: true });
  };

  return (
    <>
      <EnterpriseFilters value={filters} onChange={(f) => go(f)} />
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <EnterprisesTable
          data={query.data}
          loading={query.isFetching}
          page={page}
          pageSize={pageSize}
          onPage={(p, size) => go(filters, size === pageSize ? p : 1, size)}
          onEdit={setEditing}
        />
      )}
      <EnterpriseDrawer
        state={creating ? { mode: 'create' } : editing ? { mode: 'edit', id: editing } : null}
        onClose={() => {
          onCreateClose();
          setEditing(null);
        }}
      />
    </>
  );
}
