import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ValueInput, ValueKey } from '../../../../common/contracts/datavalues';
import type { EntryGrid as Grid, EntryRow } from '../../api/datavalues';
import { useI18n } from '../../app/i18n';
import { ExportButton } from '../../components/ExportButton';
import { formatNumber } from '../../components/format';
import { StatusTag } from '../../components/StatusTag';
import { ValueHistoryDrawer, type HistoryTarget } from '../../components/ValueHistoryDrawer';
import { ValueStatusTag } from '../../components/ValueStatusTag';
import type { RowErrors } from './entryErrors';
import { entryExport } from './entryExport';
import { ReasonModal } from './ReasonModal';
import { useEntryActions, type SaveRequest } from './useEntryActions';
import { ValueCell } from './ValueCell';

type Edits = Record<string, number | null>;

/** One row per data element for the chosen unit and year: last year's value, this year's, its state. */
export function EntryGrid({ grid }: { grid: Grid }) {
  const { t, locale } = useI18n();
  const [edits, setEdits] = useState<Edits>({});
  const [errors, setErrors] = useState<RowErrors | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [pendingReason, setPendingReason] = useState<SaveRequest | null>(null);
  const [history, setHistory] = useState<HistoryTarget | null>(null);
  const { save, approve } = useEntryActions({
    onSaved: () => {
      setEdits({});
      setErrors(null);
    },
    onRowErrors: (e, request) => {
      setErrors(e);
      if (e.needsReason) setPendingReason(request);
    },
  });

  const name = (r: EntryRow) => (locale === 'zh-CN' ? r.dataElement.nameZh : r.dataElement.nameEn);
  const key = (code: string): ValueKey => ({ dataElement: code, orgUnit: grid.orgUnit.code, period: String(grid.year) });
  const shown = (r: EntryRow) => (r.dataElement.code in edits ? edits[r.dataElement.code]! : (r.current?.value ?? null));
  const changed = grid.rows.filter((r) => {
    const v = edits[r.dataElement.code];
    return v !== undefined && v !== null && v !== r.current?.value;
  });
  const lockedChanged = changed.filter((r) => r.current?.status === 'approved');
  const submittedRows = grid.rows.filter((r) => r.current?.status === 'submitted');
  const toApprove = selected.length > 0 ? submittedRows.filter((r) => selected.includes(r.dataElement.code)) : submittedRows;
  const draftsUnchanged = grid.rows.filter((r) => r.current?.status === 'draft' && !changed.includes(r));

  const run = (action: 'save' | 'submit', reason?: string) => {
    const values: ValueInput[] = changed.map((r) => ({
      ...key(r.dataElement.code),
      value: edits[r.dataElement.code]!,
      ...(reason && r.current?.status === 'approved' ? { reason } : {}),
    }));
    const request: SaveRequest = {
      action,
      values,
      alsoSubmit: action === 'submit' ? draftsUnchanged.map((r) => key(r.dataElement.code)) : [],
    };
    // Locked values are asked about first, rather than after a round trip to be refused.
    if (!reason && lockedChanged.length > 0) setPendingReason(request);
    else save.mutate(request);
  };

  const columns: TableColumnsType<EntryRow> = [
    {
      key: 'name',
      title: t('entry.dataElement'),
      render: (_, r) => (
        <span style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>
          {name(r)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.dataElement.code}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'unit', title: t('common.unit'), render: (_, r) => r.dataElement.unit },
    {
      key: 'previous',
      title: t('entry.previous', { year: grid.year - 1 }),
      align: 'right',
      render: (_, r) => (r.previousYear === null ? '—' : formatNumber(r.previousYear, locale)),
    },
    {
      key: 'value',
      title: t('entry.value', { year: grid.year }),
      render: (_, r) => (
        <ValueCell
          code={r.dataElement.code}
          value={shown(r)}
          onChange={(v) => setEdits((e) => ({ ...e, [r.dataElement.code]: v }))}
          disabled={!r.editable || save.isPending}
          label={t('entry.valueOf', { name: name(r), year: grid.year, unit: r.dataElement.unit })}
          messages={errors?.byCode[r.dataElement.code] ?? []}
        />
      ),
    },
    {
      key: 'status',
      title: t('entry.status'),
      render: (_, r) => (
        <Space size={4} wrap>
          <ValueStatusTag status={r.current?.status ?? null} />
          {changed.includes(r) ? <StatusTag tone="warn">{t('entry.unsaved')}</StatusTag> : null}
        </Space>
      ),
    },
    { key: 'version', title: t('entry.version'), align: 'right', render: (_, r) => r.current?.version ?? '—' },
    {
      key: 'history',
      title: t('entry.history'),
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          icon={<HistoryOutlined aria-hidden />}
          disabled={!r.current}
          aria-label={t('values.historyOf', { name: name(r), year: grid.year })}
          onClick={() => setHistory({ ...key(r.dataElement.code), name: name(r), unit: r.dataElement.unit })}
          data-testid={`history-${r.dataElement.code}`}
        >
          {t('values.history')}
        </Button>
      ),
    },
  ];

  const exportTable = () => entryExport(grid, name, t);

  const editable = grid.rows.some((r) => r.editable);
  return (
    <>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom: 12 }}>
        <Button onClick={() => run('save')} loading={save.isPending} disabled={!editable || changed.length === 0} data-testid="entry-save">
          {t('entry.save')}
        </Button>
        <Button
          type="primary"
          onClick={() => run('submit')}
          loading={save.isPending}
          disabled={!editable || changed.length + draftsUnchanged.length === 0}
          data-testid="entry-submit"
        >
          {t('entry.submit')}
        </Button>
        {grid.canApprove ? (
          <Button
            onClick={() =>
              approve.mutate(
                toApprove.map((r) => key(r.dataElement.code)),
                { onSuccess: () => setSelected([]) },
              )
            }
            loading={approve.isPending}
            disabled={toApprove.length === 0 || changed.length > 0}
            data-testid="entry-approve"
          >
            {t(selected.length > 0 ? 'entry.approveSelected' : 'entry.approveAll', { n: toApprove.length })}
          </Button>
        ) : null}
        <span style={{ flex: 1 }} />
        <span aria-live="polite" data-testid="entry-changed">
          {changed.length > 0 ? t('entry.changedCount', { n: changed.length }) : ''}
        </span>
        <ExportButton table={exportTable} data-testid="entry-export" />
      </div>
      {errors && errors.general.length > 0 ? (
        <Alert type="error" showIcon title={errors.general.join(t('common.semi'))} style={{ marginBottom: 12 }} data-testid="entry-error" />
      ) : null}
      {errors && Object.keys(errors.byCode).length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('entry.rowErrors', { n: Object.keys(errors.byCode).length })}
          style={{ marginBottom: 12 }}
          data-testid="entry-row-errors"
        />
      ) : null}
      <Table<EntryRow>
        rowKey={(r) => r.dataElement.code}
        size="small"
        columns={columns}
        dataSource={grid.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={
          grid.canApprove
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({
                  disabled: r.current?.status !== 'submitted',
                  'aria-label': t('entry.selectRow', { name: name(r) }),
                }),
                columnTitle: <span className="kc-sr-only">{t('entry.selectColumn')}</span>,
              }
            : undefined
        }
        data-testid="entry-grid"
      />
      <ReasonModal
        names={
          pendingReason
            ? (lockedChanged.length > 0 ? lockedChanged : changed.filter((r) => errors?.byCode[r.dataElement.code])).map(name)
            : null
        }
        onCancel={() => setPendingReason(null)}
        onOk={(reason) => {
          const request = pendingReason;
          setPendingReason(null);
          if (request) run(request.action, reason);
        }}
      />
      <ValueHistoryDrawer target={history} onClose={() => setHistory(null)} />
    </>
  );
}
