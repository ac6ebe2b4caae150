import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Divider, Drawer, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { createExpert, PROJECTS_KEY, updateExpert, type Expert, type ExpertInput, type ExpertPatchInput } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { applyServerError, errorText } from '../../components/errors';
import { isoDateItem } from '../../components/isoDate';
import { useRegistryTypes } from '../../components/registry/useRegistryTypes';

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
export function ExpertDrawer({ open, editing, onClose }: { open: boolean; editing: Expert | null; onClose: () => void }) {
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
        <HistoryFields code={code} />
      </Form>
    </Drawer>
  );
}

/** The expert's history (employment, advice, relatives, shareholdings, disputes): what conflicts are matched on. */
function HistoryFields({ code }: { code: { pattern: RegExp; message: string } }) {
  const { t } = useI18n();
  return (
    <>
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
              <Input aria-label={t('proj.expert.relativeNameN', { n: i + 1 })} placeholder={t('proj.expert.relativeName')} maxLength={50} />
            </Form.Item>
            <Form.Item name={[n, 'creditCode']} rules={[code]} style={{ width: 220, marginBottom: 8 }}>
              <Input aria-label={t('proj.expert.creditCodeN', { n: i + 1 })} placeholder={t('proj.expert.relativeOrg')} maxLength={18} />
            </Form.Item>
          </>
        )}
      </ListBlock>
      <ListBlock name="shareholdings" title={t('proj.expert.history.shareholdings')} empty={{ creditCode: '' }}>
        {(n, i) => <CreditCodeItem n={n} i={i} code={code} width={240} />}
      </ListBlock>
      <ListBlock name="disputes" title={t('proj.expert.history.disputes')} empty={{ creditCode: '', date: null }}>
        {(n, i) => (
          <>
            <CreditCodeItem n={n} i={i} code={code} width={240} />
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
    </>
  );
}

/** One row's organisation credit code (统一社会信用代码), required and checked. */
function CreditCodeItem({ n, i, code, width }: { n: number; i: number; code: { pattern: RegExp; message: string }; width: number }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={[n, 'creditCode']}
      rules={[{ required: true, message: t('proj.expert.creditCodeRule') }, code]}
      style={{ width, marginBottom: 8 }}
    >
      <Input aria-label={t('proj.expert.creditCodeN', { n: i + 1 })} placeholder={t('proj.expert.orgCreditCode')} maxLength={18} />
    </Form.Item>
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
          <CreditCodeItem n={n} i={i} code={code} width={220} />
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
