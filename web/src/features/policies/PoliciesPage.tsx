import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes, MouseEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { PolicyEvent } from '../../../../common/policies';
import { policiesQuery, type PolicySummary } from '../../api/policies';
import { PageTitle } from '../../app/PageTitle';
import type { Locale } from '../../../../common/enums';
import { useI18n, type TFunction } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { PolicyStatusTags } from './PolicyStatusTags';
import { nameOf, POLICY_EVENT_LIST, triggerText } from '../../components/policies/labels';
import { ScrollRegion } from '../../components/ScrollRegion';

const STATUS_FILTERS = ['operative', 'unset', 'pending', 'draft'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

function matchesStatus(p: PolicySummary, s: StatusFilter): boolean {
  if (s === 'operative') return p.operative;
  if (s === 'unset') return p.unsetParameters.length > 0;
  return p.latestStatus === s;
}

/** 政策目录: every incentive policy of the plan with its clause, trigger and where it stands. */
export default function PoliciesPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const trigger = (POLICY_EVENT_LIST as readonly string[]).includes(params.get('trigger') ?? '')
    ? (params.get('trigger') as PolicyEvent)
    : undefined;
  const status = (STATUS_FILTERS as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as StatusFilter)
    : undefined;
  const query = useQuery(policiesQuery());
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const needle = q.trim().toLowerCase();
  const rows = (query.data ?? []).filter(
    (p) =>
      (!needle || [p.code, p.nameZh, p.nameEn, p.clauseRef, p.clauseText].some((s) => s.toLowerCase().includes(needle))) &&
      (!trigger || p.trigger === trigger) &&
      (!status || matchesStatus(p, status)),
  );

  const columns = usePolicyColumns();
  const exportTable = () => policiesExportTable(rows, t, locale);

  return (
    <>
      <PageTitle
        titleKey="pol.catalogueTitle"
        extra={<ExportButton table={exportTable} disabled={rows.length === 0} data-testid="policies-export" />}
      />
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('pol.catalogueIntro')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('common.search')} htmlFor="policies-q">
          <Input
            id="policies-q"
            prefix={<SearchOutlined aria-hidden />}
            allowClear
            placeholder={t('pol.searchPlaceholder')}
            value={q}
            onChange={(e) => set('q', e.target.value)}
            style={{ width: 260 }}
            data-testid="policies-search"
          />
        </Form.Item>
        <Form.Item label={t('pol.trigger')} htmlFor="policies-trigger">
          <Select<PolicyEvent>
            id="policies-trigger"
            allowClear
            placeholder={t('pol.allTriggers')}
            value={trigger}
            options={POLICY_EVENT_LIST.map((e) => ({ value: e, label: triggerText(e, t) }))}
            onChange={(v) => set('trigger', v)}
            style={{ width: 200 }}
            data-testid="policies-filter-trigger"
          />
        </Form.Item>
        <Form.Item label={t('pol.status')} htmlFor="policies-status">
          <Select<StatusFilter>
            id="policies-status"
            allowClear
            placeholder={t('pol.allStatuses')}
            value={status}
            options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`pol.filter.${s}`) }))}
            onChange={(v) => set('status', v)}
            style={{ width: 160 }}
            data-testid="policies-filter-status"
          />
        </Form.Item>
      </Form>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ScrollRegion label={t('pol.catalogueTitle')}>
          <Table<PolicySummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={query.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
            onRow={(p) =>
              ({
                'data-testid': `policy-row-${p.code}`,
                'data-operative': String(p.operative),
                onClick: (e: MouseEvent) => {
                  // The name is a link already; anywhere else on the row opens the policy too.
                  if (!(e.target as HTMLElement).closest('a')) void navigate(`/policies/${p.code}`);
                },
                style: { cursor: 'pointer' },
              }) as HTMLAttributes<HTMLElement>
            }
            data-testid="policies-table"
          />
        </ScrollRegion>
      )}
    </>
  );
}

/** A policy's standing in words, for the export. */
function statusText(p: PolicySummary, t: TFunction): string {
  return [
    p.operative ? t('pol.status.operative') : null,
    !p.operative && p.activeVersion === null ? t('pol.status.notInForce') : null,
    p.unsetParameters.length ? t('pol.status.unset') : null,
    p.latestStatus === 'pending' ? t('pol.status.pending', { v: p.latestVersion }) : null,
    p.latestStatus === 'draft' ? t('pol.status.draft', { v: p.latestVersion }) : null,
  ]
    .filter(Boolean)
    .join(t('common.listSep'));
}

/** The catalogue's columns: name (a link) with code, clause, trigger, version in force, status tags. */
function usePolicyColumns(): TableColumnsType<PolicySummary> {
  const { t, locale } = useI18n();
  return [
    {
      key: 'name',
      title: t('pol.name'),
      render: (_, p) => (
        <>
          <Link to={`/policies/${p.code}`} data-testid={`policy-link-${p.code}`}>
            {nameOf(p, locale)}
          </Link>
          <div>
            <Typography.Text code style={{ fontSize: 12 }}>
              {p.code}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'clause',
      title: t('pol.clauseRef'),
      dataIndex: 'clauseRef',
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
    },
    {
      key: 'trigger',
      title: t('pol.trigger'),
      render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{triggerText(p.trigger, t)}</span>,
    },
    {
      key: 'version',
      title: t('pol.activeVersion'),
      render: (_, p) => (p.activeVersion ? `v${p.activeVersion}` : '—'),
    },
    { key: 'status', title: t('pol.status'), render: (_, p) => <PolicyStatusTags p={p} /> },
  ];
}

/** The catalogue's shown rows as an export table. */
function policiesExportTable(rows: PolicySummary[], t: TFunction, locale: Locale) {
  return {
    title: t('pol.catalogueTitle'),
    columns: [
      { key: 'code', title: t('pol.code') },
      { key: 'name', title: t('pol.name') },
      { key: 'clause', title: t('pol.clauseRef') },
      { key: 'trigger', title: t('pol.trigger') },
      { key: 'version', title: t('pol.activeVersion') },
      { key: 'status', title: t('pol.status') },
      { key: 'unset', title: t('pol.unsetParameters') },
      { key: 'text', title: t('pol.clauseText') },
    ],
    rows: rows.map((p) => ({
      code: p.code,
      name: nameOf(p, locale),
      clause: p.clauseRef,
      trigger: triggerText(p.trigger, t),
      version: p.activeVersion,
      status: statusText(p, t),
      unset: p.unsetParameters.join(t('common.listSep')),
      text: p.clauseText,
    })),
  };
}
