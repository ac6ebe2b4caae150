import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Steps,
  Switch,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api/http';
import { ATTACHMENT_TYPES, createCall, PROJECTS_KEY, type Call } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../components/errors';
import { bureauToday, isoDateItem } from '../../components/isoDate';
import { useRegistryTypes } from '../../components/registry/useRegistryTypes';
import { CALL_STEPS, defaultCallValues, FUND_SOURCES, stepOfField, toCallInput, weightSum, type CallFormValues } from './callForm';
import { DANGER, typeNames } from '../../components/projects/labels';

const KEY_RULE = /^[a-z][a-z0-9_]{0,39}$/;
const thousands = (v: number | string | undefined) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const unformat = (v: string | undefined) => Number((v ?? '').replace(/[,\s¥]/g, ''));

/**
 * 新建指南: a guided form in four steps (basics, the application form, the review rules, the funding), every
 * step filled with sensible defaults so that a call needs little more than a code, a title, a guide and a budget.
 * The call is saved as a draft; it is published from its page.
 */
export function CallFormDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (call: Call) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<CallFormValues>();
  const [step, setStep] = useState(0);
  const [formError, setFormError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (v: CallFormValues) => createCall(toCallInput(v)),
    onMutate: () => setFormError(null),
    onSuccess: async (call) => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      onCreated(call);
    },
    onError: (error) => {
      setFormError(error);
      if (error instanceof ApiError && error.field === 'code') {
        form.setFields([{ name: 'code', errors: [error.message] }]);
        setStep(0);
      }
    },
  });

  const next = async () => {
    try {
      await form.validateFields([...CALL_STEPS[step]!.fields], { recursive: true });
      setStep((s) => Math.min(s + 1, CALL_STEPS.length - 1));
    } catch {
      // The errors are shown under the fields.
    }
  };
  const submit = async () => {
    try {
      const values = await form.validateFields({ recursive: true });
      create.mutate({ ...form.getFieldsValue(true), ...values } as CallFormValues);
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) setStep(stepOfField(first.name[0]));
    }
  };
  const last = step === CALL_STEPS.length - 1;

  return (
    <Drawer
      open={open}
      title={t('proj.call.create')}
      size={960}
      onClose={() => !create.isPending && onClose()}
      destroyOnHidden
      afterOpenChange={(isOpen) => {
        if (!isOpen) {
          setStep(0);
          setFormError(null);
        }
      }}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button disabled={step === 0} onClick={() => setStep((s) => s - 1)} data-testid="call-prev">
            {t('proj.call.prev')}
          </Button>
          {last ? null : (
            <Button onClick={() => void next()} data-testid="call-next">
              {t('proj.call.next')}
            </Button>
          )}
          <Button type={last ? 'primary' : 'default'} loading={create.isPending} onClick={() => void submit()} data-testid="call-submit">
            {t('proj.call.save')}
          </Button>
        </Space>
      }
      data-testid="call-drawer"
    >
      <Steps
        current={step}
        onChange={setStep}
        size="small"
        style={{ marginBottom: 24 }}
        items={CALL_STEPS.map((s) => ({ title: t(`proj.call.step.${s.key}`) }))}
      />
      {formError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(formError, t)}
          description={
            formError instanceof ApiError && formError.details.length > 1 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {formError.details.map((d) => (
                  <li key={`${d.field}-${d.message}`}>{d.message}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
          data-testid="call-error"
        />
      ) : null}
      <Form<CallFormValues>
        form={form}
        layout="vertical"
        disabled={create.isPending}
        initialValues={defaultCallValues(bureauToday())}
        onFinish={() => void submit()}
      >
        {/* Every step stays mounted (hidden), so its values and rules count when saving. */}
        <div hidden={step !== 0}>
          <BasicsStep form={form} />
        </div>
        <div hidden={step !== 1}>
          <FormStep />
        </div>
        <div hidden={step !== 2}>
          <ReviewStep form={form} />
        </div>
        <div hidden={step !== 3}>
          <FundingStep form={form} />
        </div>
      </Form>
    </Drawer>
  );
}

