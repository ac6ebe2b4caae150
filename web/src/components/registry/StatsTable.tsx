import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import type { StatsView } from '../../api/registry';
import { useI18n } from '../../app/i18n';
import { DemoTag } from '../DemoTag';
import { ScrollRegion } from '../ScrollRegion';
import { formatNumber } from '../format';
import { STAT_FIELDS } from './labels';
import { StatsStatusTag } from './StatsStatusTag';
import { useStatLabel } from './StatsFields';

interface Props {
  stats: StatsView[];
  loading?: boolean;
  /** Row actions (edit, approve), when the user may use them. */
  actions?: (s: StatsView) => ReactNode;
}

/** One row per year: every figure, its status (draft, submitted, approved). */
export function StatsTable({ stats, loading, actions }: Props) {
  const { t, locale } = useI18n();
  const label = useStatLabel();
  const columns: TableColumnsType<StatsView> = [
    {
      key: 'year',
      title: t('stats.year'),
      render: (_, s) => (
        <>
          {s.year}
          <DemoTag isDemo={s.isDemo} />
        </>
      ),
    },
    { key: 'status', title: t('stats.status'), render: (_, s) => <StatsStatusTag status={s.status} /> },
    // Before the figures, so the actions stay in view however wide the table is.
    ...(actions ? [{ key: 'actions', title: t('common.actions'), render: (_: unknown, s: StatsView) => actions(s) }] : []),
    ...STAT_FIELDS.map((f) => ({
      key: f,
      title: label(f),
      align: 'right' as const,
      render: (_: unknown, s: StatsView) => (s[f] === null ? '—' : formatNumber(s[f], locale)),
    })),
  ];
  return (
    <ScrollRegion label={t('detail.stats')}>
      <Table<StatsView>
        rowKey="year"
        size="small"
        columns={columns}
        dataSource={[...stats].sort((a, b) => b.year - a.year)}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t('stats.none') }}
        onRow={(s) => ({ 'data-testid': `stats-row-${s.year}`, 'data-status': s.status }) as HTMLAttributes<HTMLElement>}
        data-testid="stats-table"
      />
    </ScrollRegion>
  );
}
