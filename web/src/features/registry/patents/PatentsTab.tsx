import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { patentsQuery, type PatentView } from '../../../api/registry';
import { useT } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/ExportButton';
import type { TabProps } from '../RegistryPage';
import { PATENT_STATUSES, PATENT_TYPES } from '../../../components/registry/labels';
import { PatentDrawer } from './PatentDrawer';
import { PatentsTable, patentsExport } from '../../../components/registry/PatentsTable';

export default function PatentsTab({ creating, onCreateClose }: TabProps) {
  const t = useT();
  const query = useQuery(patentsQuery());
  const [q, setQ] = useState('');
  const [type, setType] = useState<PatentView['type'] | undefined>();
  const [status, setStatus] = useState<PatentView['status'] | undefined>();
  const needle = q.trim().toLowerCase();
  const rows = (query.data ?? []).filter(
    (p) =>
      (!type || p.type === type) &&
      (!status || p.status === status) &&
      (!needle ||
        p.number.toLowerCase().includes(needle) ||
        p.title.toLowerCase().includes(needle) ||
        p.owners.some((o) => o.creditCode.toLowerCase().includes(needle) || (o.name ?? '').toLowerCase().includes(needle))),
  );

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('common.search')} htmlFor="patent-q">
          <Input
            id="patent-q"
            prefix={<SearchOutlined aria-hidden />}
            allowClear
            placeholder={t('patent.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 240 }}
            data-testid="patent-search"
          />
        </Form.Item>
        <Form.Item label={t('patent.type')} htmlFor="patent-type">
          <Select
            id="patent-type"
            allowClear
            placeholder={t('patent.allTypes')}
            options={PATENT_TYPES.map((x) => ({ value: x, label: t(`patent.type.${x}`) }))}
            value={type}
            onChange={(v: PatentView['type'] | undefined) => setType(v ?? undefined)}
            style={{ width: 140 }}
          />
        </Form.Item>
        <Form.Item label={t('patent.status')} htmlFor="patent-status">
          <Select
            id="patent-status"
            allowClear
            placeholder={t('patent.allStatuses')}
            options={PATENT_STATUSES.map((x) => ({ value: x, label: t(`patent.status.${x}`) }))}
            value={status}
            onChange={(v: PatentView['status'] | undefined) => setStatus(v ?? undefined)}
            style={{ width: 140 }}
          />
        </Form.Item>
        <ExportButton
          table={() => patentsExport(rows, t('patent.exportTitle'), t)}
          disabled={rows.length === 0}
          data-testid="patent-export"
        />
      </Form>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <PatentsTable patents={rows} loading={query.isFetching} linkOwners />
      )}
      <PatentDrawer open={creating} onClose={onCreateClose} />
    </>
  );
}
