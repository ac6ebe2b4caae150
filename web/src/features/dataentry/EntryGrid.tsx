import { Alert, Button, Table } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';

import type { ValueInput, ValueKey } from '../../../../common/contracts/datavalues';
import type { EntryGrid as Grid, EntryRow } from '../../api/datavalues';
import { useI18n, type TFunction } from '../../app/i18n';
import { ExportButton } from '../../components/ExportButton';
import { ValueHistoryDrawer, type HistoryTarget } from '../../components/ValueHistoryDrawer';
import { Approval } from './ApproveDialog';
import { entryColumns } from './entryColumns';
import type { RowErrors } from './entryErrors';
import { entryExport } from './entryExport';
import { FourEyesNote } from './FourEyesNote';
import { ReasonModal } from './ReasonModal';
import { useEntryActions, type SaveRequest } from './useEntryActions';
import { WarningsModal, type Warned } from './WarningsModal';

type Edits = Record<string, number | null>;

/** Rows whose value the user changed (and did not clear). */
const changedRows = (rows: EntryRow[], edits: Edits) =>
  rows.filter((r) => {
    const v = edits[r.dataElement.code];
    return v !== undefined && v !== null && v !== r.current?.value;
  });

/** The approved values a correction is about: those changed, else those the server asked a reason for. */
const reasonRows = (lockedChanged: EntryRow[], changed: EntryRow[], errors: RowErrors | null) =>
  lockedChanged.length > 0 ? lockedChanged : changed.filter((r) => errors?.byCode[r.dataElement.code]);

/** A changed value to save; a correction of an approved (locked) value carries the reason given. */
const valueInput = (key: ValueKey, value: number, r: EntryRow, reason?: string): ValueInput => ({
  ...key,
  value,
  ...(reason && r.current?.status === 'approved' ? { reason } : {}),
});

/** One row per data element for the chosen unit and year: last year's value, this year's, its state. */
export function EntryGrid({ grid }: { grid: Grid }) {
  const { t, locale } = useI18n();
  const [edits, setEdits] = useState<Edits>({});
  const [errors, setErrors] = useState<RowErrors | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [pendingReason, setPendingReason] = useState<SaveRequest | null>(null);
  const [history, setHistory] = useState<HistoryTarget | null>(null);
  const [warned, setWarned] = useState<Warned | null>(null);
  const { save, approve } = useEntryActions({
    onSaved: () => {
      setEdits({});
      setErrors(null);
      setWarned(null);
    },
    onRowErrors: (e, request) => {
      setErrors(e);
      setWarned(null);
      if (e.needsReason) setPendingReason(request);
    },
    onWarnings: (warnings, request) => setWarned({ warnings, request }),
  });

  const name = (r: EntryRow) => (locale === 'zh-CN' ? r.dataElement.nameZh : r.dataElement.nameEn);
  const key = (code: string): ValueKey => ({ dataElement: code, orgUnit: grid.orgUnit.code, period: String(grid.year) });
  const shown = (r: EntryRow) => (r.dataElement.code in edits ? edits[r.dataElement.code]! : (r.current?.value ?? null));
  const changed = changedRows(grid.rows, edits);
  const lockedChanged = changed.filter((r) => r.current?.status === 'approved');
  // Only what the caller may approve: never their own values under four eyes (the server refuses those too).
  const approvableRows = grid.rows.filter((r) => r.approvable);
  const toApprove = selected.length > 0 ? approvableRows.filter((r) => selected.includes(r.dataElement.code)) : approvableRows;
  const draftsUnchanged = grid.rows.filter((r) => r.current?.status === 'draft' && !changed.includes(r));

  const run = (action: 'save' | 'submit', reason?: string) => {
    const request: SaveRequest = {
      action,
      values: changed.map((r) => valueInput(key(r.dataElement.code), edits[r.dataElement.code]!, r, reason)),
      alsoSubmit: action === 'submit' ? draftsUnchanged.map((r) => key(r.dataElement.code)) : [],
    };
    // Locked values are asked about first, rather than after a round trip to be refused.
    if (!reason && lockedChanged.length > 0) setPendingReason(request);
    else save.mutate(request);
  };

  const columns = entryColumns({
    grid,
    t,
    locale,
    name,
    shown,
    onEdit: (code, v) => setEdits((e) => ({ ...e, [code]: v })),
    saving: save.isPending,
    errors,
    changed,
    onHistory: (r) => setHistory({ ...key(r.dataElement.code), name: name(r), unit: r.dataElement.unit }),
  });

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
          <Approval
            grid={grid}
            rows={toApprove}
            selected={selected.length > 0}
            disabled={toApprove.length === 0 || changed.length > 0}
            name={name}
            approve={approve}
            onApproved={() => setSelected([])}
          />
        ) : null}
        <span style={{ flex: 1 }} />
        <span aria-live="polite" data-testid="entry-changed">
          {changed.length > 0 ? t('entry.changedCount', { n: changed.length }) : ''}
        </span>
        <ExportButton table={() => entryExport(grid, name, t)} data-testid="entry-export" />
      </div>
      <FourEyesNote grid={grid} />
      <EntryErrors errors={errors} />
      <Table<EntryRow>
        rowKey={(r) => r.dataElement.code}
        size="small"
        columns={columns}
        dataSource={grid.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={grid.canApprove ? approvalSelection(selected, setSelected, name, t) : undefined}
        data-testid="entry-grid"
      />
      <ReasonModal
        names={pendingReason ? reasonRows(lockedChanged, changed, errors).map(name) : null}
        onCancel={() => setPendingReason(null)}
        onOk={(reason) => {
          const request = pendingReason;
          setPendingReason(null);
          if (request) run(request.action, reason);
        }}
      />
      <WarningsModal warned={warned} grid={grid} save={save} onBack={() => setWarned(null)} />
      <ValueHistoryDrawer target={history} onClose={() => setHistory(null)} />
    </>
  );
}

/** What the server refused: general messages, and how many rows have their own (shown in the rows). */
function EntryErrors({ errors }: { errors: RowErrors | null }) {
  const { t } = useI18n();
  return (
    <>
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
    </>
  );
}

/** The checkboxes of the rows the caller may approve, for approving some of them. */
function approvalSelection(
  selected: string[],
  setSelected: (keys: string[]) => void,
  name: (r: EntryRow) => string,
  t: TFunction,
): TableProps<EntryRow>['rowSelection'] {
  return {
    selectedRowKeys: selected,
    onChange: (keys) => setSelected(keys.map(String)),
    getCheckboxProps: (r) => ({ disabled: !r.approvable, 'aria-label': t('entry.selectRow', { name: name(r) }) }),
    columnTitle: <span className="kc-sr-only">{t('entry.selectColumn')}</span>,
  };
}
