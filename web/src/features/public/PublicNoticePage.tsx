import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PUBLIC_KEY, publicNoticeQuery, raiseObjection, type PublicNotice } from '../../api/claims';
import { Loading } from '../../app/Loading';
import { useDocumentTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError, errorText } from '../../components/errors';
import { formatFen } from '../../components/money';
import { NoticeStateTag } from '../claims/ClaimStatusTag';
import { PublicLayout } from './PublicLayout';
import { ScrollRegion } from '../../components/ScrollRegion';

type Item = PublicNotice['items'][number];

/** One public notice: who is to receive what under which policy, and while it runs, a form to object. */
export default function PublicNoticePage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const query = useQuery(publicNoticeQuery(id));
  const n = query.data?.id === id ? query.data : undefined;
  useDocumentTitle('public.notice', n?.title);

  const columns: TableColumnsType<Item> = [
    { key: 'no', title: t('public.no'), width: 64, render: (_, __, i) => i + 1 },
    { key: 'enterprise', title: t('claim.enterprise'), dataIndex: 'enterprise' },
    { key: 'policy', title: t('claim.policy'), render: (_, x) => (locale === 'zh-CN' ? x.policyZh : x.policyEn) },
    {
      key: 'amount',
      title: t('claim.amount'),
      align: 'right',
      render: (_, x) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(x.amountFen, locale)}</span>,
    },
  ];

  return (
    <PublicLayout>
      <Link to="/public/notices" style={{ display: 'inline-block', marginBottom: 8 }} data-testid="public-back">
        <ArrowLeftOutlined aria-hidden /> {t('public.allNotices')}
      </Link>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!n && !query.isError ? <Loading /> : null}
      {n ? (
        <div data-testid="public-notice" data-open={String(n.open)}>
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {n.title}
          </Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 3 }}
            style={{ marginBottom: 16, background: '#fff' }}
            items={[
              { key: 'period', label: t('notice.period'), children: t('common.dateRange', { from: n.startsOn, to: n.endsOn }) },
              { key: 'state', label: t('notice.state'), children: <NoticeStateTag notice={n} open={n.open} /> },
              {
                key: 'objections',
                label: t('public.objectionCount'),
                children: <span data-testid="public-objection-count">{n.objections}</span>,
              },
            ]}
          />
          <Typography.Paragraph style={{ maxWidth: 900 }}>{t('public.noticeText')}</Typography.Paragraph>
          <Card style={{ marginBottom: 16 }}>
            <ScrollRegion label={t('public.itemsLabel')}>
              <Table<Item>
                rowKey="claimId"
                size="middle"
                columns={columns}
                dataSource={n.items}
                pagination={false}
                locale={{ emptyText: t('public.noItems') }}
                data-testid="public-notice-items"
              />
            </ScrollRegion>
          </Card>
          {n.open ? <ObjectionForm notice={n} /> : <Alert type="info" showIcon title={t('public.closed')} data-testid="public-closed" />}
        </div>
      ) : null}
    </PublicLayout>
  );
}

interface Values {
  claimId?: string;
  text: string;
  contact?: string;
}

function ObjectionForm({ notice }: { notice: PublicNotice }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const raise = useMutation({
    mutationFn: (v: Values) =>
      raiseObjection(notice.id, {
        ...(v.claimId ? { claimId: v.claimId } : {}),
        text: v.text.trim(),
        ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}),
      }),
    onMutate: () => setFormError(null),
    onSuccess: () => void client.invalidateQueries({ queryKey: PUBLIC_KEY }),
    onError: (error) => {
      if (!applyServerError(form, error, ['claimId', 'text', 'contact'])) setFormError(error);
    },
  });
  if (raise.isSuccess)
    return (
      <Card>
        <Result
          status="success"
          title={t('public.objection.thanks')}
          subTitle={t('public.objection.thanksText')}
          data-testid="public-objection-done"
        />
      </Card>
    );
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('public.objection.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>{t('public.objection.intro', { end: notice.endsOn })}</Typography.Paragraph>
      {formError ? <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 640 }} disabled={raise.isPending} onFinish={(v) => raise.mutate(v)}>
        <Form.Item name="claimId" label={t('public.objection.about')}>
          <Select<string>
            allowClear
            placeholder={t('public.objection.general')}
            options={notice.items.map((x) => ({
              value: x.claimId,
              label: `${x.enterprise} · ${locale === 'zh-CN' ? x.policyZh : x.policyEn}`,
            }))}
            data-testid="objection-claim"
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('public.objection.text')}
          rules={[
            { required: true, whitespace: true, message: t('public.objection.textRequired') },
            { min: 5, message: t('public.objection.textRequired') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="objection-text" />
        </Form.Item>
        <Form.Item name="contact" label={t('public.objection.contact')} extra={t('public.objection.contactHint')} rules={[{ max: 100 }]}>
          <Input maxLength={100} autoComplete="tel" data-testid="objection-contact" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={raise.isPending} data-testid="objection-submit">
          {t('public.objection.submit')}
        </Button>
      </Form>
    </Card>
  );
}
