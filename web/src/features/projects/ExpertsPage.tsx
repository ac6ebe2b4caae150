import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Divider, Drawer, Form, Input, Select, Space, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router';
import { orgUnitsQuery } from '../../api/orgunits';
import {
  createExpert,
  expertsQuery,
  PROJECTS_KEY,
  updateExpert,
  type Expert,
  type ExpertInput,
  type ExpertPatchInput,
} from '../../api/projects';
import { PROJECT_EDITORS } from '../../app/access';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError, errorText } from '../../components/errors';
import { ExportButton } from '../../components/ExportButton';
import { isoDateItem } from '../../components/isoDate';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section } from '../../components/Section';
import { covers } from '../../components/scope';
import { StatusTag } from '../../components/StatusTag';
import { useRegistryTypes } from '../../components/registry/useRegistryTypes';
import { clauseSep, listSep } from '../../components/projects/labels';

/**
 * 专家库: the review experts, their organisation (for conflicts and the one-per-organisation rule) and fields. The
 * bureau adds and edits experts and switches their availability: an unavailable expert is never drawn, swapped in
 * or redrawn.
 */
export default function ExpertsPage() {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const editor = mayUse(me, PROJECT_EDITORS);
  const query = useQuery(expertsQuery());
  // The pool shows the experts of the units above too (shared down); only those of the user's own subtree are editable.
  const units = useQuery({ ...orgUnitsQuery(), enabled: editor }).data?.items;
  const byCode = useMemo(() => new Map((units ?? []).map((u) => [u.code, u])), [units]);
  const mayEdit = (e: Expert) => editor && byCode.size > 0 && covers(me, PROJECT_EDITORS, e.orgUnitCode, byCode);
  const types = useRegistryTypes();
  // Each opening gets a fresh drawer (and form): `session` changes, `editing` says whom (null: a new expert).
  const [drawer, setDrawer] = useState<{ session: number; open: boolean; editing: Expert | null }>({
    session: 0,
    open: false,
    editing: null,
  });
  const openDrawer = (editing: Expert | null) => setDrawer((d) => ({ session: d.session + 1, open: true, editing }));
  const rows = query.data ?? [];
  const unavailable = rows.filter((e) => !e.available).length;

  const historyText = (e: Expert) => {
    const h = e.history;
    const parts = [
      ['employment', h.employment?.length ?? 0],
      ['advice', h.advice?.length ?? 0],
      ['relatives', h.relatives?.length ?? 0],
      ['shareholdings', h.shareholdings?.length ?? 0],
      ['disputes', h.disputes?.length ?? 0],
    ] as const;
    const text = parts.filter(([, n]) => n > 0).map(([k, n]) => `${t(`proj.expert.history.${k}`)} ${n}`);
    return text.length ? text.join(clauseSep(locale)) : t('common.none');
  };

  const columns: TableColumnsType<Expert> = [
    {
      key: 'name',
      title: t('proj.expert.name'),
      render: (_, e) => (
        <>
          <strong>{e.name}</strong>
          {e.titles ? <div style={{ fontSize: 13 }}>{e.titles}</div> : null}
        </>
      ),
    },
    {
      key: 'org',
      title: t('proj.expert.org'),
      render: (_, e) => (
        <>
          {e.orgName ?? '—'}
          {e.orgCreditCode ? (
            <div>
              <code style={{ fontSize: 12 }}>{e.orgCreditCode}</code>
            </div>
          ) : null}
        </>
      ),
    },
    {
      key: 'unit',
      title: <span title={t('proj.expert.pool.unitHint')}>{t('proj.expert.pool.unit')}</span>,
      render: (_, e) => <span data-testid={`expert-unit-${e.name}`}>{e.orgUnitName ?? e.orgUnitCode}</span>,
    },
    {
      key: 'fields',
      title: t('proj.expert.fields'),
      render: (_, e) => (e.fields.length ? e.fields.map(types.tagName).join(listSep(locale)) : '—'),
    },
    { key: 'history', title: t('proj.expert.history'), render: (_, e) => <span style={{ fontSize: 13 }}>{historyText(e)}</span> },
    {
      key: 'account',
      title: t('proj.expert.account'),
      render: (_, e) =>
        e.userId ? (
          <StatusTag tone="ok">{t('proj.expert.linked')}</StatusTag>
        ) : (
          <StatusTag tone="off">{t('proj.expert.notLinked')}</StatusTag>
        ),
    },
    {
      key: 'available',
      title: t('proj.expert.available'),
      render: (_, e) =>
        mayEdit(e) ? (
          <AvailabilitySwitch expert={e} />
        ) : (
          <StatusTag tone={e.available ? 'ok' : 'off'}>{t(e.available ? 'common.yes' : 'common.no')}</StatusTag>
        ),
    },
    ...(editor
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, e: Expert) =>
              mayEdit(e) ? (
                <Button
                  size="small"
                  icon={<EditOutlined aria-hidden />}
                  aria-label={t('proj.expert.editN', { name: e.name })}
                  onClick={() => openDrawer(e)}
                  data-testid={`expert-edit-${e.name}`}
                >
                  {t('proj.expert.edit')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const exportTable = () => ({
    title: t('nav.experts'),
    columns: [
      { key: 'name', title: t('proj.expert.name') },
      { key: 'titles', title: t('proj.expert.titles') },
      { key: 'org', title: t('proj.expert.orgName') },
      { key: 'code', title: t('proj.expert.orgCreditCode') },
      { key: 'fields', title: t('proj.expert.fields') },
      { key: 'contact', title: t('proj.expert.contact') },
      { key: 'available', title: t('proj.expert.available') },
    ],
    rows: rows.map((e) => ({
      name: e.name,
      titles: e.titles,
      org: e.orgName,
      code: e.orgCreditCode,
      fields: e.fields.map(types.tagName).join(listSep(locale)),
      contact: e.contact,
      available: t(e.available ? 'common.yes' : 'common.no'),
    })),
  });

  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Link to="/projects">
          <ArrowLeftOutlined aria-hidden /> {t('proj.backToCalls')}
        </Link>
      </Typography.Paragraph>
      <PageTitle
        titleKey="nav.experts"
        extra={
          editor ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => openDrawer(null)} data-testid="expert-add">
              {t('proj.expert.add')}
            </Button>
          ) : null
        }
      />
      <Section
        title={t('proj.expert.pool', { n: rows.length })}
        testId="experts"
        extra={<ExportButton table={exportTable} disabled={rows.length === 0} />}
      >
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('proj.expert.intro')}</Typography.Paragraph>
        <Typography.Paragraph style={{ maxWidth: 900 }} data-testid="experts-availability" data-unavailable={unavailable}>
          {t('proj.expert.availabilityIntro', { n: unavailable })}
        </Typography.Paragraph>
        {query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <ScrollRegion label={t('nav.experts')}>
            <Table<Expert>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={query.isFetching}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: t('proj.expert.none') }}
              onRow={(e) => ({ 'data-testid': `expert-row-${e.name}`, 'data-available': e.available }) as HTMLAttributes<HTMLElement>}
              data-testid="experts-table"
            />
          </ScrollRegion>
        )}
      </Section>
      <ExpertDrawer
        key={drawer.session}
        open={drawer.open}
        editing={drawer.editing}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </>
  );
}

