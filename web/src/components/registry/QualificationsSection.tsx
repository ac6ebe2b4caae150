import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { EnterpriseView, QualificationView } from '../../api/registry';
import { useT } from '../../app/i18n';
import { DemoTag } from '../DemoTag';
import { Section } from '../Section';
import { QualificationStatus } from './QualificationStatus';
import { useRegistryTypes } from './useRegistryTypes';
import { QualificationModal } from './QualificationModal';
import { RevokeModal } from './RevokeModal';

/** An enterprise's certificates with their validity; editors add and revoke. Read-only in the portal. */
export function QualificationsSection({ enterprise, editable, title }: { enterprise: EnterpriseView; editable: boolean; title: string }) {
  const t = useT();
  const types = useRegistryTypes();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<QualificationView | null>(null);

  const columns: TableColumnsType<QualificationView> = [
    {
      key: 'type',
      title: t('qual.type'),
      render: (_, q) => (
        <>
          {types.qualificationName(q.typeCode)}
          <DemoTag isDemo={q.isDemo} />
        </>
      ),
    },
    { key: 'number', title: t('qual.number'), render: (_, q) => q.number ?? '—' },
    { key: 'issuedOn', title: t('qual.issuedOn'), dataIndex: 'issuedOn' },
    { key: 'validUntil', title: t('qual.validUntil'), render: (_, q) => q.validUntil ?? t('qual.noEnd') },
    { key: 'revokedOn', title: t('qual.revokedOn'), render: (_, q) => q.revokedOn ?? '—' },
    { key: 'status', title: t('qual.status'), render: (_, q) => <QualificationStatus q={q} /> },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, q: QualificationView) =>
              q.revokedOn ? null : (
                <Button type="link" danger onClick={() => setRevoking(q)} data-testid={`qual-revoke-${q.id}`}>
                  {t('qual.revoke')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Section
      title={title}
      testId="enterprise-qualifications"
      extra={
        editable ? (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="qual-add">
            {t('qual.add')}
          </Button>
        ) : null
      }
    >
      <Table<QualificationView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={enterprise.qualifications}
        pagination={false}
        locale={{ emptyText: t('qual.none') }}
        onRow={(q) =>
          ({
            'data-testid': `qual-row-${q.id}`,
            'data-type': q.typeCode,
            'data-valid': String(q.validToday),
          }) as HTMLAttributes<HTMLElement>
        }
        scroll={{ x: 'max-content' }}
      />
      {editable ? (
        <>
          <QualificationModal enterprise={enterprise} open={adding} onClose={() => setAdding(false)} />
          <RevokeModal target={revoking} onClose={() => setRevoking(null)} />
        </>
      ) : null}
    </Section>
  );
}
