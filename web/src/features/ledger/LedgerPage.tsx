import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes, type MouseEvent } from 'react';
import { useSearchParams } from 'react-router';
import { accountsQuery, type AccountKind, type LedgerAccount } from '../../api/ledger';
import { policiesQuery } from '../../api/policies';
import { callsQuery } from '../../api/projects';
import { POLICY_EDITORS, PROJECT_READERS } from '../../app/access';
import { PageTitle } from '../../app/PageTitle';
import { useI18n, type TFunction } from '../../app/i18n';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { fenToYuan, formatFen } from '../../components/money';
import { Section } from '../../components/Section';
import { fundSourceText } from '../../components/claims/labels';
import { accountNameText } from '../../components/ledger/accountName';
import { nameOf } from '../../components/policies/labels';
import { BudgetModal } from '../../components/ledger/BudgetModal';
import { BudgetRequests } from './BudgetRequests';
import { TransfersDrawer } from './TransfersDrawer';
import { VerifySection } from './VerifySection';
import { ScrollRegion } from '../../components/ScrollRegion';
import { thisYear } from '../../components/isoDate';

const KINDS: readonly AccountKind[] = ['budget', 'payable', 'paid', 'funding'];
const money = (fen: number, locale: 'zh-CN' | 'en-US') => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(fen, locale)}</span>;