/**
 * 可抽取: on, the expert may be drawn; off, it is left out of every later draw, swap and redraw. Its assignments
 * still to be scored stay until the bureau replaces them, so switching off says how many there are.
 */
function AvailabilitySwitch({ expert: e }: { expert: Expert }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (available: boolean) => updateExpert(e.id, { available }),
    onSuccess: async (row) => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      if (!row.available && row.openAssignments > 0)
        modal.warning({
          title: t('proj.expert.madeUnavailable', { name: row.name }),
          content: t('proj.expert.openAssignments', { n: row.openAssignments }),
          okText: t('common.ok'),
        });
      else void message.success(t(row.available ? 'proj.expert.madeAvailable' : 'proj.expert.madeUnavailable', { name: row.name }));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
  return (
    <Space size={6}>
      <Switch
        size="small"
        checked={save.isPending ? !e.available : e.available}
        loading={save.isPending}
        onChange={(on) => save.mutate(on)}
        aria-label={t('proj.expert.availableN', { name: e.name })}
        data-testid={`expert-available-${e.name}`}
      />
      <span>{t(e.available ? 'proj.expert.availableYes' : 'proj.expert.availableNo')}</span>
    </Space>
  );
}

interface PeriodRow {
  creditCode: string;
  from: string | null;
  to: string | null;
}
interface ExpertValues {
  name: string;
  username?: string;
  orgName?: string;
  orgCreditCode?: string;
  titles?: string;
  contact?: string;
  fields: string[];
  employment: PeriodRow[];
  advice: PeriodRow[];
  relatives: { name: string; creditCode?: string }[];
  shareholdings: { creditCode: string }[];
  disputes: { creditCode: string; date: string | null }[];
  /** Editing only: may the expert be drawn. */
  available?: boolean;
}

