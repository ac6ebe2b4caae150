import { MinusCircleOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Collapse, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import type { FormInstance, FormListFieldData } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { benchmarkIndicatorsQuery, peerGroupsQuery, type BenchmarkIndicator } from '../../api/benchmarks';
import { useI18n } from '../../app/i18n';
import { nameOf } from './benchText';
import { AGGREGATIONS, IMPUTATIONS, methodsUsed, NORMALISATIONS, type IndexFormValues } from './indexSpec';
import { benchYears } from './useBenchParams';

interface Props {
  form: FormInstance<IndexFormValues>;
  initialValues: IndexFormValues;
  running: boolean;
  onRun: (values: IndexFormValues) => void;
}

const cell: CSSProperties = { marginBottom: 8 };

const head = (text: ReactNode) => (
  <Typography.Text strong style={{ fontSize: 13 }}>
    {text}
  </Typography.Text>
);

interface RowProps {
  form: FormInstance<IndexFormValues>;
  inds: BenchmarkIndicator[];
  field: FormListFieldData;
  index: number;
  count: number;
  cols: string;
  needsTarget: boolean;
  needsPosts: boolean;
  unit: string;
  remove: (name: number) => void;
}

/** One indicator of the index: which, its direction and weight, and the target or goalposts the method needs. */
function IndicatorRow({ form, inds, field, index, count, cols, needsTarget, needsPosts, unit, remove }: RowProps) {
  const { t, locale } = useI18n();
  const n = index + 1;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: cols, gap: 8 }} data-testid={`index-indicator-${index}`}>
      <Form.Item name={[field.name, 'code']} rules={[{ required: true, message: t('bench.index.indicatorRequired') }]} style={cell}>
        <Select<string>
          aria-label={t('bench.index.indicatorN', { n })}
          showSearch={{ optionFilterProp: 'label' }}
          options={inds.map((i) => ({ value: i.code, label: `${nameOf(i, locale)}（${i.unit}）` }))}
          onChange={(c) => {
            const dir = inds.find((i) => i.code === c)?.direction;
            if (dir) form.setFieldValue(['indicators', field.name, 'direction'], dir);
          }}
        />
      </Form.Item>
      <Form.Item name={[field.name, 'direction']} style={cell}>
        <Select<1 | -1>
          aria-label={t('bench.index.directionN', { n })}
          options={[
            { value: 1, label: t('bench.direction.up') },
            { value: -1, label: t('bench.direction.down') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name={[field.name, 'weight']}
        rules={[{ required: true, type: 'number', min: 0, message: t('bench.index.weightRule') }]}
        style={cell}
      >
        <InputNumber<number> aria-label={t('bench.index.weightN', { n })} min={0} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
      {needsTarget ? (
        <Form.Item name={[field.name, 'target']} rules={[{ required: true, message: t('bench.index.targetRequired') }]} style={cell}>
          <InputNumber<number> aria-label={t('bench.index.targetN', { n, unit })} suffix={unit || undefined} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      {needsPosts ? (
        <>
          <Form.Item name={[field.name, 'lo']} rules={[{ required: true, message: t('bench.index.postsRequired') }]} style={cell}>
            <InputNumber<number> aria-label={t('bench.index.loN', { n, unit })} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name={[field.name, 'hi']}
            dependencies={[['indicators', field.name, 'lo']]}
            rules={[
              { required: true, message: t('bench.index.postsRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, hi: number | null | undefined) => {
                  const lo = getFieldValue(['indicators', field.name, 'lo']) as number | null | undefined;
                  if (typeof lo === 'number' && typeof hi === 'number' && !(lo < hi)) throw new Error(t('bench.index.postsOrder'));
                },
              }),
            ]}
            style={cell}
          >
            <InputNumber<number> aria-label={t('bench.index.hiN', { n, unit })} style={{ width: '100%' }} />
          </Form.Item>
        </>
      ) : null}
      <Button
        type="text"
        icon={<MinusCircleOutlined aria-hidden />}
        aria-label={t('bench.index.removeN', { n })}
        title={t('bench.index.removeN', { n })}
        disabled={count === 1}
        onClick={() => remove(field.name)}
      />
    </div>
  );
}

interface ListProps {
  form: FormInstance<IndexFormValues>;
  inds: BenchmarkIndicator[];
  watched: Partial<IndexFormValues> | undefined;
  needsTarget: boolean;
  needsPosts: boolean;
}

/** The indicators of the index, one row each, with the column heads the method needs and the add button. */
function IndicatorList({ form, inds, watched, needsTarget, needsPosts }: ListProps) {
  const { t } = useI18n();
  const unitOf = (code: string | undefined) => inds.find((i) => i.code === code)?.unit ?? '';
  const cols = `minmax(220px, 2fr) 150px 110px${needsTarget ? ' 130px' : ''}${needsPosts ? ' 130px 130px' : ''} 40px`;
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 8 }}>
        {t('bench.index.indicators')}
      </Typography.Title>
      <Form.List
        name="indicators"
        rules={[
          {
            validator: async (_, rows: unknown[] | undefined) => {
              if (!rows || rows.length === 0) throw new Error(t('bench.index.indicatorsRequired'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div role="group" aria-label={t('bench.index.indicators')}>
            <div style={{ display: 'grid', gridTemplateColumns: cols, gap: 8, marginBottom: 4 }} aria-hidden>
              {head(t('bench.indicator'))}
              {head(t('bench.index.direction'))}
              {head(t('bench.index.weight'))}
              {needsTarget ? head(t('bench.index.target')) : null}
              {needsPosts ? head(t('bench.index.lo')) : null}
              {needsPosts ? head(t('bench.index.hi')) : null}
              <span />
            </div>
            {fields.map((field, index) => (
              <IndicatorRow
                key={field.key}
                form={form}
                inds={inds}
                field={field}
                index={index}
                count={fields.length}
                cols={cols}
                needsTarget={needsTarget}
                needsPosts={needsPosts}
                unit={unitOf(watched?.indicators?.[index]?.code)}
                remove={remove}
              />
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ code: undefined, direction: 1, weight: 1 })}
              disabled={fields.length >= inds.length && inds.length > 0}
              data-testid="index-add-indicator"
            >
              {t('bench.index.addIndicator')}
            </Button>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
    </>
  );
}

/** The year, the peer group, the name and whether to save the run. */
function GeneralFields() {
  const { t, locale } = useI18n();
  const groups = useQuery(peerGroupsQuery()).data ?? [];
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
      <Form.Item name="year" label={t('filters.year')} style={cell}>
        <Select<number>
          options={benchYears().map((y) => ({ value: y, label: t('filters.yearOption', { year: y }) }))}
          style={{ width: 120 }}
          data-testid="index-year"
        />
      </Form.Item>
      <Form.Item name="group" label={t('bench.group')} style={cell}>
        <Select<string>
          options={groups.map((g) => ({ value: g.code, label: nameOf(g, locale) }))}
          style={{ width: 240 }}
          data-testid="index-group"
        />
      </Form.Item>
      <Form.Item name="name" label={t('bench.index.name')} style={cell}>
        <Input maxLength={100} placeholder={t('bench.index.namePlaceholder')} style={{ width: 240 }} data-testid="index-name" />
      </Form.Item>
      <Form.Item name="save" label={t('bench.index.save')} valuePropName="checked" style={cell}>
        <Switch data-testid="index-save" />
      </Form.Item>
    </div>
  );
}

const useMethodOptions = () => {
  const { t } = useI18n();
  return {
    normOptions: NORMALISATIONS.map((m) => ({ value: m, label: t(`bench.norm.${m}`) })),
    aggOptions: AGGREGATIONS.map((m) => ({ value: m, label: t(`bench.agg.${m}`) })),
  };
};

/** Normalisation, aggregation, imputation and shift. */
function MethodFields() {
  const { t } = useI18n();
  const { normOptions, aggOptions } = useMethodOptions();
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('bench.index.method')}
      </Typography.Title>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
        <Form.Item name="normalisation" label={t('bench.index.normalisation')} style={cell}>
          <Select options={normOptions} style={{ width: 220 }} data-testid="index-normalisation" />
        </Form.Item>
        <Form.Item name="aggregation" label={t('bench.index.aggregation')} style={cell}>
          <Select options={aggOptions} style={{ width: 200 }} data-testid="index-aggregation" />
        </Form.Item>
        <Form.Item name="imputation" label={t('bench.index.imputation')} style={cell}>
          <Select
            options={IMPUTATIONS.map((m) => ({ value: m, label: t(`bench.imp.${m}`) }))}
            style={{ width: 200 }}
            data-testid="index-imputation"
          />
        </Form.Item>
        <Form.Item name="shift" label={t('bench.index.shift')} valuePropName="checked" tooltip={t('bench.index.shiftHint')} style={cell}>
          <Switch data-testid="index-shift" />
        </Form.Item>
      </div>
    </>
  );
}

/** The uncertainty analysis (runs, seed, perturbation, alternative methods) and the further options. */
function UncertaintyFields({ uncertainty }: { uncertainty: boolean | undefined }) {
  const { t } = useI18n();
  const { normOptions, aggOptions } = useMethodOptions();
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('bench.index.uncertainty')}
      </Typography.Title>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px', alignItems: 'flex-start' }}>
        <Form.Item name="uncertainty" label={t('bench.index.uncertaintyOn')} valuePropName="checked" style={cell}>
          <Switch data-testid="index-uncertainty" />
        </Form.Item>
        {uncertainty ? (
          <>
            <Form.Item
              name="runs"
              label={t('bench.index.runs')}
              rules={[{ required: true, type: 'integer', min: 1, max: 100_000, message: t('bench.index.runsRule') }]}
              style={cell}
            >
              <InputNumber<number> min={1} max={100_000} precision={0} style={{ width: 120 }} data-testid="index-runs" />
            </Form.Item>
            <Form.Item
              name="seed"
              label={t('bench.index.seed')}
              rules={[{ required: true, type: 'integer', min: 0, max: 4_294_967_295, message: t('bench.index.seedRule') }]}
              style={cell}
            >
              <InputNumber<number> min={0} max={4_294_967_295} precision={0} style={{ width: 140 }} data-testid="index-seed" />
            </Form.Item>
            <Form.Item
              name="weightPerturbation"
              label={t('bench.index.perturbation')}
              tooltip={t('bench.index.perturbationHint')}
              rules={[{ required: true, type: 'number', min: 0, max: 0.99, message: t('bench.index.perturbationRule') }]}
              style={cell}
            >
              <InputNumber<number> min={0} max={0.99} step={0.05} style={{ width: 120 }} data-testid="index-perturbation" />
            </Form.Item>
            <Form.Item
              name="normalisations"
              label={t('bench.index.altNormalisations')}
              rules={[{ required: true, type: 'array', min: 1, message: t('bench.index.altRequired') }]}
              style={cell}
            >
              <Select mode="multiple" options={normOptions} style={{ minWidth: 260 }} data-testid="index-alt-normalisations" />
            </Form.Item>
            <Form.Item
              name="aggregations"
              label={t('bench.index.altAggregations')}
              rules={[{ required: true, type: 'array', min: 1, message: t('bench.index.altRequired') }]}
              style={cell}
            >
              <Select mode="multiple" options={aggOptions} style={{ minWidth: 260 }} data-testid="index-alt-aggregations" />
            </Form.Item>
          </>
        ) : null}
      </div>

      <Collapse
        ghost
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'more',
            label: t('bench.index.more'),
            children: (
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
                <Form.Item
                  name="minDataSharePct"
                  label={t('bench.index.minDataShare')}
                  tooltip={t('bench.index.minDataShareHint')}
                  style={cell}
                >
                  <InputNumber<number> min={0} max={100} placeholder="66.67" suffix="%" style={{ width: 160 }} />
                </Form.Item>
                <Form.Item
                  name="outliers"
                  label={t('bench.index.outliers')}
                  valuePropName="checked"
                  tooltip={t('bench.index.outliersHint')}
                  style={cell}
                >
                  <Switch />
                </Form.Item>
              </div>
            ),
          },
        ]}
      />
    </>
  );
}

