import { Col, Form, InputNumber, Row } from 'antd';
import { useT } from '../../app/i18n';
import { STAT_FIELDS, isHeadcount, type StatField } from './labels';

export type StatsValues = Partial<Record<StatField, number | null>>;

/** The label of a figure with its unit: "研发费用（万元）". */
export function useStatLabel() {
  const t = useT();
  return (f: StatField) =>
    t('stats.withUnit', { name: t(`stats.${f}`), unit: t(isHeadcount(f) ? 'stats.unit.persons' : 'stats.unit.wan') });
}

/** The eleven annual figures as number inputs; headcounts are whole, money has up to two decimals, net assets may be negative. */
export function StatsFields({ disabled, testIdPrefix }: { disabled?: boolean; testIdPrefix: string }) {
  const label = useStatLabel();
  return (
    <Row gutter={16}>
      {STAT_FIELDS.map((f) => (
        <Col key={f} xs={24} sm={12} lg={8}>
          <Form.Item label={label(f)} name={f}>
            <InputNumber
              min={f === 'netAssets' ? undefined : 0}
              precision={isHeadcount(f) ? 0 : 2}
              disabled={disabled}
              style={{ width: '100%' }}
              data-testid={`${testIdPrefix}-${f}`}
            />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/** What the API takes: every figure, empty ones as null. */
export function toStatsInput(v: StatsValues, submit: boolean) {
  return { ...Object.fromEntries(STAT_FIELDS.map((f) => [f, v[f] ?? null])), submit };
}
