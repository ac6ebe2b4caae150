import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { MY_KEY, myStatsQuery, saveMyStats } from '../../api/portal';
import type { StatsView } from '../../api/registry';
import { Loading } from '../../app/Loading';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import { Section } from '../../components/Section';
import { STAT_FIELDS } from '../../components/registry/labels';
import { StatsFields, toStatsInput, type StatsValues } from '../../components/registry/StatsFields';
import { StatsStatusTag } from '../../components/registry/StatsStatusTag';
import { StatsTable } from '../../components/registry/StatsTable';
import { thisYear } from '../../components/isoDate';

/** The last five years, and any older year that already has figures; newest first. */
function yearsOf(stats: StatsView[]): number[] {
  const last = thisYear() - 1;
  const recent = Array.from({ length: 5 }, (_, i) => last - i);
  return [...new Set([...recent, ...stats.map((s) => s.year)])].sort((a, b) => b - a);
}

/** The enterprise enters its annual figures year by year: a draft, then submitted; approved years are locked. */
export function MyStats() {
  const t = useT();
  const query = useQuery(myStatsQuery());
  const [picked, setPicked] = useState<number | null>(null);
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const stats = query.data;
  const years = yearsOf(stats);
  // By default the newest year still open for entry.
  const year = picked ?? years.find((y) => stats.find((s) => s.year === y)?.status !== 'approved') ?? years[0]!;
  const existing = stats.find((s) => s.year === year) ?? null;

  return (
    <>
      <Section title={t('my.tab.stats')}>
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('my.statsIntro')}</Typography.Paragraph>
        <Space style={{ marginBottom: 16 }}>
          <label htmlFor="my-stats-year">{t('stats.year')}</label>
          <Select<number>
            id="my-stats-year"
            value={year}
            onChange={setPicked}
            options={years.map((y) => {
              const s = stats.find((x) => x.year === y);
              return { value: y, label: `${t('stats.yearOption', { year: y })}${s ? ` · ${t(`stats.status.${s.status}`)}` : ''}` };
            })}
            style={{ width: 200 }}
            data-testid="my-stats-year"
          />
        </Space>
        <YearForm key={`${year}-${existing?.status ?? 'new'}`} year={year} existing={existing} />
      </Section>
      <Section title={t('detail.stats')}>
        <StatsTable stats={stats} />
      </Section>
    </>
  );
}

function YearForm({ year, existing }: { year: number; existing: StatsView | null }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<StatsValues>();
  const [submitIntent, setSubmitIntent] = useState(false);
  const locked = existing?.status === 'approved';
  const save = useMutation({
    mutationFn: ({ values, submit }: { values: StatsValues; submit: boolean }) => saveMyStats(year, toStatsInput(values, submit)),
    onSuccess: async (_, { submit }) => {
      await client.invalidateQueries({ queryKey: MY_KEY });
      void message.success(t(submit ? 'stats.submittedDone' : 'stats.savedDraft', { year }));
    },
  });
  const initial = existing ? Object.fromEntries(STAT_FIELDS.map((f) => [f, existing[f]])) : {};
  const submitWith = (submit: boolean) => {
    setSubmitIntent(submit);
    form.submit();
  };

  return (
    <div data-testid={`my-stats-${year}`} data-status={existing?.status ?? 'none'}>
      <p>
        {t('stats.editTitle', { year })} {existing ? <StatsStatusTag status={existing.status} /> : null}
      </p>
      {locked ? (
        <Alert type="info" showIcon title={t('stats.locked', { year })} style={{ marginBottom: 16 }} data-testid="my-stats-locked" />
      ) : null}
      {existing?.status === 'submitted' ? (
        <Alert type="success" showIcon title={t('stats.submittedNote', { year })} style={{ marginBottom: 16 }} />
      ) : null}
      {save.error ? (
        <Alert type="error" showIcon title={errorText(save.error, t)} style={{ marginBottom: 16 }} data-testid="my-stats-error" />
      ) : null}
      <Typography.Paragraph type="secondary">{t('stats.unitNote')}</Typography.Paragraph>
      <Form<StatsValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={locked || save.isPending}
        onFinish={(v) => save.mutate({ values: v, submit: submitIntent })}
      >
        <StatsFields testIdPrefix="my-stats" />
        <Space>
          <Button loading={save.isPending && !submitIntent} onClick={() => submitWith(false)} data-testid="my-stats-save">
            {t('stats.saveDraft')}
          </Button>
          <Button type="primary" loading={save.isPending && submitIntent} onClick={() => submitWith(true)} data-testid="my-stats-submit">
            {t('stats.saveSubmit')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
