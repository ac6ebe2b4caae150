import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { pipelineQuery, type PipelineEntry } from '../../../api/registry';
import { useI18n } from '../../../app/i18n';
import { DemoTag } from '../../../components/DemoTag';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/ExportButton';
import { formatNumber } from '../../../components/format';
import { bureauToday } from '../../../components/isoDate';
import { OverallTag, ResultTag } from '../../../components/registry/ResultTag';
import { lackText } from './shortfall';

/** Failed conditions (with their shortfall) before those that only lack data. */
const failedFirst = (list: PipelineEntry['missing']) => [...list].sort((a, b) => Number(a.result !== 'fail') - Number(b.result !== 'fail'));

/** 高企培育库: enterprises without a valid high-tech certificate, closest to qualifying first, with what each lacks. */
export default function PipelineTab() {
  const { t, locale } = useI18n();
  const [date, setDate] = useState(bureauToday);
  const query = useQuery(pipelineQuery(date));
  const rows = query.data ?? [];
  const label = (m: PipelineEntry['missing'][number]) => (locale === 'zh-CN' ? m.label_zh : m.label_en);

  const columns: TableColumnsType<PipelineEntry> = [
    { key: 'position', title: t('pipeline.position'), dataIndex: 'position', width: 64 },
    {
      key: 'enterprise',
      title: t('pipeline.enterprise'),
      width: 260,
      render: (_, e) => (
        <>
          <Link to={`/registry/enterprises/${e.id}`}>{e.name}</Link>
          <DemoTag isDemo={e.isDemo} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {e.creditCode} · {e.orgUnitName}
          </Typography.Text>
        </>
      ),
    },
    { key: 'overall', title: t('pipeline.overall'), render: (_, e) => <OverallTag overall={e.overall} /> },
    { key: 'counts', title: t('pipeline.failedUnknown'), align: 'center', render: (_, e) => `${e.failed} / ${e.unknown}` },
    {
      key: 'missing',
      title: t('pipeline.missing'),
      render: (_, e) => (
        <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none', whiteSpace: 'normal' }}>
          {failedFirst(e.missing).map((m) => (
            <li key={m.code} style={{ marginBottom: 4 }} data-testid={`pipeline-${e.creditCode}-${m.code}`}>
              <ResultTag result={m.result} /> <strong>{label(m)}</strong>
              {t('pipeline.colon')}
              {lackText(m, t, locale)}
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'rankKey', title: t('pipeline.rankKey'), align: 'right', render: (_, e) => formatNumber(e.rankKey, locale, 2) },
  ];

  const exportTable = () => ({
    title: t('pipeline.exportTitle', { date }),
    columns: [
      { key: 'position', title: t('pipeline.position') },
      { key: 'name', title: t('pipeline.enterprise') },
      { key: 'creditCode', title: t('ent.creditCode') },
      { key: 'orgUnit', title: t('registry.orgUnit') },
      { key: 'overall', title: t('pipeline.overall') },
      { key: 'failed', title: t('result.fail') },
      { key: 'unknown', title: t('result.unknown') },
      { key: 'missing', title: t('pipeline.missing') },
      { key: 'rankKey', title: t('pipeline.rankKey') },
      { key: 'demo', title: t('demo.tag') },
    ],
    rows: rows.map((e) => ({
      position: e.position,
      name: e.name,
      creditCode: e.creditCode,
      orgUnit: e.orgUnitName,
      overall: t(`overall.${e.overall}`),
      failed: e.failed,
      unknown: e.unknown,
      missing: failedFirst(e.missing)
        .map((m) => `${label(m)}${t('pipeline.colon')}${lackText(m, t, locale)}`)
        .join('\n'),
      rankKey: e.rankKey,
      demo: e.isDemo ? t('common.yes') : '',
    })),
  });

  return (
    <>
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('pipeline.intro')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('precheck.date')} htmlFor="pipeline-date">
          <DatePicker
            id="pipeline-date"
            allowClear={false}
            value={dayjs(date)}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            data-testid="pipeline-date"
          />
        </Form.Item>
        <ExportButton table={exportTable} disabled={rows.length === 0} data-testid="pipeline-export" />
      </Form>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<PipelineEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={query.isFetching}
          locale={{ emptyText: t('pipeline.empty') }}
          onRow={(e) => ({ 'data-testid': `pipeline-row-${e.creditCode}` }) as HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          data-testid="pipeline-table"
        />
      )}
    </>
  );
}