function Row({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>{children}</div>;
}

function BasicsStep({ form }: { form: FormInstance<CallFormValues> }) {
  const { t } = useI18n();
  const types = useRegistryTypes();
  const kind = Form.useWatch('kind', form);
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(key) }];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('proj.call.step.basics.hint')}</Typography.Paragraph>
      <Row>
        <Form.Item
          name="code"
          label={t('proj.call.code')}
          extra={t('proj.call.codeHint')}
          rules={[...required('proj.call.codeRequired'), { pattern: /^[A-Za-z0-9_-]{2,40}$/, message: t('proj.call.codeRule') }]}
          style={{ width: 260 }}
        >
          <Input maxLength={40} placeholder="XS-2026-01" data-testid="call-code" />
        </Form.Item>
        <Form.Item name="kind" label={t('proj.call.kind')} extra={kind === 'challenge' ? t('proj.call.kind.challengeHint') : undefined}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'standard', label: t('proj.kind.standard') },
              { value: 'challenge', label: t('proj.kind.challenge') },
            ]}
            data-testid="call-kind"
          />
        </Form.Item>
      </Row>
      <Form.Item name="title" label={t('proj.call.title')} rules={[...required('proj.call.titleRequired'), { min: 2 }]}>
        <Input maxLength={200} data-testid="call-title" />
      </Form.Item>
      <Form.Item name="guideText" label={t('proj.call.guide')} rules={[...required('proj.call.guideRequired'), { min: 2 }]}>
        <Input.TextArea rows={4} maxLength={20_000} showCount data-testid="call-guide" />
      </Form.Item>
      <Form.Item name="categories" label={t('proj.call.categories')} extra={t('proj.call.categoriesHint')}>
        <Select mode="tags" options={types.tagOptions} tokenSeparators={[',', '，']} maxCount={20} data-testid="call-categories" />
      </Form.Item>
      {kind === 'challenge' ? null : (
        <Row>
          <Form.Item name="registeredInRegion" label={t('proj.call.registeredInRegion')} valuePropName="checked">
            <Switch data-testid="call-in-region" />
          </Form.Item>
          <Form.Item
            name="qualificationsAnyOf"
            label={t('proj.call.qualifications')}
            extra={t('proj.call.qualificationsHint')}
            style={{ minWidth: 360, flex: 1 }}
          >
            <Select mode="multiple" allowClear options={types.qualificationOptions} maxCount={10} data-testid="call-qualifications" />
          </Form.Item>
        </Row>
      )}
      <Row>
        <Form.Item
          name="budgetYuan"
          label={t('proj.call.budget')}
          rules={[{ required: true, message: t('proj.call.budgetRequired') }]}
          extra={t('proj.call.budgetHint')}
        >
          <InputNumber<number>
            min={0}
            max={1e11}
            precision={2}
            formatter={thousands}
            parser={unformat}
            suffix={t('pol.unit.yuan')}
            style={{ width: 240 }}
            data-testid="call-budget"
          />
        </Form.Item>
        {kind === 'challenge' ? (
          <Form.Item
            name="bountyYuan"
            label={t('proj.call.bounty')}
            rules={[{ required: true, type: 'number', min: 0.01, message: t('proj.call.bountyRequired') }]}
          >
            <InputNumber<number>
              min={0}
              max={1e11}
              precision={2}
              formatter={thousands}
              parser={unformat}
              suffix={t('pol.unit.yuan')}
              style={{ width: 240 }}
              data-testid="call-bounty"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="opensOn"
          label={t('proj.call.opensOn')}
          rules={[{ required: true, message: t('proj.call.dateRequired') }]}
          {...isoDateItem}
        >
          <DatePicker data-testid="call-opens" />
        </Form.Item>
        <Form.Item
          name="closesOn"
          label={t('proj.call.closesOn')}
          dependencies={['opensOn']}
          rules={[
            { required: true, message: t('proj.call.dateRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | null) => {
                const opens = getFieldValue('opensOn') as string | null;
                return !value || !opens || opens <= value ? Promise.resolve() : Promise.reject(new Error(t('proj.call.closesBeforeOpens')));
              },
            }),
          ]}
          {...isoDateItem}
        >
          <DatePicker data-testid="call-closes" />
        </Form.Item>
      </Row>
    </>
  );
}