const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
const period = (p: PeriodRow) => ({ creditCode: p.creditCode.trim(), from: p.from ?? '', ...(p.to ? { to: p.to } : {}) });

function toInput(v: ExpertValues): ExpertInput {
  return {
    name: v.name.trim(),
    ...(opt(v.username) ? { username: opt(v.username) } : {}),
    ...(opt(v.orgName) ? { orgName: opt(v.orgName) } : {}),
    ...(opt(v.orgCreditCode) ? { orgCreditCode: opt(v.orgCreditCode) } : {}),
    ...(opt(v.titles) ? { titles: opt(v.titles) } : {}),
    ...(opt(v.contact) ? { contact: opt(v.contact) } : {}),
    fields: v.fields ?? [],
    history: {
      employment: (v.employment ?? []).map(period),
      advice: (v.advice ?? []).map(period),
      relatives: (v.relatives ?? []).map((r) => ({ name: r.name.trim(), ...(opt(r.creditCode) ? { creditCode: opt(r.creditCode) } : {}) })),
      shareholdings: (v.shareholdings ?? []).map((s) => ({ creditCode: s.creditCode.trim() })),
      disputes: (v.disputes ?? []).map((d) => ({ creditCode: d.creditCode.trim(), date: d.date ?? '' })),
    },
  };
}

/** Everything the form holds, as a change: cleared texts as null, so the server clears them too. */
function toPatch(v: ExpertValues): ExpertPatchInput {
  const input = toInput(v);
  return {
    name: input.name,
    orgName: input.orgName ?? null,
    orgCreditCode: input.orgCreditCode ?? null,
    titles: input.titles ?? null,
    contact: input.contact ?? null,
    fields: input.fields,
    history: input.history,
    ...(v.available !== undefined ? { available: v.available } : {}),
  };
}

/** The form's values of a stored expert. */
function valuesOf(e: Expert): ExpertValues {
  const h = e.history;
  const periodRow = (p: { creditCode: string; from: string; to?: string }) => ({
    creditCode: p.creditCode,
    from: p.from,
    to: p.to ?? null,
  });
  return {
    name: e.name,
    orgName: e.orgName ?? '',
    orgCreditCode: e.orgCreditCode ?? '',
    titles: e.titles ?? '',
    contact: e.contact ?? '',
    fields: e.fields,
    employment: (h.employment ?? []).map(periodRow),
    advice: (h.advice ?? []).map(periodRow),
    relatives: (h.relatives ?? []).map((r) => ({ name: r.name, creditCode: r.creditCode ?? '' })),
    shareholdings: (h.shareholdings ?? []).map((x) => ({ creditCode: x.creditCode })),
    disputes: (h.disputes ?? []).map((d) => ({ creditCode: d.creditCode, date: d.date })),
    available: e.available,
  };
}

const EMPTY: ExpertValues = { name: '', fields: [], employment: [], advice: [], relatives: [], shareholdings: [], disputes: [] };

/**
 * 添加专家 / 修改专家信息: who, where (credit code: conflicts are matched by code, never by name), fields, and
 * history; when editing, also whether the expert may be drawn.
 */
