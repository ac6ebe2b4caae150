import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PUBLIC_KEY } from '../../api/claims';
import { publicProjectNoticeQuery, raiseProjectObjection, type PublicProjectNotice } from '../../api/panels';
import { Loading } from '../../app/Loading';
import { useDocumentTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError, errorText } from '../../components/errors';
import { ScrollRegion } from '../../components/ScrollRegion';
import { NoticeStateTag } from '../claims/ClaimStatusTag';
import { NoticeItemsTable } from '../projects/NoticeItemsTable';
import { PublicLayout } from './PublicLayout';

/** 项目立项公示: the approval list of a call — project, applicant, grant, score and rank — and, while it runs, a form to object. */
export default function PublicProjectNoticePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const query = useQuery(publicProjectNoticeQuery(id));
  const n = query.data?.id === id ? query.data : undefined;
  useDocumentTitle('public.projectNotice', n?.title);

  return (
    <PublicLayout>
      <Link to="/public/notices" style={{ display: 'inline-block', marginBottom: 8 }} data-testid="public-back">
        <ArrowLeftOutlined aria-hidden /> {t('public.allNotices')}
      </Link>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!n && !query.isError ? <Loading /> : null}
      {n ? (
        <div data-testid="public-project-notice" data-open={String(n.open)}>
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {n.title}
          </Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            style={{ marginBottom: 16, background: '#fff' }}
            items={[
              { key: 'call', label: t('public.call'), children: `${n.callTitle}（${n.callCode}）` },
              { key: 'period', label: t('notice.period'), children: t('common.dateRange', { from: n.startsOn, to: n.endsOn }) },
              { key: 'state', label: t('notice.state'), children: <NoticeStateTag notice={n} open={n.open} /> },
              {
                key: 'objections',
                label: t('public.objectionCount'),
                children: <span data-testid="public-objection-count">{n.objections}</span>,
              },
            ]}
          />
          <Typography.Paragraph style={{ maxWidth: 900 }}>{t('public.projectNoticeText')}</Typography.Paragraph>
          <Card style={{ marginBottom: 16 }}>
            <ScrollRegion label={t('public.projectItemsLabel')}>
              <NoticeItemsTable items={n.items} />
            </ScrollRegion>
          </Card>
          {n.open ? <ObjectionForm notice={n} /> : <Alert type="info" showIcon title={t('public.closed')} data-testid="public-closed" />}
        </div>
      ) : null}
    </PublicLayout>
  );
}

interface Values {
  applicationId?: string;
  text: string;
  contact?: string;
}

function ObjectionForm({ notice }: { notice: PublicProjectNotice }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<unknown>(null);
  const raise = useMutation({
    mutationFn: (v: Values) =>
      raiseProjectObjection(notice.id, {
        ...(v.applicationId ? { applicationId: v.applicationId } : {}),
        text: v.text.trim(),
        ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}),
      }),
    onMutate: () => setFormError(null),
    onSuccess: () => void client.invalidateQueries({ queryKey: PUBLIC_KEY }),
    onError: (error) => {
      if (!applyServerError(form, error, ['applicationId', 'text', 'contact'])) setFormError(error);
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
        <Form.Item name="applicationId" label={t('public.objection.about')}>
          <Select<string>
            allowClear
            placeholder={t('public.objection.general')}
            options={notice.items.map((x) => ({ value: x.applicationId, label: `${x.title} · ${x.applicant}` }))}
            data-testid="objection-project"
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
