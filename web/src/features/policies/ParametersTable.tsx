import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ParameterValue, PolicyParameter } from '../../../../common/policies';
import { useI18n } from '../../app/i18n';
import { formatFen, formatPercentValue } from '../../components/money';
import { StatusTag } from '../../components/StatusTag';
import { textOf } from '../../components/policies/labels';
import { ScrollRegion } from '../../components/ScrollRegion';

interface Row extends ParameterValue {
  key: string;
  param: PolicyParameter;
  first: boolean;
  span: number;
}

/** A version's parameters, each value with the date it applies from and its citation; 待定 values marked. */
export function ParametersTable({ parameters, testId }: { parameters: readonly PolicyParameter[]; testId?: string }) {
  const { t, locale } = useI18n();
  const rows: Row[] = parameters.flatMap((p) =>
    p.values.map((v, i) => ({ ...v, key: `${p.name}-${i}`, param: p, first: i === 0, span: p.values.length })),
  );
  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      title: t('pol.param.name'),
      onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }),
      render: (_, r) => (
        <>
          <div>{textOf(r.param, locale)}</div>
          <Typography.Text code style={{ fontSize: 12 }}>
            {r.param.name}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'from',
      title: t('pol.param.from'),
      dataIndex: 'from',
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
    },
    {
      key: 'value',
      title: t('pol.param.value'),
      align: 'right',
      render: (_, r) =>
        r.value === null ? (
          <StatusTag tone="warn">{t('pol.param.unset')}</StatusTag>
        ) : (
          <span style={{ whiteSpace: 'nowrap' }} data-testid={`param-value-${r.param.name}`}>
            {r.param.unit === 'fen' ? formatFen(r.value, locale) : formatPercentValue(r.value, locale)}
          </span>
        ),
    },
    { key: 'citation', title: t('pol.param.citation'), dataIndex: 'citation' },
  ];
  return (
    <ScrollRegion label={t('pol.param.tableLabel')}>
      <Table<Row> rowKey="key" size="small" bordered columns={columns} dataSource={rows} pagination={false} data-testid={testId} />
    </ScrollRegion>
  );
}
