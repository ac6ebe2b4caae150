import { Collapse, Typography } from 'antd';
import { Table } from 'antd';
import type { DashboardView, IndicatorSummary } from '../../../../common/contracts/plans';
import type { PlanDetail } from '../../api/plans';
import { useI18n } from '../../app/i18n';
import { ExportButton } from '../../components/ExportButton';
import { formatPercent } from '../../components/format';
import { KEY_TASK_MIN_WIDTH, keyTasksExportTable, useKeyTaskColumns } from './keyTaskColumns';
import { groupTitle } from './taskTitles';

interface Props {
  groups: DashboardView['keyTasks'];
  plan: PlanDetail | undefined;
  /** Link to an indicator's page, keeping the filters. */
  linkTo: (code: string) => string;
  exportTitle: string;
}

/** The key-task targets, one table per goal or task, all with one column layout, each group with its progress. */
export function KeyTasks({ groups, plan, linkTo, exportTitle }: Props) {
  const { t, locale } = useI18n();
  const titled = groups.map((g) => ({ ...g, heading: groupTitle(g.taskNo, plan, g.title, t, locale) }));
  const columns = useKeyTaskColumns(linkTo);

  return (
    <section aria-labelledby="key-tasks-heading" style={{ marginTop: 24 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, marginBottom: 12 }}>
        <Typography.Title level={2} id="key-tasks-heading" style={{ fontSize: 18, margin: 0 }}>
          {t('dashboard.keyTasks')}
        </Typography.Title>
        <ExportButton
          table={() => keyTasksExportTable(exportTitle, titled, t, locale)}
          disabled={titled.length === 0}
          data-testid="key-tasks-export"
        />
      </div>
      <Collapse
        defaultActiveKey={titled.map((g) => g.taskNo ?? 'other')}
        items={titled.map((g) => ({
          key: g.taskNo ?? 'other',
          label: (
            <span style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: 16 }}>
              <span>{t('tasks.heading', { title: g.heading, n: g.indicators.length })}</span>
              <Typography.Text type="secondary" data-testid={`key-task-progress-${g.taskNo ?? 'other'}`}>
                {g.progress.share === null
                  ? t('tasks.progressNone')
                  : t('tasks.progress', {
                      share: formatPercent(g.progress.share, locale, 0),
                      measured: g.progress.measured,
                      n: g.progress.total,
                    })}
              </Typography.Text>
            </span>
          ),
          children: (
            <Table<IndicatorSummary>
              rowKey="code"
              size="small"
              columns={columns}
              dataSource={g.indicators}
              pagination={false}
              tableLayout="fixed"
              scroll={{ x: KEY_TASK_MIN_WIDTH }}
              data-testid={`key-task-${g.taskNo ?? 'other'}`}
            />
          ),
        }))}
        data-testid="key-tasks"
      />
    </section>
  );
}
