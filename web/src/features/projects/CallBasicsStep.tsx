import { DatePicker, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useI18n } from '../../app/i18n';
import { isoDateItem } from '../../components/isoDate';
import { useRegistryTypes } from '../../components/registry/useRegistryTypes';
import { type CallFormValues } from './callForm';
import { Row, thousands, unformat } from './callFormInputs';
import { CALL_CODE_PATTERN } from '../../../../common/values/projects';

/** Step 1 of the call form: code, kind, title, guide, categories, eligibility, budget and dates. */
export function BasicsStep({ form }: { form: FormInstance<CallFormValues> }) {
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
          rules={[...required('proj.call.codeRequired'), { pattern: CALL_CODE_PATTERN, message: t('proj.call.codeRule') }]}
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