/** 预算与台账: budgets per policy and year, every account by kind with its transfers, and the reconciliation. */
export default function LedgerPage() {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const editor = mayUse(me, POLICY_EDITORS);
  const [params, setParams] = useSearchParams();
  const kind: AccountKind = (KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as AccountKind)
    : 'budget';
  const accounts = useQuery(accountsQuery());
  const policies = useQuery(policiesQuery()).data ?? [];
  // Project calls have budgets too (call_<CODE>): named by their title.
  const calls = useQuery({ ...callsQuery(), enabled: mayUse(me, PROJECT_READERS) }).data ?? [];
  const [year, setYear] = useState<number | undefined>();
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);

  const all = accounts.data ?? [];
  const policyName = (code: string | null) => {
    const p = code ? policies.find((x) => x.code === code) : undefined;
    const c = code?.startsWith('call_') ? calls.find((x) => `call_${x.code}` === code) : undefined;
    return p ? nameOf(p, locale) : c ? t('ledger.budget.call', { title: c.title }) : (code ?? '—');
  };
  const budgets = all.filter((a) => a.kind === 'budget' && (year === undefined || a.fiscalYear === year));
  const years = [...new Set(all.map((a) => a.fiscalYear).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  const ofKind = all.filter((a) => a.kind === kind);

  const budgetColumns = useBudgetColumns(policyName, setOpenId);
  const budgetExport = () => budgetsExportTable(budgets, policyName, t);

  return (
    <>
      <PageTitle titleKey="ledger.title" />
      {accounts.isError ? <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} /> : null}
      <Section
        title={t('ledger.budgets')}
        testId="ledger-budgets"
        extra={
          <Space wrap>
            <label htmlFor="budget-year-filter">{t('ledger.fiscalYear')}</label>
            <Select<number>
              id="budget-year-filter"
              allowClear
              placeholder={t('ledger.allYears')}
              value={year}
              onChange={(v) => setYear(v ?? undefined)}
              options={years.map((y) => ({ value: y, label: t('filters.yearOption', { year: y }) }))}
              style={{ width: 120 }}
              data-testid="budget-year-filter"
            />
            <ExportButton table={budgetExport} disabled={budgets.length === 0} data-testid="budgets-export" />
            {editor ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="budget-add">
                {t('ledger.budget.add')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('ledger.budgets.hint')}</Typography.Paragraph>
        <ScrollRegion label={t('ledger.budgets')}>
          <Table<LedgerAccount>
            rowKey="id"
            size="middle"
            columns={budgetColumns}
            dataSource={budgets}
            loading={accounts.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('ledger.budgets.none') }}
            onRow={rowProps('budget', setOpenId)}
            data-testid="budgets-table"
          />
        </ScrollRegion>
      </Section>

      <BudgetRequests policyName={policyName} />

      <AccountsSection
        kind={kind}
        accounts={ofKind}
        loading={accounts.isFetching}
        onKind={(k) => setParams(k === 'budget' ? {} : { kind: k }, { replace: true })}
        onOpen={setOpenId}
      />

      <VerifySection />

      <BudgetModal
        open={adding}
        policies={policies}
        calls={calls}
        defaults={{ year: year ?? thisYear() }}
        onClose={() => setAdding(false)}
      />
      <TransfersDrawer account={all.find((a) => a.id === openId) ?? null} onClose={() => setOpenId(null)} />
    </>
  );
}

/** Row attributes: a test id, and a click anywhere but on a link or button opens the account's transfers. */
function rowProps(prefix: string, onOpen: (id: number) => void) {
  return (a: LedgerAccount) =>
    ({
      'data-testid': `${prefix}-row-${a.code}`,
      onClick: (e: MouseEvent) => {
        if (!(e.target as HTMLElement).closest('a, button')) onOpen(a.id);
      },
      style: { cursor: 'pointer' },
    }) as HTMLAttributes<HTMLElement>;
}

function OpenLink({ a, text, onOpen }: { a: LedgerAccount; text: string; onOpen: (id: number) => void }) {
  return (
    <Typography.Link onClick={() => onOpen(a.id)} data-testid={`account-open-${a.code}`}>
      {text}
    </Typography.Link>
  );
}

/** The budgets' columns: policy (opens the transfers), year, source, funded, requested, reserved, spent, available. */
function useBudgetColumns(policyName: (code: string | null) => string, onOpen: (id: number) => void): TableColumnsType<LedgerAccount> {
  const { t, locale } = useI18n();
  return [
    {
      key: 'policy',
      title: t('ledger.policy'),
      render: (_, a) => (
        <>
          <OpenLink a={a} text={policyName(a.policyCode)} onOpen={onOpen} />
          <div>
            <Typography.Text code style={{ fontSize: 12 }}>
              {a.policyCode}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { key: 'year', title: t('ledger.fiscalYear'), dataIndex: 'fiscalYear', width: 80 },
    {
      key: 'source',
      title: t('ledger.fundSource'),
      render: (_, a) => fundSourceText(a.fundSource, t),
    },
    { key: 'funded', title: t('ledger.funded'), align: 'right', render: (_, a) => money(a.creditsPosted, locale) },
    {
      key: 'requested',
      title: t('ledger.requested'),
      align: 'right',
      render: (_, a) => (
        <span style={{ whiteSpace: 'nowrap' }} data-testid={`budget-requested-${a.policyCode}-${a.fiscalYear}`} data-fen={a.requestedFen}>
          {formatFen(a.requestedFen, locale)}
        </span>
      ),
    },
    { key: 'reserved', title: t('ledger.reserved'), align: 'right', render: (_, a) => money(a.debitsPending, locale) },
    { key: 'spent', title: t('ledger.spent'), align: 'right', render: (_, a) => money(a.debitsPosted, locale) },
    {
      key: 'available',
      title: t('ledger.available'),
      align: 'right',
      render: (_, a) => (
        <strong style={{ whiteSpace: 'nowrap' }} data-testid={`budget-available-${a.policyCode}-${a.fiscalYear}`} data-fen={a.availableFen}>
          {formatFen(a.availableFen, locale)}
        </strong>
      ),
    },
  ];
}

/** The shown budgets as an export table. */
function budgetsExportTable(budgets: LedgerAccount[], policyName: (code: string | null) => string, t: TFunction) {
  return {
    title: t('ledger.budgets.exportTitle'),
    columns: [
      { key: 'policy', title: t('ledger.policy') },
      { key: 'code', title: t('pol.code') },
      { key: 'year', title: t('ledger.fiscalYear') },
      { key: 'source', title: t('ledger.fundSource') },
      { key: 'funded', title: t('ledger.fundedYuan') },
      { key: 'reserved', title: t('ledger.reservedYuan') },
      { key: 'spent', title: t('ledger.spentYuan') },
      { key: 'available', title: t('ledger.availableYuan') },
    ],
    rows: budgets.map((a) => ({
      policy: policyName(a.policyCode),
      code: a.policyCode,
      year: a.fiscalYear,
      source: fundSourceText(a.fundSource, t),
      funded: fenToYuan(a.creditsPosted),
      reserved: fenToYuan(a.debitsPending),
      spent: fenToYuan(a.debitsPosted),
      available: fenToYuan(a.availableFen),
    })),
  };
}

/** Every account of one kind (a tab per kind) with its postings and balance; a row opens its transfers. */
function AccountsSection({
  kind,
  accounts: ofKind,
  loading,
  onKind,
  onOpen,
}: {
  kind: AccountKind;
  accounts: LedgerAccount[];
  loading: boolean;
  onKind: (kind: AccountKind) => void;
  onOpen: (id: number) => void;
}) {
  const { t, locale } = useI18n();
  const accountColumns: TableColumnsType<LedgerAccount> = [
    { key: 'name', title: t('ledger.account'), render: (_, a) => <OpenLink a={a} text={accountNameText(a.name, t)} onOpen={onOpen} /> },
    {
      key: 'code',
      title: t('ledger.code'),
      render: (_, a) => (
        <Typography.Text code style={{ fontSize: 12 }}>
          {a.code}
        </Typography.Text>
      ),
    },
    { key: 'year', title: t('ledger.fiscalYear'), render: (_, a) => a.fiscalYear ?? '—' },
    { key: 'debits', title: t('ledger.debitsPosted'), align: 'right', render: (_, a) => money(a.debitsPosted, locale) },
    { key: 'credits', title: t('ledger.creditsPosted'), align: 'right', render: (_, a) => money(a.creditsPosted, locale) },
    {
      key: 'pending',
      title: t('ledger.pending'),
      align: 'right',
      render: (_, a) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t('ledger.pendingValue', { debit: formatFen(a.debitsPending, locale), credit: formatFen(a.creditsPending, locale) })}
        </span>
      ),
    },
    {
      key: 'balance',
      title: t('ledger.balance'),
      align: 'right',
      render: (_, a) => (
        <strong style={{ whiteSpace: 'nowrap' }} data-testid={`account-balance-${a.code}`}>
          {formatFen(a.balanceFen, locale)}
        </strong>
      ),
    },
  ];
  const accountExport = () => ({
    title: t('ledger.accounts.exportTitle', { kind: t(`ledger.accountKind.${kind}`) }),
    columns: [
      { key: 'name', title: t('ledger.account') },
      { key: 'code', title: t('ledger.code') },
      { key: 'year', title: t('ledger.fiscalYear') },
      { key: 'debits', title: t('ledger.debitsPostedYuan') },
      { key: 'credits', title: t('ledger.creditsPostedYuan') },
      { key: 'debitsPending', title: t('ledger.debitsPendingYuan') },
      { key: 'creditsPending', title: t('ledger.creditsPendingYuan') },
      { key: 'balance', title: t('ledger.balanceYuan') },
    ],
    rows: ofKind.map((a) => ({
      name: accountNameText(a.name, t),
      code: a.code,
      year: a.fiscalYear,
      debits: fenToYuan(a.debitsPosted),
      credits: fenToYuan(a.creditsPosted),
      debitsPending: fenToYuan(a.debitsPending),
      creditsPending: fenToYuan(a.creditsPending),
      balance: fenToYuan(a.balanceFen),
    })),
  });

  return (
    <Section
      title={t('ledger.accounts')}
      testId="ledger-accounts"
      extra={<ExportButton table={accountExport} disabled={ofKind.length === 0} data-testid="accounts-export" />}
    >
      <Tabs
        activeKey={kind}
        onChange={(k) => onKind(k as AccountKind)}
        aria-label={t('ledger.accountKinds')}
        items={KINDS.map((k) => ({
          key: k,
          label: <span data-testid={`accounts-tab-${k}`}>{t(`ledger.accountKind.${k}`)}</span>,
          children:
            k === kind ? (
              <>
                <Typography.Paragraph type="secondary">{t(`ledger.accountKind.${k}.hint`)}</Typography.Paragraph>
                <ScrollRegion label={t(`ledger.accountKind.${k}`)}>
                  <Table<LedgerAccount>
                    rowKey="id"
                    size="small"
                    columns={accountColumns}
                    dataSource={ofKind}
                    loading={loading}
                    pagination={{ pageSize: 50, hideOnSinglePage: true }}
                    locale={{ emptyText: t('ledger.accounts.none') }}
                    onRow={rowProps('account', onOpen)}
                    data-testid={`accounts-table-${k}`}
                  />
                </ScrollRegion>
              </>
            ) : null,
        }))}
      />
    </Section>
  );
}
