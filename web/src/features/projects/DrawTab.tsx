import { ReloadOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { drawKey, drawReviewers, expertsQuery, PROJECTS_KEY, type Application, type Call, type DrawResult } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { ConfirmModal } from '../claims/ConfirmModal';

const MAX_SEED = 2 ** 31 - 1;
const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]! % MAX_SEED;

/**
 * 专家抽取: reviewers for every accepted application by a min-cost assignment — conflicts (suggested or confirmed)
 * excluded, no two experts of one organisation on one application, each expert's load capped — with a seed, so
 * the draw can be re-run and checked by its checksum. An infeasible draw is explained and saves nothing.
 */
export function DrawTab({ call, applications, editor }: { call: Call; applications: Application[]; editor: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [seed, setSeed] = useState<number | null>(randomSeed);
  const [confirming, setConfirming] = useState(false);
  const last = useQuery({
    queryKey: drawKey(call.id),
    queryFn: () => null as DrawResult | null,
    enabled: false,
    staleTime: Infinity,
    gcTime: Infinity,
  }).data;
  const experts = useQuery(expertsQuery()).data ?? [];
  const accepted = applications.filter((a) => a.status === 'accepted');
  const inReview = applications.filter((a) => a.status === 'under_review').length;
  const n = call.reviewTemplate.reviewsPerApplication;

  const draw = useMutation({
    mutationFn: (s: number) => drawReviewers(call.id, s),
    onSuccess: async (result) => {
      setConfirming(false);
      client.setQueryData(drawKey(call.id), result);
      await client.invalidateQueries({ queryKey: PROJECTS_KEY, predicate: (q) => q.queryKey[1] !== 'draw' });
    },
  });
  const nameOf = (id: string) => experts.find((e) => e.id === id)?.name ?? id.slice(0, 8);
  const titleOf = (id: string) => applications.find((a) => a.id === id)?.title ?? id.slice(0, 8);

  return (
    <>
      <Typography.Paragraph style={{ maxWidth: 900 }}>
        {t('proj.draw.intro', { n, cap: call.reviewTemplate.expertLoadCap, pool: experts.filter((e) => e.available).length })}
      </Typography.Paragraph>
      <Alert
        type={accepted.length ? 'info' : inReview ? 'success' : 'warning'}
        showIcon
        title={accepted.length ? t('proj.draw.ready', { n: accepted.length, reviews: accepted.length * n }) : t('proj.draw.nothing')}
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
                onChange={setSeed}
                style={{ width: 180 }}
                data-testid="draw-seed"
              />
              <Button icon={<ReloadOutlined aria-hidden />} onClick={() => setSeed(randomSeed())} aria-label={t('proj.draw.newSeed')} />
            </Space.Compact>
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              icon={<UsergroupAddOutlined aria-hidden />}
              disabled={seed === null || accepted.length === 0}
              onClick={() => {
                draw.reset();
                setConfirming(true);
              }}
              data-testid="draw-run"
            >
              {t('proj.draw.run')}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
      {last ? (
        <div data-testid="draw-result" data-checksum={last.checksum} data-assignments={last.assignments}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('proj.draw.result')}
          </Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            style={{ marginBottom: 16 }}
            items={[
              {
                key: 'assignments',
                label: t('proj.draw.assignments'),
                children: <span data-testid="draw-assignments">{last.assignments}</span>,
              },
              { key: 'seed', label: t('proj.draw.seed'), children: <span data-testid="draw-seed-used">{last.seed}</span> },
              {
                key: 'checksum',
                label: t('proj.draw.checksum'),
                span: 'filled',
                children: (
                  <Typography.Text code copyable={{ text: last.checksum }} style={{ wordBreak: 'break-all' }} data-testid="draw-checksum">
                    {last.checksum}
                  </Typography.Text>
                ),
              },
              { key: 'cost', label: t('proj.draw.totalCost'), children: Math.round(last.totalCost * 100) / 100 },
              {
                key: 'id',
                label: t('proj.draw.id'),
                children: (
                  <Typography.Text code style={{ fontSize: 12 }}>
                    {last.drawId}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('proj.draw.alternates')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('proj.draw.alternatesHint')}</Typography.Paragraph>
          <Table
            rowKey="applicationId"
            size="small"
            pagination={false}
            dataSource={last.alternates}
            locale={{ emptyText: t('common.none') }}
            columns={[
              { key: 'app', title: t('proj.app.title'), render: (_, r) => titleOf(r.applicationId) },
              {
                key: 'experts',
                title: t('proj.draw.alternateExperts'),
                render: (_, r) => (r.experts.length ? r.experts.map((x, i) => `${i + 1}. ${nameOf(x)}`).join('  ') : t('common.none')),
              },
            ]}
            data-testid="draw-alternates"
          />
        </div>
      ) : inReview ? (
        <Typography.Paragraph type="secondary">{t('proj.draw.noResultHere')}</Typography.Paragraph>
      ) : null}
      <ConfirmModal
        open={confirming}
        title={t('proj.draw.run')}
        okText={t('proj.draw.confirm')}
        testId="draw"
        pending={draw.isPending}
        error={draw.error}
        onOk={() => seed !== null && draw.mutate(seed)}
        onCancel={() => !draw.isPending && setConfirming(false)}
      >
        {t('proj.draw.confirmText', { apps: accepted.length, n, seed: seed ?? '' })}
      </ConfirmModal>
    </>
  );
}
