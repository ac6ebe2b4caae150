import { CheckOutlined } from '@ant-design/icons';
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { StatementView } from '../../../../common/contracts/plans';
import type { IndicatorValues } from '../../api/plans';
import { useI18n } from '../../app/i18n';
import { ExportButton } from '../ExportButton';
import { targetText } from './indicatorText';
import { unitText } from '../format';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Clauses of the plan keep their table layout (tabs) readable on one line. */
export const clauseText = (clause: string) => clause.replace(/\t+/g, ' │ ');

/** Every baseline and target the plan states for the indicator, with where it says so. */
export function StatementsTable({ data, exportTitle }: { data: IndicatorValues; exportTitle: string }) {
  const { t, locale } = useI18n();
  const ind = data.indicator;
  const rows = [...data.statements].sort((a, b) => a.kind.localeCompare(b.kind) || a.year - b.year);

  const columns: TableColumnsType<StatementView> = [
    {
      key: 'kind',
      title: t('statement.kind'),
      render: (_, s) => <span style={nowrap}>{t(s.kind === 'baseline' ? 'statement.baseline' : 'statement.target')}</span>,
    },
    { key: 'year', title: t('statement.year'), dataIndex: 'year' },
    { key: 'org', title: t('filters.orgUnit'), dataIndex: 'orgUnitCode' },
    {
      key: 'value',
      title: t('statement.value'),
      align: 'right',
      render: (_, s) => <span style={nowrap}>{targetText(ind, s, locale)}</span>,
    },
    { key: 'section', title: t('statement.section'), dataIndex: 'section' },
    {
      key: 'clause',
      title: t('statement.clause'),
      render: (_, s) => (
        <span lang="zh-CN" style={{ display: 'inline-block', maxWidth: 480, whiteSpace: 'normal' }}>
          {clauseText(s.clause)}
        </span>
      ),
    },
    {
      key: 'authoritative',
      title: t('statement.authoritative'),
      render: (_, s) =>
        s.authoritative ? (
          <Tag variant="solid" color="#135200" icon={<CheckOutlined aria-hidden />} data-testid={`authoritative-${s.id}`}>
            {t('statement.isAuthoritative')}
          </Tag>
        ) : (
          <span>{t('statement.notAuthoritative')}</span>
        ),
    },
  ];

  const exportTable = () => ({
    title: exportTitle,
    columns: [
      { key: 'kind', title: t('statement.kind') },
      { key: 'year', title: t('statement.year') },
      { key: 'org', title: t('filters.orgUnit') },
      { key: 'comparator', title: t('statement.comparator') },
      { key: 'value', title: t('statement.value') },
      { key: 'unit', title: t('common.unit') },
      { key: 'section', title: t('statement.section') },
      { key: 'clause', title: t('statement.clause') },
      { key: 'authoritative', title: t('statement.authoritative') },
    ],
    rows: rows.map((s) => ({
      kind: t(s.kind === 'baseline' ? 'statement.baseline' : 'statement.target'),
      year: s.year,
      org: s.orgUnitCode,
      comparator: s.comparator,
      value: s.value,
      unit: unitText(ind.unit, locale),
      section: s.section,
      clause: s.clause,
      authoritative: s.authoritative ? t('statement.isAuthoritative') : '',
    })),
  });

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ExportButton table={exportTable} disabled={rows.length === 0} data-testid="statements-export" />
      </div>
      <Table<StatementView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="statements-table"
      />
    </>
  );
}
