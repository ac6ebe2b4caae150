import { Divider, Form, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useI18n } from '../../app/i18n';
import { FUND_SOURCES, type CallFormValues } from './callForm';
import { Row } from './callFormInputs';

/** Step 4 of the call form: the funding mode and parameters, the panels and the notice. */
export function FundingStep({ form }: { form: FormInstance<CallFormValues> }) {
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
