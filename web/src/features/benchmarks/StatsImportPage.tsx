import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { importStats, statsTemplateUrl, type StatsImportReport } from '../../api/benchmarks';
import { useT } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { errorText } from '../../components/errors';
import { ExportButton } from '../../components/ExportButton';
import { Section } from '../../components/Section';
import { StatusTag } from '../../components/StatusTag';

type Row = StatsImportReport['rows'][number];
const TONES = { ok: 'ok', warning: 'warn', error: 'error' } as const;

/**
 * 统计数据导入: a statistical bulletin as a region × indicator × year table. Choose the file → every row is
 * checked (nothing saved) → confirm to save all rows, only when no row has an error. Warnings (a published
 * ratio that disagrees with its inputs, a value that replaces another) do not block.
 */
export default function StatsImportPage() {
  const t = useT();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) => importStats(f, dryRun),
    onSuccess: (r) => {
      if (r.committed) void client.invalidateQueries();
    },
  });
  const report = run.data;
  const canCommit = report !== undefined && report.dryRun && report.counts.error === 0 && report.counts.rows > 0;
  const rows = [...(report?.rows ?? [])].sort((a, b) =>
    a.status === b.status ? a.row - b.row : a.status === 'error' ? -1 : b.status === 'error' ? 1 : 0,
  );
  const text = (r: Row) => r.messages.map((m) => m.message).join(t('common.semi'));

  return (
    <>
      <PageTitle titleKey="statsImport.title" />
      <Section title={t('statsImport.section')} testId="stats-import">
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('statsImport.steps')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <Button href={statsTemplateUrl()} icon={<DownloadOutlined aria-hidden />} data-testid="stats-template">
            {t('statsImport.template')}
          </Button>
          <label className="kc-file-button">
            <UploadOutlined aria-hidden />
            {t('statsImport.file')}
            <input
              type="file"
              className="kc-sr-only"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={run.isPending}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (!f) return;
                setFile(f);
                run.mutate({ f, dryRun: true });
              }}
              data-testid="stats-file"
            />
          </label>
          {file ? <span>{file.name}</span> : null}
          <Button
            type="primary"
            disabled={!canCommit || run.isPending}
            onClick={() => file && run.mutate({ f: file, dryRun: false })}
            data-testid="stats-commit"
          >
            {t('statsImport.commit')}
          </Button>
        </Space>
        {run.isPending ? <Alert type="info" showIcon title={t('statsImport.running')} /> : null}
        {run.error ? <Alert type="error" showIcon title={errorText(run.error, t)} data-testid="stats-error" /> : null}
        {report ? (
          <>
            <Alert
              type={report.committed ? 'success' : report.counts.error ? 'error' : 'info'}
              showIcon
              style={{ margin: '12px 0' }}
              data-testid="stats-summary"
              title={t(report.committed ? 'statsImport.saved' : report.dryRun ? 'statsImport.checked' : 'statsImport.notSaved', {
                ...report.counts,
              })}
              description={
                report.unitsAdded.length
                  ? t('statsImport.unitsAdded', { names: report.unitsAdded.map((u) => `${u.name}（${u.code}）`).join('、') })
                  : undefined
              }
            />
            <Space style={{ marginBottom: 8 }}>
              <ExportButton
                table={() => ({
                  title: t('statsImport.exportTitle', { file: report.fileName.slice(0, 60) }),
                  columns: [
                    { key: 'row', title: t('regImport.row') },
                    { key: 'status', title: t('regImport.status') },
                    { key: 'messages', title: t('regImport.messages') },
                  ],
                  rows: rows.map((r) => ({ row: r.row, status: t(`statsImport.status.${r.status}`), messages: text(r) })),
                })}
              />
            </Space>
            <Table<Row>
              rowKey="row"
              size="small"
              dataSource={rows}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { key: 'row', title: t('regImport.row'), dataIndex: 'row', width: 72 },
                {
                  key: 'status',
                  title: t('regImport.status'),
                  render: (_, r) => <StatusTag tone={TONES[r.status]}>{t(`statsImport.status.${r.status}`)}</StatusTag>,
                },
                {
                  key: 'value',
                  title: t('statsImport.value'),
                  render: (_, r) =>
                    r.value === null ? '—' : `${r.orgUnit ?? ''} ${r.dataElement ?? ''} ${r.period ?? ''} = ${r.value} ${r.unit ?? ''}`,
                },
                { key: 'messages', title: t('regImport.messages'), render: (_, r) => (r.messages.length ? text(r) : '—') },
              ]}
              data-testid="stats-table"
            />
          </>
        ) : null}
      </Section>
    </>
  );
}
