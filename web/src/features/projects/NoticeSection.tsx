import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { noticeQuery, publishNotice, recordObjection, resolveObjection, type BureauNotice, type ProjectObjection } from '../../api/panels';
import { PROJECTS_KEY, type Call } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError, errorText } from '../../components/errors';
import { FormModal, ReasonField } from '../../components/FormModal';
import { bureauToday, isoDateItem } from '../../components/isoDate';
import { Section } from '../../components/Section';
import { NoticeStateTag } from '../../components/claims/ClaimStatusTag';
import { objectionColumns } from '../../components/claims/objectionColumns';
import { ResolveFields, type ResolveValues } from '../../components/claims/ResolveModal';
import { NoticeItemsTable } from '../../components/projects/NoticeItemsTable';
import { noticeMinDaysOf } from '../../components/projects/panels';

/**
 * 立项公示: after the decision the approval list (project, applicant, amount, score and rank) goes on a public
 * page between two dates; objections come from the public while it runs or are recorded by the bureau, and each
 * is resolved (upheld withdraws the project's approval). Contracts wait for the end of the notice.
 */
export function NoticeSection({ call, editor }: { call: Call; editor: boolean }) {
  const { t, locale } = useI18n();
  const query = useQuery(noticeQuery(call.id));
  const n = query.data?.notice ?? null;
  const [recording, setRecording] = useState(false);
  const [resolving, setResolving] = useState<ProjectObjection | null>(null);
  const titleOf = (id: string | null) => (id ? (n?.items.find((x) => x.applicationId === id)?.title ?? '—') : t('objection.general'));

  return (
    <Section
      title={t('pnotice.title')}
      testId="project-notice"
      extra={
        n ? (
          <Space wrap>
            <Link to={`/public/project-notices/${n.id}`} target="_blank" data-testid="project-notice-public">
              <ExportOutlined aria-hidden /> {t('notice.publicPage')}
            </Link>
            {editor ? (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setRecording(true)} data-testid="objection-record">
                {t('pnotice.record')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!n && query.isSuccess ? (
        call.status === 'decided' ? (
          editor ? (
            <PublishForm call={call} />
          ) : (
            <Typography.Paragraph type="secondary">{t('pnotice.notYet')}</Typography.Paragraph>
          )
        ) : (
          <Typography.Paragraph type="secondary">{t('pnotice.afterDecision')}</Typography.Paragraph>
        )
      ) : null}
      {n ? (
        <div data-testid="project-notice-view" data-open={String(n.open)} data-ended={String(n.ended)}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 3 }}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'title', label: t('notice.title'), children: n.title },
              { key: 'period', label: t('notice.period'), children: t('common.dateRange', { from: n.startsOn, to: n.endsOn }) },
              { key: 'state', label: t('notice.state'), children: <NoticeStateTag notice={n} open={n.open} /> },
            ]}
          />
          <Alert
            type={n.ended ? 'success' : 'info'}
            showIcon
            title={n.ended ? t('pnotice.endedHint') : t('pnotice.runningHint', { end: n.endsOn })}
            style={{ marginBottom: 12 }}
          />
          <NoticeItemsTable items={n.items} />
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
            {t('notice.objections', { n: n.objections.length })}
          </Typography.Title>
          <Table<ProjectObjection>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={n.objections}
            locale={{ emptyText: t('objection.none') }}
            onRow={(o) => ({ 'data-testid': `pobjection-row-${o.id}`, 'data-status': o.status }) as HTMLAttributes<HTMLElement>}
            data-testid="project-objections"
            columns={objectionColumns<ProjectObjection>(t, {
              about: (o) => titleOf(o.applicationId),
              extra: [{ key: 'source', title: t('pnotice.source'), render: (_, o) => t(`pnotice.source.${o.source}`) }],
              onResolve: editor ? setResolving : undefined,
              resolveTestId: (o) => `pobjection-resolve-${o.id}`,
            })}
          />
          <RecordModal notice={n} open={recording} onClose={() => setRecording(false)} />
          <ResolveModal objection={resolving} title={titleOf(resolving?.applicationId ?? null)} onClose={() => setResolving(null)} />
        </div>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 8, marginBottom: 0 }}>
        {t('pnotice.rule', { days: noticeMinDaysOf(call), locale })}
      </Typography.Paragraph>
    </Section>
  );
}