/** Column names above a list's rows (the inputs carry their own accessible names). */
function ListHeader({ columns }: { columns: [string, number][] }) {
  return (
    <div aria-hidden style={{ display: 'flex', gap: 8, fontSize: 13, color: '#595959', marginBottom: 4 }}>
      {columns.map(([text, width]) => (
        <span key={text} style={{ width }}>
          {text}
        </span>
      ))}
    </div>
  );
}

function KeyInput({ name, label, testId }: { name: (string | number)[]; label: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      rules={[
        { required: true, message: t('proj.call.keyRequired') },
        { pattern: KEY_RULE, message: t('proj.call.keyRule') },
      ]}
      style={{ width: 130, marginBottom: 8 }}
    >
      <Input aria-label={label} placeholder="summary" maxLength={40} data-testid={testId} />
    </Form.Item>
  );
}

function TextInput({ name, label, width = 160 }: { name: (string | number)[]; label: string; width?: number }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      rules={[{ required: true, whitespace: true, message: t('proj.call.labelRequired') }]}
      style={{ width, marginBottom: 8 }}
    >
      <Input aria-label={label} placeholder={label} maxLength={200} />
    </Form.Item>
  );
}

function FormStep() {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('proj.call.step.form.hint')}</Typography.Paragraph>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('proj.call.fields')}
      </Typography.Title>
      <Form.List name="fields">
        {(items, { add, remove }) => (
          <>
            <ListHeader
              columns={[
                [t('proj.call.col.key'), 130],
                [t('proj.call.col.zh'), 160],
                [t('proj.call.col.en'), 160],
                [t('proj.call.col.type'), 130],
              ]}
            />
            {items.map((item, i) => (
              <Space key={item.key} align="start" wrap style={{ display: 'flex' }} data-testid={`call-field-${i}`}>
                <KeyInput name={[item.name, 'key']} label={t('proj.call.fieldKeyN', { n: i + 1 })} testId={`call-field-${i}-key`} />
                <TextInput name={[item.name, 'zh']} label={t('proj.call.labelZhN', { n: i + 1 })} />
                <TextInput name={[item.name, 'en']} label={t('proj.call.labelEnN', { n: i + 1 })} />
                <Form.Item name={[item.name, 'type']} style={{ width: 130, marginBottom: 8 }}>
                  <Select
                    aria-label={t('proj.call.fieldTypeN', { n: i + 1 })}
                    options={(['text', 'textarea', 'number', 'date'] as const).map((x) => ({ value: x, label: t(`proj.fieldType.${x}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox>{t('proj.call.required')}</Checkbox>
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('proj.call.removeFieldN', { n: i + 1 })}
                  onClick={() => remove(item.name)}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ key: '', zh: '', en: '', type: 'text', required: false })}>
              {t('proj.call.addField')}
            </Button>
          </>
        )}
      </Form.List>
      <Divider />
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('proj.call.attachments')}
      </Typography.Title>
      <Form.List name="attachments">
        {(items, { add, remove }) => (
          <>
            <ListHeader
              columns={[
                [t('proj.call.col.key'), 130],
                [t('proj.call.col.zh'), 140],
                [t('proj.call.col.en'), 140],
                [t('proj.call.col.types'), 210],
                [t('proj.call.col.maxMb'), 100],
              ]}
            />
            {items.map((item, i) => (
              <Space key={item.key} align="start" wrap style={{ display: 'flex' }} data-testid={`call-attachment-${i}`}>
                <KeyInput
                  name={[item.name, 'key']}
                  label={t('proj.call.attachmentKeyN', { n: i + 1 })}
                  testId={`call-attachment-${i}-key`}
                />
                <TextInput name={[item.name, 'zh']} label={t('proj.call.labelZhN', { n: i + 1 })} width={140} />
                <TextInput name={[item.name, 'en']} label={t('proj.call.labelEnN', { n: i + 1 })} width={140} />
                <Form.Item
                  name={[item.name, 'types']}
                  rules={[{ required: true, message: t('proj.call.typesRequired') }]}
                  style={{ width: 210, marginBottom: 8 }}
                >
                  <Select
                    mode="multiple"
                    aria-label={t('proj.call.typesN', { n: i + 1 })}
                    options={ATTACHMENT_TYPES.map((x) => ({ value: x, label: typeNames([x]) }))}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'maxMb']} style={{ marginBottom: 8 }}>
                  <InputNumber<number>
                    min={1}
                    max={20}
                    precision={0}
                    suffix="MB"
                    aria-label={t('proj.call.maxMbN', { n: i + 1 })}
                    style={{ width: 100 }}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox>{t('proj.call.required')}</Checkbox>
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('proj.call.removeAttachmentN', { n: i + 1 })}
                  onClick={() => remove(item.name)}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ key: '', zh: '', en: '', required: false, maxMb: 10, types: ['application/pdf'] })}
            >
              {t('proj.call.addAttachment')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

function ReviewStep({ form }: { form: FormInstance<CallFormValues> }) {
  const { t } = useI18n();
  const criteria = Form.useWatch('criteria', form);
  const sum = weightSum(criteria);
  const types = useRegistryTypes();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('proj.call.step.review.hint')}</Typography.Paragraph>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('proj.call.criteria')}
      </Typography.Title>
      <Form.List
        name="criteria"
        rules={[
          {
            validator: async (_, value: CallFormValues['criteria'] | undefined) => {
              if (!value?.length) throw new Error(t('proj.call.criteriaRequired'));
              if (Math.abs(weightSum(value) - 100) > 1e-6) throw new Error(t('proj.call.weightsSum', { sum: weightSum(value) }));
            },
          },
        ]}
      >
        {(items, { add, remove }, { errors }) => (
          <>
            <ListHeader
              columns={[
                [t('proj.call.col.key'), 130],
                [t('proj.call.col.zh'), 160],
                [t('proj.call.col.en'), 160],
                [t('proj.call.col.weight'), 110],
                [t('proj.call.col.threshold'), 130],
              ]}
            />
            {items.map((item, i) => (
              <Space key={item.key} align="start" wrap style={{ display: 'flex' }} data-testid={`call-criterion-${i}`}>
                <KeyInput name={[item.name, 'key']} label={t('proj.call.criterionKeyN', { n: i + 1 })} testId={`call-criterion-${i}-key`} />
                <TextInput name={[item.name, 'zh']} label={t('proj.call.labelZhN', { n: i + 1 })} />
                <TextInput name={[item.name, 'en']} label={t('proj.call.labelEnN', { n: i + 1 })} />
                <Form.Item
                  name={[item.name, 'weight']}
                  rules={[{ required: true, type: 'number', min: 0.01, max: 100, message: t('proj.call.weightRule') }]}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber<number>
                    min={0}
                    max={100}
                    suffix="%"
                    aria-label={t('proj.call.weightN', { n: i + 1 })}
                    style={{ width: 110 }}
                    data-testid={`call-criterion-${i}-weight`}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'threshold']} style={{ marginBottom: 8 }}>
                  <InputNumber<number>
                    min={0}
                    max={100}
                    placeholder={t('proj.call.threshold')}
                    aria-label={t('proj.call.thresholdN', { n: i + 1 })}
                    style={{ width: 130 }}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('proj.call.removeCriterionN', { n: i + 1 })}
                  onClick={() => remove(item.name)}
                />
              </Space>
            ))}
            <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ key: '', zh: '', en: '', weight: null, threshold: null })}>
                {t('proj.call.addCriterion')}
              </Button>
              <Typography.Text strong style={Math.abs(sum - 100) > 1e-6 ? { color: DANGER } : undefined} data-testid="call-weight-sum">
                {t('proj.call.weightTotal', { sum })}
              </Typography.Text>
            </div>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <Divider />
      <Row>
        <Form.Item name="aggregation" label={t('proj.call.aggregation')} extra={t('proj.call.aggregationHint')}>
          <Select
            style={{ width: 220 }}
            options={(['trimmed', 'mean', 'median'] as const).map((x) => ({ value: x, label: t(`proj.aggregation.${x}`) }))}
            data-testid="call-aggregation"
          />
        </Form.Item>
        <Form.Item name="totalThreshold" label={t('proj.call.totalThreshold')}>
          <InputNumber<number> min={0} max={100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="spreadThreshold"
          label={t('proj.call.spreadThreshold')}
          extra={t('proj.call.spreadHint')}
          rules={[{ required: true }]}
        >
          <InputNumber<number> min={0} max={100} style={{ width: 140 }} />
        </Form.Item>
      </Row>
      <Row>
        <Form.Item name="reviewsPerApplication" label={t('proj.call.reviewsPerApplication')} rules={[{ required: true }]}>
          <InputNumber<number> min={1} max={15} precision={0} style={{ width: 140 }} data-testid="call-reviews" />
        </Form.Item>
        <Form.Item name="expertLoadCap" label={t('proj.call.expertLoadCap')} rules={[{ required: true }]}>
          <InputNumber<number> min={1} max={200} precision={0} style={{ width: 140 }} data-testid="call-load-cap" />
        </Form.Item>
      </Row>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('proj.call.quotas')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('proj.call.quotasHint')}</Typography.Paragraph>
      <Form.List name="quotas">
        {(items, { add, remove }) => (
          <>
            {items.map((item, i) => (
              <Space key={item.key} align="start" wrap style={{ display: 'flex' }}>
                <Form.Item
                  name={[item.name, 'field']}
                  rules={[{ required: true, whitespace: true, message: t('proj.call.quotaFieldRequired') }]}
                  style={{ width: 240, marginBottom: 8 }}
                >
                  <Select showSearch aria-label={t('proj.call.quotaFieldN', { n: i + 1 })} options={types.tagOptions} />
                </Form.Item>
                <Form.Item name={[item.name, 'min']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                  <InputNumber<number>
                    min={1}
                    max={5}
                    precision={0}
                    aria-label={t('proj.call.quotaMinN', { n: i + 1 })}
                    style={{ width: 120 }}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('proj.call.removeQuotaN', { n: i + 1 })}
                  onClick={() => remove(item.name)}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} disabled={items.length >= 5} onClick={() => add({ field: undefined, min: 1 })}>
              {t('proj.call.addQuota')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

function FundingStep({ form }: { form: FormInstance<CallFormValues> }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('proj.call.step.funding.hint')}</Typography.Paragraph>
      <Form.Item name="fundingMode" label={t('proj.call.fundingMode')}>
        <Radio.Group
          options={(['tranches', 'milestones', 'post_subsidy'] as const).map((x) => ({
            value: x,
            label: (
              <span>
                <strong>{t(`proj.fundingMode.${x}`)}</strong>
                <span style={{ display: 'block', fontSize: 13 }}>{t(`proj.fundingMode.${x}.hint`)}</span>
              </span>
            ),
          }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          data-testid="call-funding-mode"
        />
      </Form.Item>
      <Row>
        <Form.Item
          name="firstTranchePct"
          label={t('proj.call.firstTranchePct')}
          extra={t('proj.call.firstTrancheHint')}
          rules={[{ required: true }]}
        >
          <InputNumber<number> min={60} max={100} suffix="%" style={{ width: 140 }} data-testid="call-first-tranche" />
        </Form.Item>
        <Form.Item name="maxMidtermChecks" label={t('proj.call.maxMidtermChecks')} rules={[{ required: true }]}>
          <InputNumber<number> min={0} max={1} precision={0} style={{ width: 140 }} data-testid="call-max-midterm" />
        </Form.Item>
        <Form.Item name="maxExtensionMonths" label={t('proj.call.maxExtensionMonths')} rules={[{ required: true }]}>
          <InputNumber<number> min={0} max={12} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Row>
      <Row>
        <Form.Item name="fundSource" label={t('ledger.fundSource')} rules={[{ required: true }]}>
          <Select
            style={{ width: 200 }}
            options={FUND_SOURCES.map((x) => ({ value: x, label: t(`ledger.source.${x}`) }))}
            data-testid="call-fund-source"
          />
        </Form.Item>
        <Form.Item name="fiscalYear" label={t('ledger.fiscalYear')} rules={[{ required: true }]}>
          <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: 140 }} data-testid="call-fiscal-year" />
        </Form.Item>
      </Row>
      <Divider />
      <PanelsAndNotice form={form} />
    </>
  );
}

/**
 * Which later stages need an expert panel (the review's draw, scoring and aggregation) and how large, and how long
 * the approval list stays on public notice. The mid-term panel is moot when the call allows no mid-term check.
 */
function PanelsAndNotice({ form }: { form: FormInstance<CallFormValues> }) {
  const { t } = useI18n();
  const midterms = Form.useWatch('maxMidtermChecks', form);
  const noMidterm = midterms === 0;
  const stages = [
    { key: 'midterm', disabled: noMidterm, extra: noMidterm ? t('proj.call.panel.noMidterm') : t('proj.call.panel.midtermHint') },
    { key: 'acceptance', disabled: false, extra: t('proj.call.panel.acceptanceHint') },
  ] as const;
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('proj.call.panels')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
        {t('proj.call.panelsHint')}
      </Typography.Paragraph>
      {stages.map(({ key, disabled, extra }) => (
        <Row key={key}>
          <Form.Item
            name={['panels', key, 'required']}
            label={t(`proj.call.panel.${key}Required`)}
            valuePropName="checked"
            extra={extra}
            style={{ width: 320 }}
          >
            <Switch
              disabled={disabled}
              checkedChildren={t('proj.call.panel.required')}
              unCheckedChildren={t('proj.call.panel.optional')}
              data-testid={`call-panel-${key}-required`}
            />
          </Form.Item>
          <Form.Item
            name={['panels', key, 'experts']}
            label={t(`proj.call.panel.${key}Experts`)}
            rules={[{ required: true, type: 'number', min: 1, max: 15, message: t('proj.call.panel.expertsRule') }]}
          >
            <InputNumber<number>
              min={1}
              max={15}
              precision={0}
              disabled={disabled}
              suffix={t('proj.call.panel.people')}
              style={{ width: 140 }}
              data-testid={`call-panel-${key}-experts`}
            />
          </Form.Item>
        </Row>
      ))}
      <Form.Item
        name="noticeMinDays"
        label={t('proj.call.noticeMinDays')}
        extra={t('proj.call.noticeMinDaysHint')}
        rules={[{ required: true, type: 'number', min: 1, max: 60, message: t('proj.call.noticeMinDaysRule') }]}
        style={{ maxWidth: 600 }}
      >
        <InputNumber<number>
          min={1}
          max={60}
          precision={0}
          suffix={t('proj.call.days')}
          style={{ width: 140 }}
          data-testid="call-notice-days"
        />
      </Form.Item>
    </>
  );
}
