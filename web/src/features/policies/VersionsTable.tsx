import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { PolicyVersion } from '../../api/policies';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/session';
import { formatBeijing } from '../../components/format';
import { StatusTag } from '../../components/StatusTag';
import { VERSION_TONES } from '../../components/policies/labels';
import { noteOrMessage } from '../../components/policies/policyMessage';
import { whoText } from '../../components/policies/who';
import { ScrollRegion } from '../../components/ScrollRegion';

/** Every version, newest first: who made it, who approved it and when. */
export function VersionsTable({ versions }: { versions: readonly PolicyVersion[] }) {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const columns: TableColumnsType<PolicyVersion> = [
    { key: 'version', title: t('pol.version'), render: (_, v) => `v${v.version}`, width: 72 },
    {
      key: 'status',
      title: t('pol.status'),
      render: (_, v) => <StatusTag tone={VERSION_TONES[v.status]}>{t(`pol.version.${v.status}`)}</StatusTag>,
    },
    { key: 'note', title: t('pol.note'), render: (_, v) => noteOrMessage(v, t, locale) ?? '—' },
    {
      key: 'created',
      title: t('pol.createdBy'),
      render: (_, v) => `${whoText(v.createdBy, me, t)} · ${formatBeijing(v.createdAt)}`,
    },
    {
      key: 'approved',
      title: t('pol.approvedBy'),
      render: (_, v) => (v.approvedAt ? `${whoText(v.approvedBy, me, t)} · ${formatBeijing(v.approvedAt)}` : '—'),
    },
  ];
  return (
    <ScrollRegion label={t('pol.versions')}>
      <Table<PolicyVersion>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...versions]}
        pagination={false}
        onRow={(v) => ({ 'data-testid': `version-row-${v.version}`, 'data-status': v.status }) as HTMLAttributes<HTMLElement>}
        data-testid="versions-table"
      />
    </ScrollRegion>
  );
}