function ExpertDrawer({ open, editing, onClose }: { open: boolean; editing: Expert | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const types = useRegistryTypes();
  const [form] = Form.useForm<ExpertValues>();
  const [formError, setFormError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (v: ExpertValues) => (editing ? updateExpert(editing.id, toPatch(v)) : createExpert(toInput(v))),
    onMutate: () => setFormError(null),
    onSuccess: async (e) => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t(editing ? 'proj.expert.saved' : 'proj.expert.added', { name: e.name }));
      onClose();
    },
    onError: (error) => {
      if (!applyServerError(form, error, ['name', 'username', 'orgCreditCode', 'orgName', 'fields', 'titles', 'contact', 'available']))
        setFormError(error);
    },
  });
  const code = { pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: t('proj.expert.creditCodeRule') };

  return (
    <Drawer
      open={open}
      title={editing ? t('proj.expert.editTitle', { name: editing.name }) : t('proj.expert.add')}
      size={720}
      onClose={() => !save.isPending && onClose()}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && setFormError(null)}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="expert-submit">
            {t(editing ? 'proj.expert.saveSubmit' : 'proj.expert.addSubmit')}
          </Button>
        </Space>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 16 }} data-testid="expert-error" />
      ) : null}
      {editing ? (
        <Typography.Paragraph type="secondary" data-testid="expert-edit-hint">
          {t('proj.expert.editHint')}
        </Typography.Paragraph>
      ) : null}
      <Form<ExpertValues>
        form={form}
        layout="vertical"
        disabled={save.isPending}
        initialValues={editing ? valuesOf(editing) : EMPTY}
        onFinish={(v) => save.mutate(v)}
      >
        {editing ? (
          <Form.Item name="available" label={t('proj.expert.available')} valuePropName="checked" extra={t('proj.expert.availableHint')}>
            <Switch
              checkedChildren={t('proj.expert.availableYes')}
              unCheckedChildren={t('proj.expert.availableNo')}
              data-testid="expert-form-available"
            />
          </Form.Item>
        ) : null}
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            name="name"
            label={t('proj.expert.name')}
            rules={[{ required: true, whitespace: true, message: t('proj.expert.nameRequired') }]}
            style={{ width: 220 }}
          >
            <Input maxLength={50} data-testid="expert-name" />
          </Form.Item>
          <Form.Item name="titles" label={t('proj.expert.titles')} style={{ flex: 1, minWidth: 240 }}>
            <Input maxLength={200} placeholder={t('proj.expert.titlesPlaceholder')} data-testid="expert-titles" />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="orgName" label={t('proj.expert.orgName')} style={{ flex: 1, minWidth: 240 }}>
            <Input maxLength={200} data-testid="expert-org-name" />
          </Form.Item>
          <Form.Item
            name="orgCreditCode"
            label={t('proj.expert.orgCreditCode')}
            extra={t('proj.expert.orgCreditCodeHint')}
            rules={[code]}
            style={{ width: 260 }}
          >
            <Input maxLength={18} data-testid="expert-org-code" />
          </Form.Item>
        </div>
        <Form.Item name="fields" label={t('proj.expert.fields')} extra={t('proj.expert.fieldsHint')}>
          <Select mode="tags" options={types.tagOptions} tokenSeparators={[',', '，']} maxCount={20} data-testid="expert-fields" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          {editing ? null : (
            <Form.Item name="username" label={t('proj.expert.username')} extra={t('proj.expert.usernameHint')} style={{ width: 260 }}>
              <Input maxLength={40} autoComplete="off" data-testid="expert-username" />
            </Form.Item>
          )}
          <Form.Item name="contact" label={t('proj.expert.contact')} style={{ flex: 1, minWidth: 200 }}>
            <Input maxLength={100} data-testid="expert-contact" />
          </Form.Item>
        </div>
        <Divider />
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('proj.expert.history')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('proj.expert.historyHint')}</Typography.Paragraph>
        <PeriodList name="employment" title={t('proj.expert.history.employment')} code={code} />
        <PeriodList name="advice" title={t('proj.expert.history.advice')} code={code} />
        <ListBlock name="relatives" title={t('proj.expert.history.relatives')} empty={{ name: '', creditCode: '' }}>
          {(n, i) => (
            <>
              <Form.Item
                name={[n, 'name']}
                rules={[{ required: true, whitespace: true, message: t('proj.expert.nameRequired') }]}
                style={{ width: 160, marginBottom: 8 }}
              >
                <Input
                  aria-label={t('proj.expert.relativeNameN', { n: i + 1 })}
                  placeholder={t('proj.expert.relativeName')}
                  maxLength={50}
                />
              </Form.Item>
              <Form.Item name={[n, 'creditCode']} rules={[code]} style={{ width: 220, marginBottom: 8 }}>
                <Input aria-label={t('proj.expert.creditCodeN', { n: i + 1 })} placeholder={t('proj.expert.relativeOrg')} maxLength={18} />
              </Form.Item>
            </>
          )}
        </ListBlock>
        <ListBlock name="shareholdings" title={t('proj.expert.history.shareholdings')} empty={{ creditCode: '' }}>
          {(n, i) => (
            <Form.Item
              name={[n, 'creditCode']}
              rules={[{ required: true, message: t('proj.expert.creditCodeRule') }, code]}
              style={{ width: 240, marginBottom: 8 }}
            >
              <Input aria-label={t('proj.expert.creditCodeN', { n: i + 1 })} placeholder={t('proj.expert.orgCreditCode')} maxLength={18} />
            </Form.Item>
          )}
        </ListBlock>
        <ListBlock name="disputes" title={t('proj.expert.history.disputes')} empty={{ creditCode: '', date: null }}>
          {(n, i) => (
            <>
              <Form.Item
                name={[n, 'creditCode']}
                rules={[{ required: true, message: t('proj.expert.creditCodeRule') }, code]}
                style={{ width: 240, marginBottom: 8 }}
              >
                <Input
                  aria-label={t('proj.expert.creditCodeN', { n: i + 1 })}
                  placeholder={t('proj.expert.orgCreditCode')}
                  maxLength={18}
                />
              </Form.Item>
              <Form.Item
                name={[n, 'date']}
                rules={[{ required: true, message: t('proj.call.dateRequired') }]}
                style={{ marginBottom: 8 }}
                {...isoDateItem}
              >
                <DatePicker aria-label={t('proj.expert.disputeDateN', { n: i + 1 })} placeholder={t('proj.expert.disputeDate')} />
              </Form.Item>
            </>
          )}
        </ListBlock>
      </Form>
    </Drawer>
  );
}

