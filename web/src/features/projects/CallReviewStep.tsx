import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Form, InputNumber, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useI18n } from '../../app/i18n';
import { useRegistryTypes } from '../../components/registry/useRegistryTypes';
import { weightSum, type CallFormValues } from './callForm';
import { DANGER } from '../../components/projects/labels';
import { KeyInput, ListHeader, Row, TextInput } from './callFormInputs';

/** Step 3 of the call form: the criteria and their weights, the aggregation, the load and the quotas. */
export function ReviewStep({ form }: { form: FormInstance<CallFormValues> }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('proj.call.step.review.hint')}</Typography.Paragraph>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('proj.call.criteria')}
      </Typography.Title>
      <CriteriaList form={form} />
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
      <QuotaList />
    </>
  );
}

/** The criteria with their weights (summing to 100 %) and optional thresholds. */
function CriteriaList({ form }: { form: FormInstance<CallFormValues> }) {
  const { t } = useI18n();
  const criteria = Form.useWatch('criteria', form);
  const sum = weightSum(criteria);
  return (
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
  );
}

/** At least so many experts of a field on each application (up to five quotas). */
function QuotaList() {
  const { t } = useI18n();
  const types = useRegistryTypes();
  return (
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
  );
}
