import { ReloadOutlined, SwapOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, InputNumber, Segmented, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { drawsQuery, assignmentsQuery, drawStage, STAGES, type AssignmentRow, type DrawRecord, type Stage } from '../../api/panels';
import { expertsQuery, PROJECTS_KEY, type Application, type Call } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBeijing } from '../../components/format';
import { Section } from '../../components/Section';
import { ReviewStatusTag } from '../../components/review/ReviewStatusTag';
import { ConfirmModal } from '../../components/claims/ConfirmModal';
import { DrawHistory } from './DrawHistory';
import { panelRulesOf, randomSeed, MAX_SEED, openPlaces } from '../../components/projects/panels';
import { UnfilledReasons } from '../../components/projects/UnfilledReasons';
import { RedrawModal, SwapModal } from './DrawModals';
import { score } from '../../components/projects/labels';

/**
 * 专家抽取: reviewers for every accepted application by a min-cost assignment — conflicts (suggested or confirmed)
 * excluded, no two experts of one organisation on one application, each expert's load capped — with a seed, so
 * the draw can be re-run and checked by its checksum. The same machinery draws the panels of mid-term and
 * acceptance reports (from the funding tab). After a draw the bureau sees every assignment as it stands, puts
 * the next ranked alternate in the place of a declined or unavailable expert, or redraws the open places, and
 * reads back every draw with its seed, checksum, parameters and alternates.
 */
