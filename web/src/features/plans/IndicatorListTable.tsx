import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { IndicatorSummary } from '../../../../common/contracts/plans';
import type { ProgressStatus } from '../../../../common/progress';
import { useI18n } from '../../app/i18n';
import { ExportButton } from '../../components/ExportButton';
import { formatPercent, unitText } from '../../components/format';
import { indicatorName, mainTarget, targetText, valueText } from '../../components/monitoring/indicatorText';
import { ProgressTag } from '../../components/monitoring/ProgressTag';
import { STATUS, STATUS_ORDER } from '../../components/monitoring/status';

const nowrap = { whiteSpace: 'nowrap' } as const;

// Statements that repeat the main target add nothing here; the ones that disagree are worth seeing.
const otherTargets = (ind: IndicatorSummary) => {
  const main = mainTarget(ind);
  return ind.targets.filter((x) => x !== main && (x.value !== main?.value || x.year !== main.year));
};

/** The main target, and below it the statements that set another. */
function TargetsCell({ ind }: { ind: IndicatorSummary }) {
  const { t, locale } = useI18n();
  const main = mainTarget(ind);
  if (!main) return '—';
  return (
    <span style={{ display: 'inline-block', minWidth: 180 }}>
      {t('indicator.targetAt', { target: targetText(ind, main, locale), year: main.year })}
      {otherTargets(ind).map((x, i) => (
        <Typography.Text key={i} type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('indicator.otherTarget', { target: targetText(ind, x, locale), year: x.year, source: x.source })}
        </Typography.Text>
      ))}
    </span>
  );
}

interface Props {
  indicators: IndicatorSummary[];
  loading: boolean;
  linkTo: (code: string) => string;
  exportTitle: string;
}

/** All indicators of the plan: unit, direction, baseline, targets, latest value and status. */
export function IndicatorListTable({ indicators, loading, linkTo, exportTitle }: Props) {
  const { t, locale } = useI18n();
  const direction = (ind: IndicatorSummary) => t(ind.direction === 'increase' ? 'direction.increaseShort' : 'direction.decreaseShort');

  const columns: TableColumnsType<IndicatorSummary> = [
    {
      key: 'name',
      title: t('indicator.name'),
      render: (_, ind) => (
        <span style={{ display: 'inline-block', minWidth: 220 }}>
          <Link to={linkTo(ind.code)}>{indicatorName(ind, locale)}</Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {ind.code}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'unit',
      title: t('common.unit'),
      dataIndex: 'unit',
      render: (unit: string) => <span style={nowrap}>{unitText(unit, locale)}</span>,
    },
    { key: 'direction', title: t('indicator.direction'), render: (_, ind) => <span style={nowrap}>{direction(ind)}</span> },
    {
      key: 'baseline',
      title: t('indicator.baseline'),
      align: 'right',
      render: (_, ind) =>
        ind.baseline ? (
          <span style={nowrap}>
            {t('indicator.valueAt', { value: valueText(ind, ind.baseline.value, locale), year: ind.baseline.year })}
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'targets',
      title: t('indicator.targets'),
      render: (_, ind) => <TargetsCell ind={ind} />,
    },
    {
      key: 'latest',
      title: t('indicator.latest'),
      align: 'right',
      render: (_, ind) =>
        ind.latest ? (
          <span style={nowrap}>{t('indicator.valueAt', { value: valueText(ind, ind.latest.value, locale), year: ind.latest.year })}</span>
        ) : (
          '—'
        ),
    },
    {
      key: 'status',
      title: t('indicator.status'),
      filters: STATUS_ORDER.map((s) => ({ value: s, text: t(STATUS[s].label) })),
      onFilter: (value, ind) => ind.progress.status === (value as ProgressStatus),
      render: (_, ind) => <ProgressTag status={ind.progress.status} data-testid={`list-status-${ind.code}`} />,
    },
  ];

  const exportTable = () => ({
    title: exportTitle,
    columns: [
      { key: 'code', title: t('indicator.code') },
      { key: 'name', title: t('indicator.name') },
      { key: 'unit', title: t('common.unit') },
      { key: 'direction', title: t('indicator.direction') },
      { key: 'baselineYear', title: t('indicator.baselineYear') },
      { key: 'baseline', title: t('indicator.baseline') },
      { key: 'targetYear', title: t('indicator.targetYear') },
      { key: 'comparator', title: t('statement.comparator') },
      { key: 'target', title: t('indicator.target') },
      { key: 'otherTargets', title: t('indicator.otherTargets') },
      { key: 'latestYear', title: t('indicator.latestYear') },
      { key: 'latest', title: t('indicator.latest') },
      { key: 'status', title: t('indicator.status') },
      { key: 'share', title: t('indicator.shareOfWay') },
    ],
    rows: indicators.map((ind) => {
      const main = mainTarget(ind);
      return {
        code: ind.code,
        name: indicatorName(ind, locale),
        unit: unitText(ind.unit, locale),
        direction: direction(ind),
        baselineYear: ind.baseline?.year ?? null,
        baseline: ind.baseline?.value ?? null,
        targetYear: main?.year ?? null,
        comparator: main?.comparator ?? null,
        target: main?.value ?? null,
        otherTargets: otherTargets(ind)
          .map((x) => t('indicator.otherTarget', { target: targetText(ind, x, locale), year: x.year, source: x.source }))
          .join(t('common.semi')),
        latestYear: ind.latest?.year ?? null,
        latest: ind.latest?.value ?? null,
        status: t(STATUS[ind.progress.status].label),
        share: ind.progress.shareOfWay === null ? null : formatPercent(ind.progress.shareOfWay, locale, 0),
      };
    }),
  });

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ExportButton table={exportTable} disabled={indicators.length === 0} data-testid="indicators-export" />
      </div>
      <Table<IndicatorSummary>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={indicators}
        loading={loading}
        pagination={false}
        data-testid="indicators-table"
      />
    </>
  );
}