interface PublishValues {
  title: string;
  startsOn: string | null;
  endsOn: string | null;
}

function PublishForm({ call }: { call: Call }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<PublishValues>();
  const [formError, setFormError] = useState<unknown>(null);
  const today = bureauToday();
  const publish = useMutation({
    mutationFn: (v: PublishValues) => publishNotice(call.id, { title: v.title.trim(), startsOn: v.startsOn ?? '', endsOn: v.endsOn ?? '' }),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t('pnotice.published'));
    },
    onError: (error) => {
      if (!applyServerError(form, error, ['title', 'startsOn', 'endsOn'])) setFormError(error);
    },
  });
  return (
    <>
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('pnotice.intro', { days: noticeMinDaysOf(call) })}</Typography.Paragraph>
      {formError ? (
        <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 12 }} data-testid="pnotice-error" />
      ) : null}
      <Form<PublishValues>
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        disabled={publish.isPending}
        initialValues={{ title: t('pnotice.defaultTitle', { title: call.title }), startsOn: today, endsOn: null }}
        onFinish={(v) => publish.mutate(v)}
      >
        <Form.Item
          name="title"
          label={t('notice.title')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('notice.titleRequired') }]}
        >
          <Input maxLength={200} style={{ width: 360 }} data-testid="pnotice-title" />
        </Form.Item>
        <Form.Item
          name="startsOn"
          label={t('notice.startsOn')}
          rules={[{ required: true, message: t('notice.dateRequired') }]}
          {...isoDateItem}
        >
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="pnotice-starts" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('notice.endsOn')}
          dependencies={['startsOn']}
          rules={[
            { required: true, message: t('notice.dateRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v: string | null) =>
                v && getFieldValue('startsOn') && v < (getFieldValue('startsOn') as string)
                  ? Promise.reject(new Error(t('notice.endsBeforeStart')))
                  : Promise.resolve(),
            }),
          ]}
          {...isoDateItem}
        >
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="pnotice-ends" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="pnotice-publish">
            {t('pnotice.publish')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

interface ObjectionValues {
  applicationId?: string;
  text: string;
  contact?: string;
}

/** An objection the bureau received by letter, phone or in person. */
function RecordModal({ notice, open, onClose }: { notice: BureauNotice; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ObjectionValues>();
  const save = useMutation({
    mutationFn: (v: ObjectionValues) =>
      recordObjection(notice.id, {
        ...(v.applicationId ? { applicationId: v.applicationId } : {}),
        text: v.text.trim(),
        ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t('pnotice.recorded'));
      onClose();
    },
  });
  return (
    <FormModal
      open={open}
      title={t('pnotice.record')}
      form={form}
      mutation={save}
      onClose={onClose}
      okText={t('common.save')}
      okTestId="objection-record-confirm"
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="applicationId" label={t('public.objection.about')}>
        <Select
          allowClear
          placeholder={t('public.objection.general')}
          options={notice.items.map((x) => ({ value: x.applicationId, label: `${x.title} · ${x.applicant}` }))}
        />
      </Form.Item>
      <ReasonField
        name="text"
        label={t('objection.text')}
        message={t('public.objection.textRequired')}
        min={5}
        rows={4}
        maxLength={2000}
        testId="objection-record-text"
      />
      <Form.Item name="contact" label={t('public.objection.contact')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

/** An objection decided: upheld withdraws the approval of the project it names (before the contract). */
function ResolveModal({ objection, title, onClose }: { objection: ProjectObjection | null; title: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ResolveValues>();
  const resolve = useMutation({
    mutationFn: (v: ResolveValues) => resolveObjection(objection!.id, { status: v.status, resolution: v.resolution.trim() }),
    onSuccess: async (res) => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t(res.withdrawn ? 'pnotice.withdrawn' : 'objection.resolved'));
      onClose();
    },
  });
  return (
    <FormModal
      open={objection !== null}
      title={t('objection.resolveTitle')}
      form={form}
      mutation={resolve}
      onClose={onClose}
      okText={t('objection.resolve')}
      okTestId="pobjection-resolve-confirm"
      intro={
        objection ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {title}：“{objection.text}”
          </Typography.Paragraph>
        ) : null
      }
      onFinish={(v) => resolve.mutate(v)}
    >
      <ResolveFields hint={t('pnotice.upheldHint')} testIdPrefix="pobjection" />
    </FormModal>
  );
}
