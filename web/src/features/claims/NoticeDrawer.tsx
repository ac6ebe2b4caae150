import { ExportOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { noticeQuery, type NoticeDetail, type Objection } from '../../api/claims';
import { POLICY_EDITORS } from '../../app/access';
import { Loading } from '../../app/Loading';
import type { Locale } from '../../../../common/enums';
import { useI18n, type TFunction } from '../../app/i18n';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { fenToYuan, formatFen } from '../../components/money';
import { useLastNonNull } from '../../components/useLastNonNull';
import { ClaimStatusTag, NoticeStateTag } from '../../components/claims/ClaimStatusTag';
import { objectionColumns } from '../../components/claims/objectionColumns';
import { ResolveModal } from '../../components/claims/ResolveModal';

type Item = NoticeDetail['items'][number];

/** A notice: the claims on it, and the objections raised with their resolution. */
export function NoticeDrawer({
  noticeId,
  onClose,
  onOpenClaim,
}: {
  noticeId: string | null;
  onClose: () => void;
  onOpenClaim: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const editor = mayUse(useMe().data, POLICY_EDITORS);
  const shown = useLastNonNull(noticeId);
  const query = useQuery({ ...noticeQuery(shown ?? ''), enabled: noticeId !== null });
  const d = query.data?.notice.id === shown ? query.data : undefined;
  const [resolving, setResolving] = useState<Objection | null>(null);
  const nameOfClaim = (claimId: string | null) =>
    claimId ? (d?.items.find((i) => i.c.id === claimId)?.enterpriseName ?? claimId.slice(0, 8)) : t('objection.general');

  const itemColumns = useItemColumns(onOpenClaim);
  const objectionCols = objectionColumns<Objection>(t, {
    about: (o) => nameOfClaim(o.claimId),
    onResolve: editor ? setResolving : undefined,
    resolveTestId: (o) => `objection-resolve-${o.id}`,
  });
  const exportTable = () => noticeExportTable(d, t, locale);

  return (
    <Drawer
      open={noticeId !== null}
      title={d ? d.notice.title : t('notice.title')}
      size={860}
      onClose={onClose}
      destroyOnHidden
      extra={
        d ? (
          <Button
            icon={<ExportOutlined aria-hidden />}
            href={`/public/notices/${d.notice.id}`}
            target="_blank"
            rel="noopener"
            data-testid="notice-public-link"
          >
            {t('notice.publicPage')}
          </Button>
        ) : null
      }
      data-testid="notice-drawer"
    >
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!d && !query.isError ? <Loading /> : null}
      {d ? (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            style={{ marginBottom: 16 }}
            items={[
              {
                key: 'dates',
                label: t('notice.period'),
                children: t('common.dateRange', { from: d.notice.startsOn, to: d.notice.endsOn }),
              },
              { key: 'state', label: t('notice.state'), children: <NoticeStateTag notice={d.notice} /> },
            ]}
          />
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t('notice.items', { n: d.items.length })}
            </Typography.Title>
            <ExportButton table={exportTable} disabled={d.items.length === 0} data-testid="notice-export" />
          </div>
          <Table<Item>
            rowKey={(i) => i.c.id}
            size="small"
            columns={itemColumns}
            dataSource={d.items}
            pagination={false}
            data-testid="notice-items"
          />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            {t('notice.objections', { n: d.objections.length })}
          </Typography.Title>
          <Table<Objection>
            rowKey="id"
            size="small"
            columns={objectionCols}
            dataSource={d.objections}
            pagination={false}
            locale={{ emptyText: t('objection.none') }}
            onRow={(o) => ({ 'data-testid': `objection-row-${o.id}`, 'data-status': o.status }) as HTMLAttributes<HTMLElement>}
            data-testid="notice-objections"
          />
        </>
      ) : null}
      <ResolveModal objection={resolving} onClose={() => setResolving(null)} />
    </Drawer>
  );
}

/** The notice's claims: enterprise (opens the claim), policy, amount, status. */
function useItemColumns(onOpenClaim: (id: string) => void): TableColumnsType<Item> {
  const { t, locale } = useI18n();
  return [
    {
      key: 'enterprise',
      title: t('claim.enterprise'),
      render: (_, i) => (
        <Typography.Link onClick={() => onOpenClaim(i.c.id)} data-testid={`notice-item-${i.creditCode}`}>
          {i.enterpriseName}
        </Typography.Link>
      ),
    },
    { key: 'policy', title: t('claim.policy'), render: (_, i) => (locale === 'zh-CN' ? i.policyZh : i.policyEn) },
    { key: 'amount', title: t('claim.amount'), align: 'right', render: (_, i) => formatFen(i.c.amountFen, locale) },
    { key: 'status', title: t('claim.status'), render: (_, i) => <ClaimStatusTag status={i.c.status} /> },
  ];
}

/** The notice's claims as an export table. */
function noticeExportTable(d: NoticeDetail | undefined, t: TFunction, locale: Locale) {
  return {
    title: d?.notice.title ?? t('notice.title'),
    columns: [
      { key: 'enterprise', title: t('claim.enterprise') },
      { key: 'creditCode', title: t('ent.creditCode') },
      { key: 'policy', title: t('claim.policy') },
      { key: 'amount', title: t('claim.amountYuan') },
      { key: 'status', title: t('claim.status') },
    ],
    rows: (d?.items ?? []).map((i) => ({
      enterprise: i.enterpriseName,
      creditCode: i.creditCode,
      policy: locale === 'zh-CN' ? i.policyZh : i.policyEn,
      amount: fenToYuan(i.c.amountFen),
      status: t(`claim.status.${i.c.status}`),
    })),
  };
}
