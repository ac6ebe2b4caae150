import { Table, Typography } from 'antd';
import type { AuditEventView } from '../../../../common/contracts/audit';
import { useT } from '../../app/i18n';
import { formatValue } from './labels';

interface Row {
  field: string;
  before: unknown;
  after: unknown;
}

/** The expanded part of an audit row: each changed field, before → after. */
export function ChangesTable({ event }: { event: AuditEventView }) {
  const t = useT();
  const rows: Row[] = Object.entries(event.changes).map(([field, c]) => ({ field, before: c.before, after: c.after }));
  if (rows.length === 0) return <Typography.Text>{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table<Row>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      title={() => t('audit.changesOf', { id: event.id })}
      columns={[
        {
          key: 'field',
          title: t('audit.field'),
          dataIndex: 'field',
          width: 180,
          render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
        },
        {
          key: 'before',
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: unknown) => <span style={{ wordBreak: 'break-all' }}>{formatValue(v)}</span>,
        },
        {
          key: 'after',
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: unknown) => <span style={{ wordBreak: 'break-all' }}>{formatValue(v)}</span>,
        },
      ]}
    />
  );
}
