import { Collapse, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { DashboardView, IndicatorSummary } from '../../../../common/contracts/plans';
import type { PlanDetail } from '../../api/plans';
import { useI18n } from '../../app/i18n';
import { ExportButton } from '../../components/ExportButton';
import { formatPercent } from '../../components/format';
import { StatusTag } from '../../components/StatusTag';
import { indicatorName, mainTarget, targetText, valueText } from '../../components/monitoring/indicatorText';
import { ProgressTag } from '../../components/monitoring/ProgressTag';
import { STATUS } from '../../components/monitoring/status';
import { groupTitle } from './taskTitles';

interface Props {
  groups: DashboardView['keyTasks'];
  plan: PlanDetail | undefined;
  /** Link to an indicator's page, keeping the filters. */
  linkTo: (code: string) => string;
  exportTitle: string;
}

/** The key-task targets, one table per goal or task. */
export function KeyTasks({ groups, plan, linkTo, exportTitle }: Props) {
  const { t, locale } = useI18n();
  const titled = groups.map((g) => ({ ...g, heading: groupTitle(g.taskNo, plan, g.title, t, locale) }));

  const columns: TableColumnsType<IndicatorSummary> = [
    {
      key: 'name',
      title: t('indicator.name'),
      render: (_, ind) => <Link to={linkTo(ind.code)}>{indicatorName(ind, locale)}</Link>,
    },
    {
      key: 'latest',
      title: t('indicator.latest'),
      align: 'right',
      render: (_, ind) =>
        ind.latest ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {valueText(ind, ind.latest.value, locale)}{' '}
            <Typography.Text type="secondary">{t('card.latestYear', { year: ind.latest.year })}</Typography.Text>
            {ind.latest.unapproved ? (
              <>
                {' '}
                <StatusTag tone="warn">{t('card.unapproved')}</StatusTag>
              </>
            ) : null}
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'target',
      title: t('indicator.target'),
      align: 'right',
      render: (_, ind) => {
        const target = mainTarget(ind);
        return target ? t('indicator.targetAt', { target: targetText(ind, target, locale), year: target.year }) : '—';
      },
    },
    {
      key: 'status',
      title: t('indicator.status'),
      render: (_, ind) => <ProgressTag status={ind.progress.status} data-testid={`task-status-${ind.code}`} />,
    },
    {
      key: 'share',
      title: t('indicator.shareOfWay'),
      align: 'right',
      render: (_, ind) => (ind.progress.shareOfWay === null ? '—' : formatPercent(ind.progress.shareOfWay, locale, 0)),
    },
  ];

  const exportTable = () => ({
    title: exportTitle,
    columns: [
      { key: 'group', title: t('tasks.group') },
      { key: 'code', title: t('indicator.code') },
      { key: 'name', title: t('indicator.name') },
      { key: 'unit', title: t('common.unit') },
      { key: 'latestYear', title: t('indicator.latestYear') },
      { key: 'latest', title: t('indicator.latest') },
      { key: 'unapproved', title: t('card.unapproved') },
      { key: 'targetYear', title: t('indicator.targetYear') },
      { key: 'target', title: t('indicator.target') },
      { key: 'status', title: t('indicator.status') },
      { key: 'share', title: t('indicator.shareOfWay') },
    ],
    rows: titled.flatMap((g) =>
      g.indicators.map((ind) => {
        const target = mainTarget(ind);
        return {
          group: g.heading,
          code: ind.code,
          name: indicatorName(ind, locale),
          unit: ind.unit,
          latestYear: ind.latest?.year ?? null,
          latest: ind.latest?.value ?? null,
          unapproved: ind.latest?.unapproved ? t('card.unapproved') : '',
          targetYear: target?.year ?? null,
          target: target ? targetText(ind, target, locale) : null,
          status: t(STATUS[ind.progress.status].label),
          share: ind.progress.shareOfWay,
        };
      }),
    ),
  });

  return (
    <section aria-labelledby="key-tasks-heading" style={{ marginTop: 24 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, marginBottom: 12 }}>
        <Typography.Title level={2} id="key-tasks-heading" style={{ fontSize: 18, margin: 0 }}>
          {t('dashboard.keyTasks')}
        </Typography.Title>
        <ExportButton table={exportTable} disabled={titled.length === 0} data-testid="key-tasks-export" />
      </div>
      <Collapse
        defaultActiveKey={titled.map((g) => g.taskNo ?? 'other')}
        items={titled.map((g) => ({
          key: g.taskNo ?? 'other',
          label: t('tasks.heading', { title: g.heading, n: g.indicators.length }),
          children: (
            <Table<IndicatorSummary>
              rowKey="code"
              size="small"
              columns={columns}
              dataSource={g.indicators}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid={`key-task-${g.taskNo ?? 'other'}`}
            />
          ),
        }))}
        data-testid="key-tasks"
      />
    </section>
  );
}