/** The index as a method: indicators with direction and weight, normalisation, aggregation, imputation, uncertainty. */
export function IndexForm({ form, initialValues, running, onRun }: Props) {
  const { t } = useI18n();
  const inds = useQuery(benchmarkIndicatorsQuery()).data ?? [];
  const watched = Form.useWatch([], form) as Partial<IndexFormValues> | undefined;
  const methods = methodsUsed({
    normalisation: watched?.normalisation ?? initialValues.normalisation,
    uncertainty: watched?.uncertainty ?? initialValues.uncertainty,
    normalisations: watched?.normalisations ?? initialValues.normalisations,
  });
  const needsTarget = methods.has('target');
  const needsPosts = methods.has('goalposts');
  const uncertainty = watched?.uncertainty ?? initialValues.uncertainty;

  return (
    <Form<IndexFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onRun}
      data-testid="index-form"
      requiredMark={false}
    >
      <GeneralFields />

      <IndicatorList form={form} inds={inds} watched={watched} needsTarget={needsTarget} needsPosts={needsPosts} />

      <MethodFields />

      <UncertaintyFields uncertainty={uncertainty} />

      <Button
        type="primary"
        htmlType="submit"
        icon={<PlayCircleOutlined aria-hidden />}
        loading={running}
        data-testid="index-run"
        style={{ marginTop: 8 }}
      >
        {t('bench.index.run')}
      </Button>
    </Form>
  );
}
