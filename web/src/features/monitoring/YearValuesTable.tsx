import { HistoryOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { IndicatorValues } from '../../api/plans';
import { useI18n } from '../../app/i18n';
import { ExportButton } from '../../components/ExportButton';
import { formatNumber, unitText, withUnit } from '../../components/format';
import type { HistoryTarget } from '../../components/ValueHistoryDrawer';
import { valueText } from '../../components/monitoring/indicatorText';

type YearRow = IndicatorValues['values'][number];
type DataElement = IndicatorValues['indicator']['dataElements'][number];

interface Props {
  data: IndicatorValues;
  years: readonly number[];
  onHistory: (target: HistoryTarget) => void;
  exportTitle: string;
}

/** One input's value in a year, with the button that opens its history. */
function InputCell(props: { value: number | undefined; element: DataElement; name: string; year: number; onHistory: () => void }) {
  const { t, locale } = useI18n();
  const { value, element, name, year, onHistory } = props;
  if (value === undefined) return <span aria-label={t('values.noInput')}>—</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {withUnit(formatNumber(value, locale), element.unit, locale)}
      <Button
        type="link"
        size="small"
        icon={<HistoryOutlined aria-hidden />}
        aria-label={t('values.historyOf', { name, year })}
        title={t('values.history')}
        onClick={onHistory}
        data-testid={`history-${element.code}-${year}`}
      />
    </span>
  );
}

/** Every year with the indicator's value, the inputs it is computed from, and why a year has no value. */
export function YearValuesTable({ data, years, onHistory, exportTitle }: Props) {
  const { t, locale } = useI18n();
  const ind = data.indicator;
  const des = ind.dataElements;
  const deName = (d: DataElement) => (locale === 'zh-CN' ? d.nameZh : d.nameEn);
  // Years without any input are not in the answer: they are gaps with every input missing.
  const byYear = new Map(data.values.map((v) => [v.year, v]));
  const rows: YearRow[] = years.map(
    (year) =>
      byYear.get(year) ?? {
        year,
        value: null,
        reason: 'missing',
        missing: des.map((d) => d.code),
        inputs: {},
        reported: null,
        computed: null,
        difference: null,
      },
  );

  const gapText = (row: YearRow): string => {
    if (row.value !== null) return '';
    if (row.reason === 'zero_denominator') return t('values.gap.zero');
    if (row.reason === 'not_finite') return t('values.gap.notFinite');
    const names = (row.missing ?? []).map((c) => {
      const d = des.find((x) => x.code === c);
      return d ? deName(d) : c;
    });
    return t('values.gap.missing', { names: names.join(t('common.listSep')) || '—' });
  };

  const columns: TableColumnsType<YearRow> = [
    { key: 'year', title: t('values.year'), dataIndex: 'year', width: 80 },
    {
      key: 'value',
      title: t('values.value', { unit: unitText(ind.unit, locale) }),
      align: 'right',
      render: (_, row) => (row.value === null ? '—' : valueText(ind, row.value, locale)),
    },
    {
      key: 'reported',
      title: t('values.reported'),
      align: 'right',
      render: (_, row) => (row.reported === null ? '—' : valueText(ind, row.reported, locale)),
    },
    {
      key: 'computed',
      title: t('values.computed'),
      align: 'right',
      render: (_, row) => (row.computed === null ? '—' : valueText(ind, row.computed, locale)),
    },
    {
      key: 'difference',
      title: t('values.difference'),
      align: 'right',
      render: (_, row) => (row.difference === null ? '—' : `${row.difference > 0 ? '+' : ''}${valueText(ind, row.difference, locale)}`),
    },
    ...des.map((d) => ({
      key: `in-${d.code}`,
      title: (
        <span>
          {deName(d)}
          <br />
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {d.code} · {unitText(d.unit, locale)}
          </Typography.Text>
        </span>
      ),
      align: 'right' as const,
      render: (_: unknown, row: YearRow) => (
        <InputCell
          value={row.inputs[d.code]}
          element={d}
          name={deName(d)}
          year={row.year}
          onHistory={() =>
            onHistory({ dataElement: d.code, orgUnit: data.orgUnit.code, period: String(row.year), name: deName(d), unit: d.unit })
          }
        />
      ),
    })),
    { key: 'gap', title: t('values.gap'), render: (_, row) => gapText(row) },
  ];

  const exportTable = () => ({
    title: exportTitle,
    columns: [
      { key: 'year', title: t('values.year') },
      { key: 'value', title: t('values.value', { unit: unitText(ind.unit, locale) }) },
      ...des.map((d) => ({ key: d.code, title: t('values.withUnit', { name: deName(d), unit: unitText(d.unit, locale) }) })),
      { key: 'gap', title: t('values.gap') },
    ],
    rows: rows.map((r) => ({
      year: r.year,
      value: r.value,
      ...Object.fromEntries(des.map((d) => [d.code, r.inputs[d.code] ?? null])),
      gap: gapText(r),
    })),
  });

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ExportButton table={exportTable} data-testid="values-export" />
      </div>
      <Table<YearRow>
        rowKey="year"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="values-table"
      />
    </>
  );
}