function ListBlock<T extends object>({
  name,
  title,
  empty,
  children,
}: {
  name: keyof ExpertValues;
  title: string;
  empty: T;
  children: (n: number, i: number) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>{title}</Typography.Text>
          {items.map((item, i) => (
            <Space key={item.key} align="start" wrap style={{ display: 'flex', marginTop: 8 }}>
              {children(item.name, i)}
              <Button
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('proj.expert.removeN', { what: title, n: i + 1 })}
                onClick={() => remove(item.name)}
              />
            </Space>
          ))}
          <div>
            <Button type="link" icon={<PlusOutlined aria-hidden />} onClick={() => add(empty)} style={{ paddingInline: 0 }}>
              {t('proj.expert.addRow', { what: title })}
            </Button>
          </div>
        </div>
      )}
    </Form.List>
  );
}

function PeriodList({ name, title, code }: { name: 'employment' | 'advice'; title: string; code: { pattern: RegExp; message: string } }) {
  const { t } = useI18n();
  return (
    <ListBlock name={name} title={title} empty={{ creditCode: '', from: null, to: null }}>
      {(n, i) => (
        <>
          <Form.Item
            name={[n, 'creditCode']}
            rules={[{ required: true, message: t('proj.expert.creditCodeRule') }, code]}
            style={{ width: 220, marginBottom: 8 }}
          >
            <Input aria-label={t('proj.expert.creditCodeN', { n: i + 1 })} placeholder={t('proj.expert.orgCreditCode')} maxLength={18} />
          </Form.Item>
          <Form.Item
            name={[n, 'from']}
            rules={[{ required: true, message: t('proj.call.dateRequired') }]}
            style={{ marginBottom: 8 }}
            {...isoDateItem}
          >
            <DatePicker aria-label={t('proj.expert.fromN', { n: i + 1 })} placeholder={t('proj.expert.from')} />
          </Form.Item>
          <Form.Item name={[n, 'to']} style={{ marginBottom: 8 }} {...isoDateItem}>
            <DatePicker aria-label={t('proj.expert.toN', { n: i + 1 })} placeholder={t('proj.expert.to')} />
          </Form.Item>
        </>
      )}
    </ListBlock>
  );
}
