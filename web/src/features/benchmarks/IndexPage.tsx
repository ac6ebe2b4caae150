import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useRef, useState, type HTMLAttributes } from 'react';
import {
  benchmarkIndicatorsQuery,
  fetchIndexRun,
  indexRunsQuery,
  peerGroupsQuery,
  runIndex,
  type IndexRun,
  type IndexRunSummary,
} from '../../api/benchmarks';
import { ApiError } from '../../api/http';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import { formatBeijing } from '../../components/format';
import { Section } from '../../components/Section';
import './benchmarks.css';
import { groupName } from './benchText';
import { BenchTabs } from './controls';
import { IndexForm } from './IndexForm';
import { IndexResults } from './IndexResults';
import { defaultIndexValues, fromSpec, specFieldOf, toSpec, type IndexFormValues } from './indexSpec';

/** 综合指数: define an index as a method, run it over a peer group for a year, see scores and rank intervals. */
export default function IndexPage() {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const inds = useQuery(benchmarkIndicatorsQuery());
  const groups = useQuery(peerGroupsQuery()).data ?? [];
  const runs = useQuery(indexRunsQuery());
  const [form] = Form.useForm<IndexFormValues>();
  const [current, setCurrent] = useState<IndexRun | null>(null);
  const results = useRef<HTMLDivElement>(null);
  const initialValues = useMemo(() => defaultIndexValues(new Map((inds.data ?? []).map((i) => [i.code, i.direction]))), [inds.data]);

  const show = (run: IndexRun) => {
    setCurrent(run);
    requestAnimationFrame(() => results.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  const run = useMutation({
    mutationFn: (v: IndexFormValues) =>
      runIndex({ spec: toSpec(v), year: v.year, group: v.group, save: v.save, ...(v.name?.trim() ? { name: v.name.trim() } : {}) }),
    onSuccess: (r) => {
      show(r);
      if (r.id) void client.invalidateQueries({ queryKey: indexRunsQuery().queryKey });
    },
    onError: (error) => {
      // The engine names the field in its message: put it under the indicator row it means.
      const path = error instanceof ApiError ? specFieldOf(error.message) : null;
      if (path) form.setFields([{ name: path, errors: [error.message] }]);
    },
  });
  const open = useMutation({ mutationFn: fetchIndexRun, onSuccess: show });

  const loadSpec = (r: IndexRun) => {
    form.setFieldsValue(fromSpec(r.spec, r.year, r.group));
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const runColumns: TableColumnsType<IndexRunSummary> = [
    { key: 'name', title: t('bench.index.name'), dataIndex: 'name' },
    { key: 'year', title: t('filters.year'), dataIndex: 'year', width: 80 },
    {
      key: 'group',
      title: t('bench.group'),
      render: (_, x) =>
        groupName(
          groups.find((g) => g.code === x.groupCode),
          locale,
        ) || x.groupCode,
    },
    { key: 'at', title: t('bench.index.createdAt'), render: (_, x) => formatBeijing(x.createdAt) },
    {
      key: 'open',
      title: t('common.actions'),
      render: (_, x) => (
        <Button
          size="small"
          onClick={() => open.mutate(x.id)}
          loading={open.isPending && open.variables === x.id}
          aria-label={t('bench.index.openRunNamed', { name: x.name })}
          data-testid={`index-open-${x.id}`}
        >
          {current?.id === x.id ? t('bench.index.shown') : t('bench.index.openRun')}
        </Button>
      ),
    },
  ];

  const runErrorShown = run.error && !(run.error instanceof ApiError && specFieldOf(run.error.message));

  return (
    <>
      <PageTitle titleKey="bench.index.title" />
      <BenchTabs params={current ? { year: current.year, group: current.group } : {}} />
      <Typography.Paragraph style={{ maxWidth: 960 }}>{t('bench.index.intro')}</Typography.Paragraph>
      {inds.isError ? <ErrorAlert error={inds.error} onRetry={() => void inds.refetch()} /> : null}
      {inds.isPending ? <Loading /> : null}
      {inds.data ? (
        <Section title={t('bench.index.define')} testId="index-define">
          <IndexForm form={form} initialValues={initialValues} running={run.isPending} onRun={(v) => run.mutate(v)} />
          {run.error ? (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 16 }}
              title={runErrorShown ? errorText(run.error, t) : t('common.formHasErrors')}
              data-testid="index-error"
            />
          ) : null}
        </Section>
      ) : null}
      <div ref={results} style={{ scrollMarginTop: 16 }}>
        {open.isError ? <ErrorAlert error={open.error} /> : null}
        {current ? (
          <IndexResults
            key={`${current.id ?? 'new'}-${current.createdAt ?? ''}`}
            run={current}
            storedName={runs.data?.find((x) => x.id === current.id)?.name}
            onLoadSpec={loadSpec}
          />
        ) : null}
      </div>
      <Section title={t('bench.index.history')} testId="index-runs">
        {runs.isError ? <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} /> : null}
        <Table<IndexRunSummary>
          rowKey="id"
          size="small"
          columns={runColumns}
          dataSource={runs.data ?? []}
          loading={runs.isPending}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('bench.index.noRuns') }}
          onRow={(x) => ({ 'data-testid': `index-run-${x.id}` }) as HTMLAttributes<HTMLElement>}
          scroll={{ x: 'max-content' }}
        />
      </Section>
    </>
  );
}
