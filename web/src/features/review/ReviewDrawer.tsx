import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  CONFLICT_TYPES,
  myReviewQuery,
  recordConflict,
  reviewCallQuery,
  REVIEWS_KEY,
  submitScores,
  type ConflictType,
  type ReviewDetail,
} from '../../api/projects';
import { Loading } from '../../app/Loading';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal, ReasonField } from '../../components/FormModal';
import { formatFen } from '../../components/money';
import { useLastNonNull } from '../../components/useLastNonNull';
import { ConfirmModal } from '../../components/claims/ConfirmModal';
import { textOf } from '../../components/policies/labels';
import { FieldsView, TeamView } from '../../components/projects/ApplicationView';
import { score } from '../../components/projects/labels';
import { ReviewAttachments } from './ReviewAttachments';
import { DeclineModal } from './DeclineModal';
import { ReportPart } from './ReportPart';
import { ReviewStatusTag } from '../../components/review/ReviewStatusTag';
import { weightedTotal } from './weighted';

interface ScoreValues {
  scores: Record<string, number | null>;
  comment?: string;
}

/** One assignment: the application as submitted, the scoring form, and — after submitting — the others' scores. */
export function ReviewDrawer({ reviewId, callId, onClose }: { reviewId: string | null; callId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const shown = useLastNonNull(reviewId);
  const query = useQuery({ ...myReviewQuery(shown ?? ''), enabled: reviewId !== null });
  const shownCall = useLastNonNull(callId);
  const call = useQuery({ ...reviewCallQuery(shownCall ?? ''), enabled: shownCall !== null }).data;
  const d = query.data?.review.id === shown ? query.data : undefined;

  return (
    <Drawer
      open={reviewId !== null}
      title={d ? t('review.drawerTitle', { title: d.application.title }) : t('review.title')}
      size={860}
      onClose={onClose}
      destroyOnHidden
      data-testid="review-drawer"
    >
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!d && !query.isError ? <Loading /> : null}
      {d ? (
        <div data-testid="review-detail" data-status={d.review.status}>
          <ApplicationPart detail={d} call={call} />
          <ReportPart detail={d} />
          {d.review.status === 'assigned' ? <ScoreForm detail={d} /> : <MyScores detail={d} />}
          {d.review.status === 'submitted' ? <OthersScores detail={d} /> : null}
        </div>
      ) : null}
    </Drawer>
  );
}

function ApplicationPart({ detail: d, call }: { detail: ReviewDetail; call: Parameters<typeof FieldsView>[0]['call'] }) {
  const { t, locale } = useI18n();
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'title', label: t('review.project'), children: d.application.title },
          { key: 'applicant', label: t('proj.app.applicant'), children: d.application.applicantName },
          { key: 'requested', label: t('proj.app.requested'), children: formatFen(d.application.requestedFen, locale) },
          { key: 'status', label: t('review.status'), children: <ReviewStatusTag status={d.review.status} /> },
        ]}
      />
      <FieldsView call={call} fields={d.application.fields} />
      <TeamView team={d.application.teamMembers} />
      {d.review.status === 'assigned' || d.review.status === 'submitted' ? <ReviewAttachments reviewId={d.review.id} call={call} /> : null}
    </>
  );
}

