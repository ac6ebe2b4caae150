import { Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { RegistryImportReport } from '../../../api/imports';
import { useT } from '../../../app/i18n';
import { ExportButton } from '../../../components/ExportButton';
import { StatusTag } from '../../../components/StatusTag';
import { importMessageText } from './reportText';

type Row = RegistryImportReport['rows'][number];
const TONES = { ok: 'ok', error: 'error', empty: 'off' } as const;
// Problems first, so they are on the first page. The report lists ok and error rows; empty ones are only counted.
const ORDER = ['error', 'ok', 'empty'] as const satisfies readonly (keyof RegistryImportReport['counts'])[];

/** The verdict on every row of the uploaded file, errors first, each problem in the reader's language (from its code: reportText.ts). */
export function ImportReportView({ report, fileName }: { report: RegistryImportReport; fileName: string }) {
  const t = useT();
  const rows = [...report.rows].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.row - b.row);
  const messageText = (r: Row) => r.messages.map((m) => importMessageText(m, t)).join(t('common.semi'));

  const columns: TableColumnsType<Row> = [
    { key: 'row', title: t('regImport.row'), dataIndex: 'row', width: 72 },
    {
      key: 'status',
      title: t('regImport.status'),
      render: (_, r) => <StatusTag tone={TONES[r.status]}>{t(`regImport.status.${r.status}`)}</StatusTag>,
    },
    {
      key: 'messages',
      title: t('regImport.messages'),
      render: (_, r) =>
        r.messages.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 16, maxWidth: 640, whiteSpace: 'normal' }}>
            {r.messages.map((m, i) => (
              <li key={i}>{importMessageText(m, t)}</li>
            ))}
          </ul>
        ) : (
          '—'
        ),
    },
  ];

  const exportTable = () => ({
    title: t('regImport.exportTitle', { file: fileName.slice(0, 60) }),
    columns: [
      { key: 'row', title: t('regImport.row') },
      { key: 'status', title: t('regImport.status') },
      { key: 'messages', title: t('regImport.messages') },
    ],
    rows: rows.map((r) => ({ row: r.row, status: t(`regImport.status.${r.status}`), messages: messageText(r) })),
  });

  return (
    <>
      <p role="status" style={{ marginBottom: 8 }}>
        {t('regImport.counts', { file: fileName, ...report.counts })}
      </p>
      <Space wrap style={{ marginBottom: 8 }}>
        {ORDER.map((s) => (
          <StatusTag key={s} tone={TONES[s]}>
            {t(`regImport.status.${s}`)} {report.counts[s]}
          </StatusTag>
        ))}
        <ExportButton table={exportTable} data-testid="import-export" />
      </Space>
      <Table<Row>
        rowKey="row"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        onRow={(r) => ({ 'data-testid': `import-row-${r.row}`, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
        data-testid="import-preview-table"
      />
    </>
  );
}