export function DrawTab({ call, applications, editor }: { call: Call; applications: Application[]; editor: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const stage: Stage = (STAGES as readonly string[]).includes(params.get('stage') ?? '') ? (params.get('stage') as Stage) : 'review';
  const [seed, setSeed] = useState<number | null>(randomSeed);
  const [confirming, setConfirming] = useState(false);
  const [swapping, setSwapping] = useState<AssignmentRow | null>(null);
  const [redrawing, setRedrawing] = useState(false);
  const experts = useQuery(expertsQuery()).data ?? [];
  const draws = useQuery(drawsQuery(call.id, stage));
  const rows = useQuery(assignmentsQuery(call.id, stage));
  const accepted = applications.filter((a) => a.status === 'accepted');
  const inReview = applications.filter((a) => a.status === 'under_review').length;
  const n = stage === 'review' ? call.reviewTemplate.reviewsPerApplication : panelRulesOf(call)[stage].experts;
  const latest = (draws.data ?? []).find((d) => d.kind === 'draw');
  const places = openPlaces(rows.data ?? [], n);

  const draw = useMutation({
    mutationFn: (s: number) => drawStage(call.id, { seed: s }),
    onSuccess: async (result) => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t('draws.drawn', { n: result.assignments }));
    },
  });

  const columns = useAssignmentColumns(rows.data ?? [], editor, places, setSwapping);

  const setStage = (s: Stage) => {
    const next = new URLSearchParams(params);
    if (s === 'review') next.delete('stage');
    else next.set('stage', s);
    setParams(next, { replace: true });
  };

  return (
    <>
      <Segmented<Stage>
        value={stage}
        onChange={setStage}
        options={STAGES.map((s) => ({ value: s, label: <span data-testid={`draw-stage-${s}`}>{t(`panel.stage.${s}`)}</span> }))}
        style={{ marginBottom: 16 }}
        aria-label={t('draws.stage')}
      />
      {stage === 'review' ? (
        <ReviewDrawControls
          call={call}
          n={n}
          pool={experts.filter((e) => e.available).length}
          accepted={accepted.length}
          inReview={inReview}
          editor={editor}
          seed={seed}
          onSeed={setSeed}
          onRun={() => {
            draw.reset();
            setConfirming(true);
          }}
        />
      ) : (
        <PanelStageAlert call={call} stage={stage} n={n} />
      )}
      {latest ? <LatestDraw latest={latest} /> : null}

      <Section
        title={t('draws.assignments', { n: (rows.data ?? []).filter((r) => r.status === 'assigned' || r.status === 'submitted').length })}
        testId="draw-assignments-section"
        extra={
          editor && places.total > 0 ? (
            <Button icon={<ReloadOutlined aria-hidden />} onClick={() => setRedrawing(true)} data-testid="redraw-open">
              {t('draws.redraw', { n: places.total })}
            </Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
          {t('draws.assignmentsHint')}
        </Typography.Paragraph>
        {rows.isError ? <ErrorAlert error={rows.error} onRetry={() => void rows.refetch()} /> : null}
        <Table<AssignmentRow>
          rowKey="id"
          size="small"
          loading={rows.isFetching}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          dataSource={rows.data ?? []}
          locale={{ emptyText: t('draws.noAssignments') }}
          onRow={assignmentRowProps}
          data-testid="draw-assignments-table"
          columns={columns}
        />
      </Section>

      <DrawHistory stage={stage} query={draws} />

      <ConfirmModal
        open={confirming}
        title={t('proj.draw.run')}
        okText={t('proj.draw.confirm')}
        testId="draw"
        pending={draw.isPending}
        error={draw.error}
        errorDetail={<UnfilledReasons error={draw.error} />}
        onOk={() => seed !== null && draw.mutate(seed)}
        onCancel={() => !draw.isPending && setConfirming(false)}
      >
        {t('proj.draw.confirmText', { apps: accepted.length, n, seed: seed ?? '' })}
      </ConfirmModal>
      <SwapModal review={swapping} onClose={() => setSwapping(null)} />
      <RedrawModal callId={call.id} stage={stage} open={redrawing} places={places.total} onClose={() => setRedrawing(false)} />
    </>
  );
}

/** The review stage's intro, what is ready to draw, and (for editors) the seed and the run button. */
function ReviewDrawControls({
  call,
  n,
  pool,
  accepted,
  inReview,
  editor,
  seed,
  onSeed,
  onRun,
}: {
  call: Call;
  n: number;
  pool: number;
  accepted: number;
  inReview: number;
  editor: boolean;
  seed: number | null;
  onSeed: (seed: number | null) => void;
  onRun: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph style={{ maxWidth: 900 }}>
        {t('proj.draw.intro', { n, cap: call.reviewTemplate.expertLoadCap, pool })}
      </Typography.Paragraph>
      <Alert
        type={accepted ? 'info' : inReview ? 'success' : 'warning'}
        showIcon
        title={accepted ? t('proj.draw.ready', { n: accepted, reviews: accepted * n }) : t('proj.draw.nothing')}
        description={inReview ? t('proj.draw.inReview', { n: inReview }) : undefined}
        style={{ marginBottom: 16 }}
        data-testid="draw-state"
      />
      {editor ? (
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t('proj.draw.seed')} htmlFor="draw-seed" extra={t('proj.draw.seedHint')}>
            <Space.Compact>
              <InputNumber<number>
                id="draw-seed"
                min={0}
                max={MAX_SEED}
                precision={0}
                value={seed}
                onChange={onSeed}
                style={{ width: 180 }}
                data-testid="draw-seed"
              />
              <Button icon={<ReloadOutlined aria-hidden />} onClick={() => onSeed(randomSeed())} aria-label={t('proj.draw.newSeed')} />
            </Space.Compact>
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              icon={<UsergroupAddOutlined aria-hidden />}
              disabled={seed === null || accepted === 0}
              onClick={onRun}
              data-testid="draw-run"
            >
              {t('proj.draw.run')}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
    </>
  );
}

/** The latest draw: how many assignments, its seed and its checksum. */
function LatestDraw({ latest }: { latest: DrawRecord }) {
  const { t } = useI18n();
  return (
    <div data-testid="draw-result" data-checksum={latest.checksum} data-assignments={latest.assignments.length}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        style={{ marginBottom: 16 }}
        title={<span style={{ fontSize: 15 }}>{t('draws.latest')}</span>}
        items={[
          {
            key: 'assignments',
            label: t('proj.draw.assignments'),
            children: <span data-testid="draw-assignments">{latest.assignments.length}</span>,
          },
          { key: 'seed', label: t('proj.draw.seed'), children: <span data-testid="draw-seed-used">{latest.seed}</span> },
          {
            key: 'checksum',
            label: t('proj.draw.checksum'),
            children: (
              <Typography.Text code copyable={{ text: latest.checksum }} style={{ wordBreak: 'break-all' }} data-testid="draw-checksum">
                {latest.checksum}
              </Typography.Text>
            ),
          },
          { key: 'at', label: t('draws.at'), children: formatBeijing(latest.createdAt) },
        ]}
      />
    </div>
  );
}

/** The assignments' columns; editors may swap a live or declined place for the next alternate. */
function useAssignmentColumns(
  rows: AssignmentRow[],
  editor: boolean,
  places: ReturnType<typeof openPlaces>,
  onSwap: (r: AssignmentRow) => void,
): TableColumnsType<AssignmentRow> {
  const { t } = useI18n();
  return [
    {
      key: 'app',
      title: t('proj.app.title'),
      render: (_, r) => (
        <>
          {r.applicationTitle}
          <div style={{ fontSize: 13 }}>{r.applicantName}</div>
        </>
      ),
    },
    {
      key: 'expert',
      title: t('draws.expert'),
      render: (_, r) => (
        <>
          {r.expertName}
          <div style={{ fontSize: 13 }}>{r.expertOrg ?? '—'}</div>
        </>
      ),
    },
    { key: 'status', title: t('review.status'), render: (_, r) => <ReviewStatusTag status={r.status} /> },
    { key: 'total', title: t('review.total'), align: 'right', render: (_, r) => score(r.total) },
    {
      key: 'note',
      title: t('draws.note'),
      render: (_, r) => (
        <span style={{ fontSize: 13 }}>
          {r.reason ? t('draws.reason', { reason: r.reason }) : null}
          {r.replacedBy ? <div>{t('draws.replacedBy', { name: rows.find((x) => x.id === r.replacedBy)?.expertName ?? '—' })}</div> : null}
        </span>
      ),
    },
    ...(editor
      ? [
          {
            key: 'action',
            title: t('common.actions'),
            render: (_: unknown, r: AssignmentRow) =>
              !r.replacedBy && (r.status === 'assigned' || (r.status === 'declined' && places.byPlace(r) > 0)) ? (
                <Button size="small" icon={<SwapOutlined aria-hidden />} onClick={() => onSwap(r)} data-testid={`swap-${r.id}`}>
                  {t('draws.swap')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
}

/** Each assignment row's test id and data attributes. */
function assignmentRowProps(r: AssignmentRow) {
  return {
    'data-testid': `assignment-row-${r.id}`,
    'data-status': r.status,
    'data-expert': r.expertName,
    'data-application': r.applicationId,
  } as HTMLAttributes<HTMLElement>;
}

/** A panel stage (mid-term, acceptance): whether the call requires the panel, and where it is drawn. */
function PanelStageAlert({ call, stage, n }: { call: Call; stage: Exclude<Stage, 'review'>; n: number }) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      title={t(panelRulesOf(call)[stage].required ? 'draws.panelRequired' : 'draws.panelOptional', {
        stage: t(`panel.stage.${stage}`),
        n,
      })}
      description={t('draws.panelWhere')}
      style={{ marginBottom: 16 }}
      data-testid="draw-state"
    />
  );
}
