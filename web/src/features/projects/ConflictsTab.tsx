import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { App, Button, Form, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import {
  CONFLICT_TYPES,
  conflictsQuery,
  decideConflict,
  detectConflicts,
  expertsQuery,
  PROJECTS_KEY,
  recordConflict,
  type Application,
  type Call,
  type Conflict,
  type ConflictType,
} from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal, ReasonField } from '../../components/FormModal';
import { errorText } from '../../components/errors';
import { formatBeijing } from '../../components/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusTag } from '../../components/StatusTag';
import { ConflictStatusTag } from '../../components/projects/StatusTags';
import { evidenceText } from './conflictEvidence';

/**
 * 回避管理: automatic detection over the call's applications (same organisation, employment, advice, relatives,
 * shareholdings, disputes within three years) gives suggestions with their evidence, which a person confirms or
 * dismisses; conflicts can also be recorded by hand. Suggested and confirmed conflicts both keep the expert away
 * from the application in the draw.
 */
export function ConflictsTab({ call, applications, editor }: { call: Call; applications: Application[]; editor: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useQuery(conflictsQuery(call.id));
  const [adding, setAdding] = useState(false);
  const rows = query.data ?? [];

  const detect = useMutation({
    mutationFn: () => detectConflicts(call.id),
    onSuccess: async (res) => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t('proj.conflicts.detected', { n: res.suggestions }));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
  const decide = useMutation({
    mutationFn: (v: { id: string; status: 'confirmed' | 'dismissed' }) => decideConflict(v.id, v.status),
    onSuccess: async (_, v) => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t(v.status === 'confirmed' ? 'proj.conflicts.confirmedDone' : 'proj.conflicts.dismissedDone'));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  const columns = useConflictColumns(applications, editor, decide);

  const counts = {
    suggested: rows.filter((c) => c.status === 'suggested').length,
    confirmed: rows.filter((c) => c.status === 'confirmed').length,
  };
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap', marginBottom: 8 }}>
        <Typography.Paragraph style={{ maxWidth: 900, margin: 0 }}>{t('proj.conflicts.intro', counts)}</Typography.Paragraph>
        {editor ? (
          <Space wrap>
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="conflict-add">
              {t('proj.conflicts.add')}
            </Button>
            <Button
              type="primary"
              icon={<SearchOutlined aria-hidden />}
              loading={detect.isPending}
              onClick={() => detect.mutate()}
              data-testid="conflicts-detect"
            >
              {t('proj.conflicts.detect')}
            </Button>
          </Space>
        ) : null}
      </div>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ScrollRegion label={t('proj.tab.conflicts')}>
          <Table<Conflict>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={query.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('proj.conflicts.none') }}
            onRow={(c) =>
              ({
                'data-testid': `conflict-row-${c.id}`,
                'data-status': c.status,
                'data-expert': c.expertName,
                'data-application': c.applicationId,
                'data-type': c.type,
              }) as HTMLAttributes<HTMLElement>
            }
            data-testid="conflicts-table"
          />
        </ScrollRegion>
      )}
      <ConflictModal open={adding} applications={applications} onClose={() => setAdding(false)} />
    </>
  );
}

type Decide = UseMutationResult<unknown, Error, { id: string; status: 'confirmed' | 'dismissed' }>;