function ScoreForm({ detail: d }: { detail: ReviewDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ScoreValues>();
  const scores = Form.useWatch('scores', form) ?? {};
  const criteria = d.template.criteria;
  const total = weightedTotal(criteria, scores);
  const [confirming, setConfirming] = useState(false);
  const [declaring, setDeclaring] = useState(false);
  const [declining, setDeclining] = useState(false);
  const submit = useMutation({
    mutationFn: (v: ScoreValues) =>
      submitScores(d.review.id, {
        scores: Object.fromEntries(criteria.map((c) => [c.key, v.scores[c.key] ?? 0])),
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      }),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: REVIEWS_KEY });
      void message.success(t('review.submitted'));
    },
  });

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('review.form')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('review.formHint')}</Typography.Paragraph>
      <Form<ScoreValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '260px' }}
        labelWrap
        disabled={submit.isPending}
        initialValues={{ scores: Object.fromEntries(criteria.map((c) => [c.key, null])), comment: '' }}
        onFinish={() => {
          submit.reset();
          setConfirming(true);
        }}
      >
        {criteria.map((c) => (
          <Form.Item
            key={c.key}
            name={['scores', c.key]}
            label={`${textOf(c, locale)}（${t('review.weight', { w: c.weight })}）`}
            extra={c.threshold !== undefined ? t('review.threshold', { n: c.threshold }) : undefined}
            rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('review.scoreRule') }]}
          >
            <InputNumber<number>
              min={0}
              max={100}
              precision={1}
              style={{ width: 140 }}
              suffix={t('review.points')}
              data-testid={`score-${c.key}`}
            />
          </Form.Item>
        ))}
        <Form.Item label={t('review.total')}>
          <strong data-testid="score-total" data-total={total ?? ''}>
            {total === null ? t('review.totalPending') : t('review.totalValue', { total })}
          </strong>
        </Form.Item>
        <Form.Item name="comment" label={t('review.comment')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="score-comment" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" data-testid="score-submit">
            {t('review.submit')}
          </Button>
          <Button onClick={() => setDeclaring(true)} data-testid="review-declare">
            {t('review.declare')}
          </Button>
          <Button danger onClick={() => setDeclining(true)} data-testid="review-decline">
            {t('review.decline')}
          </Button>
        </Space>
      </Form>
      <ConfirmModal
        open={confirming}
        title={t('review.submit')}
        okText={t('review.submitOk')}
        testId="score"
        pending={submit.isPending}
        error={submit.error}
        onOk={() => submit.mutate(form.getFieldsValue(true) as ScoreValues)}
        onCancel={() => !submit.isPending && setConfirming(false)}
      >
        {t('review.submitText', { total: total ?? '—' })}
      </ConfirmModal>
      <DeclareModal open={declaring} applicationId={d.application.id} onClose={() => setDeclaring(false)} />
      <DeclineModal reviewId={d.review.id} open={declining} onClose={() => setDeclining(false)} />
    </>
  );
}

function MyScores({ detail: d }: { detail: ReviewDetail }) {
  const { t, locale } = useI18n();
  const r = d.review;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('review.mine')}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          ...d.template.criteria.map((c) => ({
            key: c.key,
            label: `${textOf(c, locale)}（${t('review.weight', { w: c.weight })}）`,
            children: score(r.scores?.[c.key]),
          })),
          { key: 'total', label: t('review.total'), children: <strong data-testid="my-total">{score(r.total)}</strong> },
          { key: 'comment', label: t('review.comment'), children: r.comment ?? '—' },
        ]}
        data-testid="my-scores"
      />
    </>
  );
}

/** The others' scores, as 专家 1, 2, … (never who they are). */
function OthersScores({ detail: d }: { detail: ReviewDetail }) {
  const { t, locale } = useI18n();
  type Other = ReviewDetail['others'][number];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('review.others')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('review.othersHint')}</Typography.Paragraph>
      <Table<Other>
        rowKey="n"
        size="small"
        pagination={false}
        dataSource={d.others}
        locale={{ emptyText: t('review.othersNone') }}
        columns={[
          { key: 'expert', title: t('review.expert'), render: (_, o) => `${t('review.expert')} ${o.n}` },
          ...d.template.criteria.map((c) => ({
            key: c.key,
            title: textOf(c, locale),
            align: 'right' as const,
            render: (_: unknown, o: Other) => score(o.scores?.[c.key]),
          })),
          { key: 'total', title: t('review.total'), align: 'right', render: (_, o) => <strong>{score(o.total)}</strong> },
          { key: 'comment', title: t('review.comment'), render: (_, o) => <span style={{ fontSize: 13 }}>{o.comment ?? '—'}</span> },
        ]}
        data-testid="others-scores"
      />
    </>
  );
}

/** 申明回避: the expert declares a conflict with this application; the bureau sees it with its evidence. */
function DeclareModal({ open, applicationId, onClose }: { open: boolean; applicationId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ type: ConflictType; evidence: string }>();
  const save = useMutation({
    mutationFn: (v: { type: ConflictType; evidence: string }) =>
      recordConflict({ applicationId, type: v.type, evidence: v.evidence.trim() }),
    onSuccess: () => {
      void message.success(t('review.declared'));
      onClose();
    },
  });
  return (
    <FormModal
      open={open}
      title={t('review.declare')}
      form={form}
      mutation={save}
      onClose={onClose}
      okText={t('review.declareSubmit')}
      okTestId="declare-confirm"
      intro={<Typography.Paragraph>{t('review.declareText')}</Typography.Paragraph>}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="type" label={t('proj.conflicts.type')} rules={[{ required: true, message: t('proj.conflicts.typeRequired') }]}>
        <Select options={CONFLICT_TYPES.map((x) => ({ value: x, label: t(`proj.conflictType.${x}`) }))} />
      </Form.Item>
      <ReasonField name="evidence" label={t('review.declareEvidence')} message={t('proj.conflicts.evidenceRequired')} maxLength={2000} />
    </FormModal>
  );
}
