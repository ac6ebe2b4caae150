import { NotificationOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { CLAIM_STATUSES, claimsQuery, type Claim, type ClaimStatus } from '../../api/claims';
import { policiesQuery, type PolicySummary } from '../../api/policies';
import { POLICY_EDITORS } from '../../app/access';
import { PageTitle } from '../../app/PageTitle';
import type { Locale } from '../../../../common/enums';
import { useI18n, type TFunction } from '../../app/i18n';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { formatBeijing } from '../../components/format';
import { fenToYuan } from '../../components/money';
import { nameOf } from '../../components/policies/labels';
import { ClaimDrawer } from './ClaimDrawer';
import { ClaimsTable } from './ClaimsTable';
import { NoticeDrawer } from './NoticeDrawer';
import { NoticeModal } from './NoticeModal';
import { NoticesTab } from './NoticesTab';
import { ACTION_STATUSES } from '../../components/claims/labels';

type View = 'action' | 'all' | ClaimStatus;
const isView = (v: string | null): v is View => v === 'action' || v === 'all' || (CLAIM_STATUSES as readonly string[]).includes(v ?? '');

/**
 * 兑现申领: the matches inbox (what waits for the bureau by default), each claim's trace and next step, public
 * notices for reviewed claims, and their objections. The open claim and notice live in the URL.
 */
export default function ClaimsPage() {
  const { t, locale } = useI18n();
  const editor = mayUse(useMe().data, POLICY_EDITORS);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'notices' ? 'notices' : 'inbox';
  const view: View = isView(params.get('view')) ? (params.get('view') as View) : 'action';
  const policy = params.get('policy') ?? undefined;
  const q = params.get('q') ?? '';
  const claimId = params.get('claim');
  const noticeId = params.get('notice');
  const [selected, setSelected] = useState<string[]>([]);
  const [publishing, setPublishing] = useState<string[] | null>(null);

  const single = view !== 'action' && view !== 'all' ? view : undefined;
  const policies = useQuery(policiesQuery()).data ?? [];
  const query = useQuery(claimsQuery({ ...(single ? { status: single } : {}), ...(policy ? { policy } : {}) }));
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const needle = q.trim().toLowerCase();
  const rows = (query.data ?? []).filter(
    (c) =>
      (view !== 'action' || ACTION_STATUSES.includes(c.status)) &&
      (!needle || c.enterpriseName.toLowerCase().includes(needle) || c.creditCode.toLowerCase().includes(needle)),
  );
  const reviewedIds = new Set(rows.filter((c) => c.status === 'reviewed').map((c) => c.id));
  const picked = selected.filter((id) => reviewedIds.has(id));

  const exportTable = () => claimsExportTable(rows, t, locale);

  const inbox = (
    <>
      <InboxFilters view={view} policy={policy} q={q} set={set} policies={policies} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, marginBottom: 8, flexWrap: 'wrap' }}>
        <Typography.Text>{editor ? t('claim.noticeHint', { n: picked.length }) : null}</Typography.Text>
        <div style={{ display: 'flex', gap: 8 }}>
          {editor ? (
            <Button
              type="primary"
              icon={<NotificationOutlined aria-hidden />}
              disabled={picked.length === 0}
              onClick={() => setPublishing(picked)}
              data-testid="claims-publish"
            >
              {t('claim.publish', { n: picked.length })}
            </Button>
          ) : null}
          <ExportButton table={exportTable} disabled={rows.length === 0} data-testid="claims-export" />
        </div>
      </div>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ClaimsTable
          claims={rows}
          loading={query.isFetching}
          onOpen={(id) => set({ claim: id })}
          {...(editor ? { selected: picked, onSelect: setSelected } : {})}
        />
      )}
    </>
  );

  return (
    <>
      <PageTitle titleKey="claim.title" />
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key === 'notices' ? 'notices' : null })}
        aria-label={t('claim.sections')}
        items={[
          {
            key: 'inbox',
            label: <span data-testid="claims-tab-inbox">{t('claim.tab.inbox')}</span>,
            children: tab === 'inbox' ? inbox : null,
          },
          {
            key: 'notices',
            label: <span data-testid="claims-tab-notices">{t('claim.tab.notices')}</span>,
            children: tab === 'notices' ? <NoticesTab onOpen={(id) => set({ notice: id })} /> : null,
          },
        ]}
      />
      <ClaimDrawer claimId={claimId} onClose={() => set({ claim: null })} />
      <NoticeDrawer noticeId={noticeId} onClose={() => set({ notice: null })} onOpenClaim={(id) => set({ notice: null, claim: id })} />
      <NoticeModal
        claimIds={publishing}
        onCancel={() => setPublishing(null)}
        onCreated={(n) => {
          setPublishing(null);
          setSelected([]);
          set({ tab: 'notices', notice: n.id });
        }}
      />
    </>
  );
}

/** The inbox's filters: view (what waits for action, all, one status), policy, and a search by name or code. */
function InboxFilters({
  view,
  policy,
  q,
  set,
  policies,
}: {
  view: View;
  policy: string | undefined;
  q: string;
  set: (changes: Record<string, string | null>) => void;
  policies: readonly PolicySummary[];
}) {
  const { t, locale } = useI18n();
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
      <Form.Item label={t('claim.view')} htmlFor="claims-view">
        <Select<View>
          id="claims-view"
          value={view}
          onChange={(v) => set({ view: v === 'action' ? null : v })}
          options={[
            { value: 'action', label: t('claim.view.action') },
            { value: 'all', label: t('claim.view.all') },
            ...CLAIM_STATUSES.map((s) => ({ value: s, label: t(`claim.status.${s}`) })),
          ]}
          style={{ width: 200 }}
          data-testid="claims-view"
        />
      </Form.Item>
      <Form.Item label={t('claim.policy')} htmlFor="claims-policy">
        <Select<string>
          id="claims-policy"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('claim.allPolicies')}
          value={policy}
          onChange={(v) => set({ policy: v ?? null })}
          options={policies.map((p) => ({ value: p.code, label: nameOf(p, locale) }))}
          style={{ width: 280 }}
          data-testid="claims-policy"
        />
      </Form.Item>
      <Form.Item label={t('common.search')} htmlFor="claims-q">
        <Input
          id="claims-q"
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('claim.searchPlaceholder')}
          value={q}
          onChange={(e) => set({ q: e.target.value })}
          style={{ width: 240 }}
          data-testid="claims-search"
        />
      </Form.Item>
    </Form>
  );
}

/** The shown claims as an export table. */
function claimsExportTable(rows: Claim[], t: TFunction, locale: Locale) {
  return {
    title: t('claim.exportTitle'),
    columns: [
      { key: 'enterprise', title: t('claim.enterprise') },
      { key: 'creditCode', title: t('ent.creditCode') },
      { key: 'policy', title: t('claim.policy') },
      { key: 'year', title: t('claim.fiscalYear') },
      { key: 'amount', title: t('claim.amountYuan') },
      { key: 'elig', title: t('pol.eligibility') },
      { key: 'status', title: t('claim.status') },
      { key: 'created', title: t('claim.createdAt') },
    ],
    rows: rows.map((c: Claim) => ({
      enterprise: c.enterpriseName,
      creditCode: c.creditCode,
      policy: locale === 'zh-CN' ? c.policyZh : c.policyEn,
      year: c.fiscalYear,
      amount: fenToYuan(c.amountFen),
      elig: t(`pol.elig.${c.eligibility}`),
      status: t(`claim.status.${c.status}`),
      created: formatBeijing(c.createdAt),
    })),
  };
}
