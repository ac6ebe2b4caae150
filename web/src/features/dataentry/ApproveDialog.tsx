import { Button, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ValueKey } from '../../../../common/contracts/datavalues';
import type { EntryGrid, EntryRow } from '../../api/datavalues';
import { useI18n } from '../../app/i18n';
import { formatNumber, withUnit } from '../../components/format';
import { previousText } from './plausibility';
import type { useEntryActions } from './useEntryActions';

interface ApprovalProps {
  grid: EntryGrid;
  /** What the button approves: the selected rows the caller may approve, or all of those. */
  rows: EntryRow[];
  selected: boolean;
  disabled: boolean;
  name: (r: EntryRow) => string;
  approve: ReturnType<typeof useEntryActions>['approve'];
  onApproved: () => void;
}

/** The approve button, and the dialog it opens: the server is sent exactly the keys listed there. */
export function Approval({ grid, rows, selected, disabled, name, approve, onApproved }: ApprovalProps) {
  const { t } = useI18n();
  const [approving, setApproving] = useState<EntryRow[] | null>(null);
  const key = (r: EntryRow): ValueKey => ({ dataElement: r.dataElement.code, orgUnit: grid.orgUnit.code, period: String(grid.year) });
  return (
    <>
      <Button onClick={() => setApproving(rows)} loading={approve.isPending} disabled={disabled} data-testid="entry-approve">
        {t(selected ? 'entry.approveSelected' : 'entry.approveAll', { n: rows.length })}
      </Button>
      <ApproveDialog
        grid={grid}
        rows={approving}
        name={name}
        pending={approve.isPending}
        onCancel={() => setApproving(null)}
        onConfirm={() =>
          approving &&
          approve.mutate(approving.map(key), {
            onSuccess: () => {
              setApproving(null);
              onApproved();
            },
          })
        }
      />
    </>
  );
}

interface Props {
  grid: EntryGrid;
  /** The rows to approve, exactly those the server is sent; null when closed. */
  rows: EntryRow[] | null;
  name: (r: EntryRow) => string;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Approval asks once, listing what it approves: each value with its unit and its previous year's. */
export function ApproveDialog({ grid, rows, name, pending, onCancel, onConfirm }: Props) {
  const { t, locale } = useI18n();
  const n = rows?.length ?? 0;
  const period = String(grid.year);
  return (
    <Modal
      open={rows !== null}
      title={t('entry.approveTitle', { n })}
      onCancel={onCancel}
      destroyOnHidden
      width={720}
      footer={
        <>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={onConfirm} loading={pending} data-testid="approve-confirm">
            {t('entry.approveOk', { n })}
          </Button>
        </>
      }
    >
      <Typography.Paragraph>{t('entry.approveText', { org: grid.orgUnit.name, year: grid.year })}</Typography.Paragraph>
      <Table<EntryRow>
        rowKey={(r) => r.dataElement.code}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows ?? []}
        data-testid="approve-list"
        columns={[
          { key: 'name', title: t('entry.dataElement'), render: (_, r) => name(r) },
          {
            key: 'value',
            title: t('entry.value', { year: grid.year }),
            align: 'right',
            render: (_, r) => (r.current ? withUnit(formatNumber(r.current.value, locale), r.dataElement.unit, locale) : '—'),
          },
          {
            key: 'previous',
            title: t('entry.previous', { year: grid.year - 1 }),
            align: 'right',
            render: (_, r) => previousText(r.previous, period, t, locale),
          },
        ]}
      />
    </Modal>
  );
}
