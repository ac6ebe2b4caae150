import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { ImportReport, ImportRowReport } from '../../../../common/contracts/datavalues';
import { orgUnitsQuery } from '../../api/orgunits';
import { useI18n } from '../../app/i18n';
import { ExportButton } from '../../components/ExportButton';
import { formatNumber } from '../../components/format';
import { StatusTag } from '../../components/StatusTag';

type RowStatus = ImportRowReport['status'];
const TONES = { ok: 'ok', unchanged: 'off', warning: 'warn', error: 'error', empty: 'off' } as const;
// Problems first, so they are on the first page.
const ORDER: RowStatus[] = ['error', 'warning', 'ok', 'unchanged', 'empty'];

/** A name with its code below it. */
function Labelled({ name, code }: { name: string; code: string }) {
  return (
    <span>
      {name}
      {name === code ? null : (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {code}
        </Typography.Text>
      )}
    </span>
  );
}

interface Props {
  report: ImportReport;
  fileName: string;
  names: ReadonlyMap<string, string>;
  committing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The dry run's verdict on every row of the uploaded workbook, and the button to import it. */
export function ImportPreview({ report, fileName, names, committing, onConfirm, onCancel }: Props) {
  const { t, locale } = useI18n();
  const units = useQuery(orgUnitsQuery()).data?.items;
  const unitName = (code: string | null) => (code ? (units?.find((u) => u.code === code)?.name ?? code) : null);
  const deName = (code: string | null) => (code ? (names.get(code) ?? code) : null);
  const [showEmpty, setShowEmpty] = useState(false);
  const rows = report.rows
    .filter((r) => showEmpty || r.status !== 'empty')
    .sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.row - b.row);
  const importable = report.counts.ok + report.counts.warning;
  const canConfirm = report.counts.error === 0 && importable > 0;

  const columns: TableColumnsType<ImportRowReport> = [
    { key: 'row', title: t('import.row'), dataIndex: 'row', width: 72 },
    {
      key: 'status',
      title: t('import.status'),
      render: (_, r) => <StatusTag tone={TONES[r.status]}>{t(`import.status.${r.status}`)}</StatusTag>,
    },
    {
      key: 'dataElement',
      title: t('import.dataElement'),
      render: (_, r) => (r.dataElement ? <Labelled name={deName(r.dataElement)!} code={r.dataElement} /> : '—'),
    },
    {
      key: 'orgUnit',
      title: t('import.orgUnit'),
      render: (_, r) => (r.orgUnit ? <Labelled name={unitName(r.orgUnit)!} code={r.orgUnit} /> : '—'),
    },
    { key: 'period', title: t('import.period'), render: (_, r) => r.period ?? '—' },
    { key: 'value', title: t('import.value'), align: 'right', render: (_, r) => (r.value === null ? '—' : formatNumber(r.value, locale)) },
    {
      key: 'messages',
      title: t('import.messages'),
      render: (_, r) => (
        <ul style={{ margin: 0, paddingInlineStart: 16, maxWidth: 420, whiteSpace: 'normal' }}>
          {r.messages.map((m, i) => (
            <li key={i}>{m.message}</li>
          ))}
        </ul>
      ),
    },
  ];

  const exportTable = () => ({
    title: t('import.exportTitle', { file: fileName.slice(0, 60) }),
    columns: [
      { key: 'row', title: t('import.row') },
      { key: 'status', title: t('import.status') },
      { key: 'dataElement', title: t('entry.code') },
      { key: 'dataElementName', title: t('import.dataElement') },
      { key: 'orgUnit', title: t('org.code') },
      { key: 'orgUnitName', title: t('import.orgUnit') },
      { key: 'period', title: t('import.period') },
      { key: 'value', title: t('import.value') },
      { key: 'messages', title: t('import.messages') },
    ],
    rows: rows.map((r) => ({
      row: r.row,
      status: t(`import.status.${r.status}`),
      dataElement: r.dataElement,
      dataElementName: deName(r.dataElement),
      orgUnit: r.orgUnit,
      orgUnitName: unitName(r.orgUnit),
      period: r.period,
      value: r.value,
      messages: r.messages.map((m) => m.message).join(t('common.semi')),
    })),
  });

  return (
    <div data-testid="import-preview">
      <p role="status" style={{ marginBottom: 8 }}>
        {t('import.counts', { file: fileName, ...report.counts })}
      </p>
      <Space wrap style={{ marginBottom: 8 }}>
        {ORDER.map((s) => (
          <StatusTag key={s} tone={TONES[s]}>
            {t(`import.status.${s}`)} {report.counts[s]}
          </StatusTag>
        ))}
        <Checkbox checked={showEmpty} onChange={(e) => setShowEmpty(e.target.checked)} data-testid="import-show-empty">
          {t('import.showEmpty')}
        </Checkbox>
      </Space>
      <Table<ImportRowReport>
        rowKey="row"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        onRow={(r) => ({ 'data-testid': `import-row-${r.row}`, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
        data-testid="import-preview-table"
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Button type="primary" disabled={!canConfirm} loading={committing} onClick={onConfirm} data-testid="import-confirm">
          {t('import.confirm', { n: importable })}
        </Button>
        <Button onClick={onCancel} disabled={committing} data-testid="import-cancel">
          {t('common.cancel')}
        </Button>
        <ExportButton table={exportTable} data-testid="import-export" />
        {report.counts.error > 0 ? <span role="alert">{t('import.fixFirst', { n: report.counts.error })}</span> : null}
      </Space>
    </div>
  );
}