/** The table's columns; editors get the confirm and dismiss buttons. */
function useConflictColumns(applications: Application[], editor: boolean, decide: Decide): TableColumnsType<Conflict> {
  const { t, locale } = useI18n();
  const titleOf = (id: string | null) => applications.find((a) => a.id === id)?.title ?? '—';
  return [
    { key: 'expert', title: t('proj.conflicts.expert'), render: (_, c) => <strong>{c.expertName}</strong> },
    {
      key: 'application',
      title: t('proj.conflicts.application'),
      render: (_, c) => (
        <>
          {titleOf(c.applicationId)}
          <div style={{ fontSize: 13 }}>{c.applicantName}</div>
        </>
      ),
    },
    { key: 'type', title: t('proj.conflicts.type'), render: (_, c) => t(`proj.conflictType.${c.type}`) },
    {
      key: 'source',
      title: t('proj.conflicts.source'),
      render: (_, c) => (
        <Space orientation="vertical" size={2}>
          <span>{t(`proj.conflictSource.${c.source}`)}</span>
          {c.unsupported ? (
            <span data-testid="conflict-unsupported">
              <StatusTag tone="warn">{t('proj.conflicts.unsupported')}</StatusTag>
            </span>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'evidence',
      title: t('proj.conflicts.evidence'),
      width: 340,
      render: (_, c) => (
        <span style={{ fontSize: 13, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="conflict-evidence">
          {evidenceText(c, t, locale)}
        </span>
      ),
    },
    { key: 'status', title: t('proj.conflicts.status'), render: (_, c) => <ConflictStatusTag status={c.status} /> },
    {
      key: 'at',
      title: t('proj.conflicts.createdAt'),
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(c.createdAt)}</span>,
    },
    ...(editor
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, c: Conflict) => (
              <Space wrap size={4}>
                {c.status !== 'confirmed' ? (
                  <Button
                    size="small"
                    type={c.status === 'suggested' ? 'primary' : 'default'}
                    loading={decide.isPending && decide.variables?.id === c.id && decide.variables.status === 'confirmed'}
                    onClick={() => decide.mutate({ id: c.id, status: 'confirmed' })}
                    data-testid={`conflict-confirm-${c.id}`}
                  >
                    {t('proj.conflicts.confirm')}
                  </Button>
                ) : null}
                {c.status !== 'dismissed' ? (
                  <Button
                    size="small"
                    loading={decide.isPending && decide.variables?.id === c.id && decide.variables.status === 'dismissed'}
                    onClick={() => decide.mutate({ id: c.id, status: 'dismissed' })}
                    data-testid={`conflict-dismiss-${c.id}`}
                  >
                    {t('proj.conflicts.dismiss')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];
}

interface ConflictValues {
  expertId: string;
  applicationId: string;
  type: ConflictType;
  evidence: string;
}

/** 登记回避: a conflict the bureau knows of (source “admin”), honoured at once. */
function ConflictModal({ open, applications, onClose }: { open: boolean; applications: Application[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const experts = useQuery({ ...expertsQuery(), enabled: open });
  const [form] = Form.useForm<ConflictValues>();
  const save = useMutation({
    mutationFn: (v: ConflictValues) => recordConflict({ ...v, evidence: v.evidence.trim() }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t('proj.conflicts.added'));
      onClose();
    },
  });
  return (
    <FormModal
      open={open}
      title={t('proj.conflicts.add')}
      form={form}
      mutation={save}
      onClose={onClose}
      okText={t('proj.conflicts.addSubmit')}
      okTestId="conflict-add-confirm"
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item
        name="expertId"
        label={t('proj.conflicts.expert')}
        rules={[{ required: true, message: t('proj.conflicts.expertRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={experts.isPending}
          options={(experts.data ?? []).map((e) => ({ value: e.id, label: e.orgName ? `${e.name}（${e.orgName}）` : e.name }))}
        />
      </Form.Item>
      <Form.Item
        name="applicationId"
        label={t('proj.conflicts.application')}
        rules={[{ required: true, message: t('proj.conflicts.applicationRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={applications.map((a) => ({ value: a.id, label: `${a.title}（${a.applicantName}）` }))}
        />
      </Form.Item>
      <Form.Item name="type" label={t('proj.conflicts.type')} rules={[{ required: true, message: t('proj.conflicts.typeRequired') }]}>
        <Select options={CONFLICT_TYPES.map((x) => ({ value: x, label: t(`proj.conflictType.${x}`) }))} />
      </Form.Item>
      <ReasonField name="evidence" label={t('proj.conflicts.evidence')} message={t('proj.conflicts.evidenceRequired')} maxLength={2000} />
    </FormModal>
  );
}
