import { Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { DashboardView, IndicatorSummary } from '../../../../common/contracts/plans';
import type { ExportTable } from '../../api/exports';
import { useI18n, type TFunction } from '../../app/i18n';
import type { Locale } from '../../../../common/enums';
import { StatusTag } from '../../components/StatusTag';
import { indicatorName, mainTarget, targetText, valueText } from '../../components/monitoring/indicatorText';
import { unitText } from '../../components/format';
import { VERDICT, verdictDetail } from '../../components/monitoring/outcome';
import { ProgressTag } from '../../components/monitoring/ProgressTag';
import { ShareOfWay } from '../../components/monitoring/ShareOfWay';
import { STATUS } from '../../components/monitoring/status';
import { VerdictTag } from '../../components/monitoring/VerdictTag';

/**
 * The key-task tables' one column layout: every group's table uses these columns with these widths and a
 * fixed table layout, so the columns line up from group to group (the name takes what is left).
 */
export const KEY_TASK_WIDTHS = { latest: 210, target: 210, status: 130, share: 225 } as const;
/** The narrowest the tables get before they scroll inside their card. */
export const KEY_TASK_MIN_WIDTH = 1000;

export function useKeyTaskColumns(linkTo: (code: string) => string): TableColumnsType<IndicatorSummary> {
  const { t, locale } = useI18n();
  return [
    {
      key: 'name',
      title: t('indicator.name'),
      render: (_, ind) => <Link to={linkTo(ind.code)}>{indicatorName(ind, locale)}</Link>,
    },
    {
      key: 'latest',
      title: t('indicator.latest'),
      align: 'right',
      width: KEY_TASK_WIDTHS.latest,
      render: (_, ind) =>
        ind.latest ? (
          <span>
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
      width: KEY_TASK_WIDTHS.target,
      render: (_, ind) => {
        const target = mainTarget(ind);
        return target ? t('indicator.targetAt', { target: targetText(ind, target, locale), year: target.year }) : '—';
      },
    },
    {
      key: 'status',
      title: t('indicator.status'),
      width: KEY_TASK_WIDTHS.status,
      // After the target year the verdict replaces the trajectory status; its sentence is the tag's tooltip.
      render: (_, ind) =>
        ind.progress.verdict ? (
          <span title={verdictDetail(ind, ind.progress.verdict, t, locale)}>
            <VerdictTag outcome={ind.progress.verdict.outcome} data-testid={`task-verdict-${ind.code}`} />
          </span>
        ) : (
          <ProgressTag status={ind.progress.status} data-testid={`task-status-${ind.code}`} />
        ),
    },
    {
      key: 'share',
      title: t('indicator.shareOfWay'),
      width: KEY_TASK_WIDTHS.share,
      render: (_, ind) => <ShareOfWay share={ind.progress.share} data-testid={`task-share-${ind.code}`} />,
    },
  ];
}

/** The key-task targets of every group as one sheet: the shown columns plus the verdict's sentence and the raw share. */
export function keyTasksExportTable(
  title: string,
  groups: (DashboardView['keyTasks'][number] & { heading: string })[],
  t: TFunction,
  locale: Locale,
): ExportTable {
  return {
    title,
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
      { key: 'verdict', title: t('verdict.column') },
      { key: 'share', title: t('indicator.shareOfWay') },
    ],
    rows: groups.flatMap((g) =>
      g.indicators.map((ind) => {
        const target = mainTarget(ind);
        const verdict = ind.progress.verdict;
        return {
          group: g.heading,
          code: ind.code,
          name: indicatorName(ind, locale),
          unit: unitText(ind.unit, locale),
          latestYear: ind.latest?.year ?? null,
          latest: ind.latest?.value ?? null,
          unapproved: ind.latest?.unapproved ? t('card.unapproved') : '',
          targetYear: target?.year ?? null,
          target: target ? targetText(ind, target, locale) : null,
          status: verdict ? t(VERDICT[verdict.outcome].label) : t(STATUS[ind.progress.status].label),
          verdict: verdict ? verdictDetail(ind, verdict, t, locale) : '',
          share: ind.progress.share?.value ?? null,
        };
      }),
    ),
  };
}
