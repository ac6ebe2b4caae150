import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import { Button, Descriptions, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { verifyDraw, type DrawRecord, type Stage } from '../../api/panels';
import { skipText } from '../../../../common/review/skips';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import { formatBeijing } from '../../components/format';
import { Section } from '../../components/Section';
import { StatusTag } from '../../components/StatusTag';
import { listSep } from '../../components/projects/labels';

const KIND_TONES = { draw: 'info', redraw: 'warn', swap: 'off' } as const;

/**
 * 抽取记录: every draw, swap and redraw of the stage, newest first, with its seed and checksum; a draw or redraw
 * can be re-run from its stored inputs to show that it reproduces. Expanded: the parameters, the assignments and
 * the ranked alternates by name, what the change ended, and the alternates a swap skipped with the reason.
 */
export function DrawHistory({ stage, query }: { stage: Stage; query: UseQueryResult<DrawRecord[]> }) {
  const { t, locale } = useI18n();
  const rows = query.data ?? [];
  return (
    <Section title={t('draws.history', { n: rows.length })} testId="draw-history">
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<DrawRecord>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={rows}
        locale={{ emptyText: t('draws.none', { stage: t(`panel.stage.${stage}`) }) }}
        onRow={(d) => ({ 'data-testid': `draw-row-${d.id}`, 'data-kind': d.kind, 'data-seed': d.seed }) as HTMLAttributes<HTMLElement>}
        expandable={{ expandedRowRender: (d) => <DrawDetail draw={d} />, expandRowByClick: false }}
        data-testid="draw-history-table"
        columns={[
          { key: 'at', title: t('draws.at'), render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(d.createdAt)}</span> },
          {
            key: 'kind',
            title: t('draws.kind'),
            render: (_, d) => <StatusTag tone={KIND_TONES[d.kind]}>{t(`draws.kind.${d.kind}`)}</StatusTag>,
          },
          { key: 'seed', title: t('proj.draw.seed'), render: (_, d) => (d.kind === 'swap' ? '—' : d.seed) },
          {
            key: 'checksum',
            title: t('proj.draw.checksum'),
            render: (_, d) => (
              <Typography.Text code copyable={{ text: d.checksum }} style={{ fontSize: 12 }}>
                {d.checksum}
              </Typography.Text>
            ),
          },
          {
            key: 'what',
            title: t('draws.what'),
            render: (_, d) =>
              d.kind === 'swap'
                ? t('draws.swapWhat', {
                    from: d.ended[0]?.expert.name ?? '—',
                    to: d.assignments[0]?.expert.name ?? '—',
                  })
                : t('draws.drawWhat', { n: d.assignments.length, ended: d.ended.length }),
          },
          { key: 'by', title: t('draws.by'), render: (_, d) => d.createdBy ?? '—' },
          {
            key: 'verify',
            title: t('draws.verify'),
            render: (_, d) => (d.rerunnable ? <VerifyButton draw={d} /> : <span style={{ fontSize: 13 }}>{t('draws.notRerunnable')}</span>),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 8 }}>
        {t('draws.historyHint', { sep: listSep(locale) })}
      </Typography.Paragraph>
    </Section>
  );
}

function VerifyButton({ draw }: { draw: DrawRecord }) {
  const { t } = useI18n();
  const run = useMutation({ mutationFn: () => verifyDraw(draw.id) });
  if (run.data)
    return (
      <span data-testid={`draw-verified-${draw.id}`} data-reproduced={String(run.data.reproduced)}>
        <StatusTag tone={run.data.reproduced ? 'ok' : 'error'}>{t(run.data.reproduced ? 'draws.reproduced' : 'draws.differs')}</StatusTag>
      </span>
    );
  return (
    <Space direction="vertical" size={2}>
      <Button
        size="small"
        icon={<SafetyCertificateOutlined aria-hidden />}
        loading={run.isPending}
        onClick={() => run.mutate()}
        data-testid={`draw-verify-${draw.id}`}
      >
        {t('draws.verifyRun')}
      </Button>
      {run.error ? <Typography.Text type="danger">{errorText(run.error, t)}</Typography.Text> : null}
    </Space>
  );
}

function DrawDetail({ draw: d }: { draw: DrawRecord }) {
  const { t, locale } = useI18n();
  const sep = listSep(locale);
  const p = d.params;
  const byApp = new Map<string, { title: string; names: string[] }>();
  for (const a of d.assignments)
    byApp.set(a.applicationId, { title: a.applicationTitle, names: [...(byApp.get(a.applicationId)?.names ?? []), a.expert.name] });
  return (
    <div style={{ fontSize: 13 }} data-testid={`draw-detail-${d.id}`}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          ...(p.size !== null ? [{ key: 'size', label: t('draws.size'), children: p.size }] : []),
          ...(p.loadCap !== null ? [{ key: 'cap', label: t('draws.loadCap'), children: p.loadCap }] : []),
          {
            key: 'quotas',
            label: t('draws.quotas'),
            children: p.quotas.length ? p.quotas.map((q) => `${q.field} ≥ ${q.min}`).join(sep) : t('common.none'),
          },
          ...(p.pool !== null ? [{ key: 'pool', label: t('draws.pool'), children: p.pool }] : []),
          ...(p.exclusions !== null ? [{ key: 'excl', label: t('draws.exclusions'), children: p.exclusions }] : []),
          ...(p.base !== null
            ? [
                {
                  key: 'costs',
                  label: t('draws.costs'),
                  children: t('draws.costsValue', {
                    base: p.base,
                    jitter: p.jitter ?? 0,
                    mismatch: p.fieldMismatch ?? 0,
                    step: p.loadStep ?? 0,
                  }),
                },
              ]
            : []),
          ...(d.totalCost !== null
            ? [{ key: 'cost', label: t('proj.draw.totalCost'), children: Math.round(d.totalCost * 100) / 100 }]
            : []),
          ...(p.exact !== null
            ? [{ key: 'exact', label: t('draws.exact'), children: t(p.exact ? 'draws.exactYes' : 'draws.exactNo') }]
            : []),
          ...(p.reason ? [{ key: 'reason', label: t('draws.reasonLabel'), children: p.reason }] : []),
        ]}
      />
      {byApp.size ? (
        <>
          <Typography.Text strong>{t('draws.assigned')}</Typography.Text>
          <ul style={{ marginTop: 4 }}>
            {[...byApp.entries()].map(([id, x]) => (
              <li key={id}>
                {x.title}：{x.names.join(sep)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {d.alternates.length ? (
        <>
          <Typography.Text strong>{t('proj.draw.alternates')}</Typography.Text>
          <ul style={{ marginTop: 4 }} data-testid={`draw-alternates-${d.id}`}>
            {d.alternates.map((a) => (
              <li key={a.applicationId}>
                {a.applicationTitle}：{a.experts.length ? a.experts.map((e, i) => `${i + 1}. ${e.name}`).join('  ') : t('common.none')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {d.ended.length ? (
        <>
          <Typography.Text strong>{t('draws.ended')}</Typography.Text>
          <ul style={{ marginTop: 4 }}>
            {d.ended.map((x) => (
              <li key={x.reviewId}>{x.expert.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {d.skipped.length ? (
        <>
          <Typography.Text strong>{t('draws.skipped')}</Typography.Text>
          <ul style={{ marginTop: 4 }}>
            {d.skipped.map((x) => (
              <li key={x.expert.id}>
                {x.expert.name}：{skipText(x.reason, x.params, locale)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
