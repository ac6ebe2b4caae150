import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PUBLIC_KEY } from '../../api/claims';
import { Loading } from '../../app/Loading';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError, errorText } from '../../components/errors';
import { ScrollRegion } from '../../components/ScrollRegion';
import { NoticeStateTag } from '../../components/claims/ClaimStatusTag';
import { PublicLayout } from './PublicLayout';

interface NoticeHead {
  title: string;
  startsOn: string;
  endsOn: string;
  open: boolean;
  objections: number;
}

/**
 * A public notice page, an incentive notice's or a project notice's: the way back to all notices, the notice's
 * title, dates, state and objection count (after the `lead` details), its text and list, and while it runs the
 * form to object (`objectionForm`).
 */
export function PublicNoticeFrame({
  query,
  notice: n,
  testId,
  lead = [],
  columns,
  text,
  itemsLabel,
  objectionForm,
  children,
}: {
  query: { isError: boolean; error: unknown; refetch: () => unknown };
  notice: NoticeHead | undefined;
  testId: string;
  lead?: NonNullable<DescriptionsProps['items']>;
  columns: number;
  text: string;
  itemsLabel: string;
  objectionForm: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <PublicLayout>
      <Link to="/public/notices" style={{ display: 'inline-block', marginBottom: 8 }} data-testid="public-back">
        <ArrowLeftOutlined aria-hidden /> {t('public.allNotices')}
      </Link>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!n && !query.isError ? <Loading /> : null}
      {n ? (
        <div data-testid={testId} data-open={String(n.open)}>
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {n.title}
          </Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: columns }}
            style={{ marginBottom: 16, background: '#fff' }}
            items={[
              ...lead,
              { key: 'period', label: t('notice.period'), children: t('common.dateRange', { from: n.startsOn, to: n.endsOn }) },
              { key: 'state', label: t('notice.state'), children: <NoticeStateTag notice={n} open={n.open} /> },
              {
                key: 'objections',
                label: t('public.objectionCount'),
                children: <span data-testid="public-objection-count">{n.objections}</span>,
              },
            ]}
          />
          <Typography.Paragraph style={{ maxWidth: 900 }}>{text}</Typography.Paragraph>
          <Card style={{ marginBottom: 16 }}>
            <ScrollRegion label={itemsLabel}>{children}</ScrollRegion>
          </Card>
          {n.open ? objectionForm : <Alert type="info" showIcon title={t('public.closed')} data-testid="public-closed" />}
        </div>
      ) : null}
    </PublicLayout>
  );
}

type ObjectionBody<K extends string> = Partial<Record<K, string>> & { text: string; contact?: string };
type Values<K extends string> = Partial<Record<K, string>> & { text: string; contact?: string };

/**
 * The public's objection to a running notice: what it is about (field `about`, one of `options`, or the notice
 * in general), the objection and a way to reach the objector.
 */
export function ObjectionForm<K extends string>({
  endsOn,
  about,
  options,
  selectTestId,
  raise: send,
}: {
  endsOn: string;
  about: K;
  options: { value: string; label: string }[];
  selectTestId: string;
  raise: (body: ObjectionBody<K>) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<Values<K>>();
  const [formError, setFormError] = useState<unknown>(null);
  const raise = useMutation({
    mutationFn: (v: Values<K>) => {
      const subject = v[about] as string | undefined;
      return send({
        ...(subject ? { [about]: subject } : {}),
        text: v.text.trim(),
        ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}),
      } as ObjectionBody<K>);
    },
    onMutate: () => setFormError(null),
    onSuccess: () => void client.invalidateQueries({ queryKey: PUBLIC_KEY }),
    onError: (error) => {
      if (!applyServerError(form, error, [about, 'text', 'contact'])) setFormError(error);
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
      <Typography.Paragraph>{t('public.objection.intro', { end: endsOn })}</Typography.Paragraph>
      {formError ? <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 12 }} /> : null}
      <Form<Values<K>> form={form} layout="vertical" style={{ maxWidth: 640 }} disabled={raise.isPending} onFinish={(v) => raise.mutate(v)}>
        <Form.Item name={about as string} label={t('public.objection.about')}>
          <Select<string> allowClear placeholder={t('public.objection.general')} options={options} data-testid={selectTestId} />
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
