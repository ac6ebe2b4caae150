import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { OrgUnitView } from '../../../../common/contracts/orgunits';
import type { OrgLevel } from '../../../../common/enums';
import { ORG_CODE_PATTERN } from '../../../../common/limits';
import { createOrgUnit, updateOrgUnit, type OrgUnitDetail } from '../../api/orgunits';
import { useI18n } from '../../app/i18n';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { applyServerError, errorText } from '../../components/errors';
import { subtreeCodes } from '../../components/orgTree';
import { useLastNonNull } from '../../components/useLastNonNull';
import { childLevel, levelOptions } from './labels';

export type OrgUnitDrawerState = { mode: 'edit'; detail: OrgUnitDetail } | { mode: 'create'; parent: OrgUnitDetail } | null;

interface Values {
  code: string;
  name: string;
  level: OrgLevel;
  parentCode: string | null;
  aliases: string[];
  validFrom: string | null;
  validTo: string | null;
}

const FIELDS = ['code', 'name', 'level', 'parentCode', 'aliases', 'validFrom', 'validTo'] as const;

// Dates travel as ISO strings; DatePicker wants dayjs objects.
const dateProps = {
  getValueProps: (v: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

function initialValues(state: NonNullable<OrgUnitDrawerState>): Partial<Values> {
  if (state.mode === 'edit') {
    const { code, name, level, parentCode, aliases, validFrom, validTo } = state.detail.unit;
    return { code, name, level, parentCode, aliases, validFrom, validTo };
  }
  const { unit, children } = state.parent;
  return { parentCode: unit.code, level: childLevel(unit, children), aliases: [], validFrom: null, validTo: null };
}

interface Props {
  state: OrgUnitDrawerState;
  units: readonly OrgUnitView[];
  onClose: () => void;
  onSaved: (unit: OrgUnitView) => void;
}

export function OrgUnitDrawer({ state, units, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [formError, setFormError] = useState<unknown>(null);
  // The footer's button submits the current opening's form (no implicit Enter-submit from date or tag inputs).
  const formRef = useRef<FormInstance<Values> | null>(null);
  const editing = state?.mode === 'edit' ? state.detail.unit : null;

  const save = useMutation({
    mutationFn: ({ values: v }: { values: Values; form: FormInstance<Values> }) => {
      const body = {
        name: v.name.trim(),
        level: v.level,
        parentCode: v.parentCode ?? null,
        aliases: v.aliases ?? [],
        validFrom: v.validFrom ?? null,
        validTo: v.validTo ?? null,
      };
      return editing ? updateOrgUnit(editing.code, body) : createOrgUnit({ ...body, code: v.code.trim() });
    },
    onMutate: () => setFormError(null),
    onSuccess: async (unit) => {
      void message.success(t(editing ? 'org.updated' : 'org.created', { name: unit.name }));
      await client.invalidateQueries({ queryKey: ['org-units'] });
      onSaved(unit);
    },
    onError: (error, { form }) => {
      if (!applyServerError(form, error, FIELDS)) setFormError(error);
    },
  });

  const shown = useLastNonNull(state);
  const title = !shown
    ? ''
    : shown.mode === 'edit'
      ? t('org.editTitle', { name: shown.detail.unit.name })
      : t('org.createTitle', { name: shown.parent.unit.name });
  // A fresh form per opening: antd's form store would otherwise carry the last unit's values over.
  const formKey = !state ? 'closed' : state.mode === 'edit' ? `edit:${state.detail.unit.code}` : `create:${state.parent.unit.code}`;

  return (
    <Drawer
      open={state !== null}
      title={title}
      size={480}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) setFormError(null);
      }}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => formRef.current?.submit()} data-testid="orgunit-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {formError ? <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 16 }} /> : null}
      {state ? (
        <OrgUnitForm
          key={formKey}
          state={state}
          units={units}
          formRef={formRef}
          disabled={save.isPending}
          onSubmit={(values, form) => save.mutate({ values, form })}
        />
      ) : null}
    </Drawer>
  );
}

interface FormProps {
  state: NonNullable<OrgUnitDrawerState>;
  units: readonly OrgUnitView[];
  formRef: RefObject<FormInstance<Values> | null>;
  disabled: boolean;
  onSubmit: (values: Values, form: FormInstance<Values>) => void;
}

function OrgUnitForm({ state, units, formRef, disabled, onSubmit }: FormProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    formRef.current = form;
  }, [form, formRef]);
  const editing = state.mode === 'edit' ? state.detail.unit : null;
  // A unit cannot move under itself or its own descendants.
  const blocked = useMemo(() => (editing ? subtreeCodes(editing.code, units) : undefined), [editing, units]);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues(state)}
      onFinish={(v) => onSubmit(v, form)}
      disabled={disabled}
    >
      <Form.Item
        label={t('org.code')}
        name="code"
        extra={editing ? undefined : t('org.codeHint')}
        rules={[
          { required: true, message: t('org.codeRequired') },
          { pattern: ORG_CODE_PATTERN, message: t('org.codeInvalid') },
        ]}
      >
        <Input disabled={editing !== null} data-testid="orgunit-form-code" />
      </Form.Item>
      <Form.Item label={t('org.name')} name="name" rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }]}>
        <Input data-testid="orgunit-form-name" />
      </Form.Item>
      <Form.Item label={t('org.level')} name="level" rules={[{ required: true, message: t('org.levelRequired') }]}>
        <Select options={levelOptions(locale)} data-testid="orgunit-form-level" />
      </Form.Item>
      <Form.Item label={t('org.parent')} name="parentCode">
        <OrgUnitTreeSelect allowClear placeholder={t('org.parentPlaceholder')} disabledCodes={blocked} data-testid="orgunit-form-parent" />
      </Form.Item>
      <Form.Item label={t('org.aliases')} name="aliases" extra={t('org.aliasesHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} suffixIcon={null} data-testid="orgunit-form-aliases" />
      </Form.Item>
      <Space size={16} style={{ display: 'flex' }}>
        <Form.Item label={t('org.validFrom')} name="validFrom" {...dateProps}>
          <DatePicker data-testid="orgunit-form-validFrom" />
        </Form.Item>
        <Form.Item label={t('org.validTo')} name="validTo" {...dateProps}>
          <DatePicker data-testid="orgunit-form-validTo" />
        </Form.Item>
      </Space>
    </Form>
  );
}
