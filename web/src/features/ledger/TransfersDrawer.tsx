import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer } from 'antd';
import { useState } from 'react';
import { LEDGER_KEY, reverseTransfer, transfersQuery, type LedgerAccount, type LedgerTransfer } from '../../api/ledger';
import { CLAIMS_KEY } from '../../api/claims';
import { POLICY_EDITORS } from '../../app/access';
import { useI18n, type TFunction } from '../../app/i18n';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { formatBeijing } from '../../components/format';
import { fenToYuan, formatFen } from '../../components/money';
import { useLastNonNull } from '../../components/useLastNonNull';
import { ReasonModal } from '../../components/claims/ReasonModal';
import { TransfersTable, useAccountNames } from '../../components/claims/TransfersTable';
import { accountNameText } from '../../components/ledger/accountName';

/** One account's transfers, oldest first; a posted transfer can be corrected by a reversing one, with a reason. */
export function TransfersDrawer({ account, onClose }: { account: LedgerAccount | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const editor = mayUse(useMe().data, POLICY_EDITORS);
  const shown = useLastNonNull(account);
  const query = useQuery({ ...transfersQuery(shown?.id ?? 0), enabled: account !== null });
  const names = useAccountNames();
  const [reversing, setReversing] = useState<LedgerTransfer | null>(null);
  const reverse = useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => reverseTransfer(id, reason),
    onSuccess: async (res) => {
      setReversing(null);
      await client.invalidateQueries({ queryKey: LEDGER_KEY });
      await client.invalidateQueries({ queryKey: CLAIMS_KEY });
      void message.success(t(res.replayed ? 'ledger.reverse.replayed' : 'ledger.reverse.done', { id: res.transfer.reversesId ?? '' }));
    },
  });
  const transfers = query.data ?? [];
  const reversed = new Set(transfers.map((x) => x.reversesId).filter((x): x is number => x !== null));
  const reversible = (x: LedgerTransfer) =>
    (x.kind === 'posted' || x.kind === 'post_pending') && !reversed.has(x.id) && x.reversesId === null;
  const title = shown ? accountNameText(shown.name, t) : '';

  const exportTable = () => transfersExportTable(title, transfers, names, t);

  return (
    <Drawer
      open={account !== null}
      title={t('ledger.transfers.title', { name: title })}
      size={980}
      onClose={onClose}
      destroyOnHidden
      extra={<ExportButton table={exportTable} disabled={transfers.length === 0} data-testid="transfers-export" />}
      data-testid="transfers-drawer"
    >
      {shown ? <AccountSummary account={shown} /> : null}
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <TransfersTable
          transfers={transfers}
          accountId={shown?.id}
          loading={query.isFetching}
          testId="transfers-table"
          actions={
            editor
              ? (x) =>
                  reversible(x) ? (
                    <Button
                      size="small"
                      danger
                      onClick={() => {
                        reverse.reset();
                        setReversing(x);
                      }}
                      data-testid={`transfer-reverse-${x.id}`}
                    >
                      {t('ledger.reverse')}
                    </Button>
                  ) : null
              : undefined
          }
        />
      )}
      <ReasonModal
        open={reversing !== null}
        title={t('ledger.reverse.title', { id: reversing?.id ?? '' })}
        text={
          reversing
            ? t('ledger.reverse.text', {
                amount: formatFen(reversing.amount, locale),
                from: names(reversing.creditAccountId),
                to: names(reversing.debitAccountId),
              })
            : null
        }
        label={t('ledger.reverse.reason')}
        okText={t('ledger.reverse')}
        testId="transfer-reverse"
        danger
        pending={reverse.isPending}
        error={reverse.error}
        onOk={(reason) => reversing && reverse.mutate({ id: reversing.id, reason })}
        onCancel={() => !reverse.isPending && setReversing(null)}
      />
    </Drawer>
  );
}

/** The account's code, balance and available amount. */
function AccountSummary({ account: shown }: { account: LedgerAccount }) {
  const { t, locale } = useI18n();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 3 }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'code', label: t('ledger.code'), children: <code>{shown.code}</code> },
        { key: 'balance', label: t('ledger.balance'), children: formatFen(shown.balanceFen, locale) },
        { key: 'available', label: t('ledger.available'), children: formatFen(shown.availableFen, locale) },
      ]}
    />
  );
}

/** The account's transfers as an export table. */
function transfersExportTable(title: string, transfers: LedgerTransfer[], names: (id: number) => string, t: TFunction) {
  return {
    title: t('ledger.transfers.exportTitle', { name: title }),
    columns: [
      { key: 'id', title: t('ledger.transfer.id') },
      { key: 'at', title: t('ledger.transfer.at') },
      { key: 'kind', title: t('ledger.transfer.kind') },
      { key: 'debit', title: t('ledger.transfer.debit') },
      { key: 'credit', title: t('ledger.transfer.credit') },
      { key: 'amount', title: t('ledger.amountYuan') },
      { key: 'reason', title: t('ledger.transfer.reason') },
      { key: 'claim', title: t('ledger.transfer.claim') },
      { key: 'key', title: t('ledger.transfer.key') },
    ],
    rows: transfers.map((x) => ({
      id: x.id,
      at: formatBeijing(x.createdAt),
      kind: t(`ledger.kind.${x.kind}`),
      debit: names(x.debitAccountId),
      credit: names(x.creditAccountId),
      amount: fenToYuan(x.amount),
      reason: x.reason,
      claim: x.claimId,
      key: x.idempotencyKey,
    })),
  };
}
