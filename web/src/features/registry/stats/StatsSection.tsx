import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { REGISTRY_KEY, approveStats, statsQuery, type StatsView } from '../../../api/registry';
import { useT } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorText } from '../../../components/errors';
import { ExportButton } from '../../../components/ExportButton';
import { Section } from '../../../components/Section';
import { STAT_FIELDS } from '../../../components/registry/labels';
import { StatsModal, type StatsModalState } from './StatsModal';
import { StatsTable } from '../../../components/registry/StatsTable';
import { useStatLabel } from '../../../components/registry/StatsFields';
import { thisYear } from '../../../components/isoDate';

/** Years from the previous one back, for adding figures. */
const recentYears = (n: number) => Array.from({ length: n }, (_, i) => thisYear() - 1 - i);

/** An enterprise's annual figures; the bureau enters, corrects and approves them (approved years are locked). */
export function StatsSection({ enterprise, editable }: { enterprise: { id: string; name: string }; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const label = useStatLabel();
  const query = useQuery(statsQuery(enterprise.id));
  const [modal, setModal] = useState<StatsModalState>(null);
  const stats = query.data ?? [];
  const freeYears = recentYears(10).filter((y) => !stats.some((s) => s.year === y));
  const approve = useMutation({
    mutationFn: (year: number) => approveStats(enterprise.id, year),
    onSuccess: async (_, year) => {
      await client.invalidateQueries({ queryKey: REGISTRY_KEY });
      void message.success(t('stats.approvedDone', { year }));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const actions = (s: StatsView) =>
    s.status === 'approved' ? null : (
      <Space size={0}>
        <Button type="link" onClick={() => setModal({ year: s.year, existing: s })} data-testid={`stats-edit-${s.year}`}>
          {t('common.edit')}
        </Button>
        <Popconfirm
          title={t('stats.approveConfirm', { year: s.year })}
          onConfirm={() => approve.mutateAsync(s.year).catch(() => undefined)}
        >
          <Button type="link" data-testid={`stats-approve-${s.year}`}>
            {t('stats.approve')}
          </Button>
        </Popconfirm>
      </Space>
    );

  const exportTable = () => ({
    title: t('stats.exportTitle', { name: enterprise.name }),
    columns: [
      { key: 'year', title: t('stats.year') },
      { key: 'status', title: t('stats.status') },
      ...STAT_FIELDS.map((f) => ({ key: f, title: label(f) })),
    ],
    rows: stats.map((s) => ({
      ...Object.fromEntries(STAT_FIELDS.map((f) => [f, s[f]])),
      year: s.year,
      status: t(`stats.status.${s.status}`),
    })),
  });

  return (
    <Section
      title={t('detail.stats')}
      testId="enterprise-stats"
      extra={
        <Space wrap>
          <ExportButton table={exportTable} disabled={stats.length === 0} data-testid="stats-export" />
          {editable ? (
            <Button
              icon={<PlusOutlined aria-hidden />}
              disabled={freeYears.length === 0}
              onClick={() => setModal({ year: null, existing: null })}
              data-testid="stats-add"
            >
              {t('stats.add')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('stats.unitNote')}</Typography.Paragraph>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <StatsTable stats={stats} loading={query.isFetching} actions={editable ? actions : undefined} />
      )}
      {editable ? <StatsModal enterpriseId={enterprise.id} state={modal} freeYears={freeYears} onClose={() => setModal(null)} /> : null}
    </Section>
  );
}
