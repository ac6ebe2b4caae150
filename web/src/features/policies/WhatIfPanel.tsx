import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import { useState } from 'react';
import { parameterOn, parametersUsed } from '../../../../common/policies';
import { whatIf, type PolicyRow, type PolicyVersion, type WhatIf, type WhatIfRow } from '../../api/policies';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../components/errors';
import { ExportButton } from '../../components/ExportButton';
import { fenToYuan, formatFen, yuanToFen } from '../../components/money';
import { EligibilityTag } from '../../components/policies/EligibilityTag';
import { textOf } from '../../components/policies/labels';
import { thisYear } from '../../components/isoDate';

interface Values {
  year: number;
  params: Record<string, number | null>;
}

/**
 * 资金测算: the year's register events under trial parameter values (a draft's, or any), the spend they would
 * bring and the budget left for the policy; a shortfall is shown in red, and in words.
 */
export function WhatIfPanel({
  policy,
  versions,
  defaultVersion,
}: {
  policy: PolicyRow;
  versions: readonly PolicyVersion[];
  defaultVersion: number;
}) {
  const { t, locale } = useI18n();
  const [picked, setPicked] = useState<number | null>(null);
  const version = picked ?? defaultVersion;
  const v = versions.find((x) => x.version === version) ?? versions[0]!;
  const validTo = Number((v.rule.validTo ?? '2100').slice(0, 4));
  const defaultYear = Math.min(thisYear(), validTo);
  const names = parametersUsed(v.rule);
  const byName = (n: string) => v.parameters.find((p) => p.name === n);
  const [form] = Form.useForm<Values>();
  const run = useMutation({
    mutationFn: (values: Values) =>
      whatIf(policy.id, version, {
        year: values.year,
        parameters: Object.fromEntries(
          names.map((n) => {
            const raw = values.params[n] ?? 0;
            return [n, byName(n)?.unit === 'percent' ? raw : yuanToFen(raw)];
          }),
        ),
      }),
  });
  const initialFor = (year: number): Values => ({
    year,
    params: Object.fromEntries(
      names.map((n) => {
        const p = byName(n);
        const value = parameterOn(p, `${year}-12-31`).value;
        return [n, value === null ? null : p?.unit === 'percent' ? value : fenToYuan(value)];
      }),
    ),
  });

  return (
    <div data-testid="whatif-panel">
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('pol.whatIf.hint')}</Typography.Paragraph>
      <Form<Values>
        key={version}
        form={form}
        layout="inline"
        initialValues={initialFor(defaultYear)}
        onFinish={(values) => run.mutate(values)}
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        <Form.Item label={t('pol.version')} htmlFor="whatif-version">
          <Select<number>
            id="whatif-version"
            value={version}
            onChange={(x) => {
              setPicked(x);
              run.reset();
            }}
            options={versions.map((x) => ({ value: x.version, label: `v${x.version} · ${t(`pol.version.${x.status}`)}` }))}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item name="year" label={t('filters.year')} rules={[{ required: true, message: t('pol.whatIf.yearRequired') }]}>
          <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: 110 }} data-testid="whatif-year" />
        </Form.Item>
        {names.map((n) => {
          const p = byName(n);
          const label = p ? textOf(p, locale) : n;
          const unit = p?.unit === 'percent' ? '%' : t('pol.unit.yuan');
          return (
            <Form.Item
              key={n}
              name={['params', n]}
              label={t('pol.whatIf.paramLabel', { name: label, unit })}
              rules={[{ required: true, message: t('pol.whatIf.valueRequired') }]}
            >
              <InputNumber<number>
                min={0}
                precision={p?.unit === 'percent' ? 4 : 2}
                style={{ width: 180 }}
                data-testid={`whatif-param-${n}`}
              />
            </Form.Item>
          );
        })}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="whatif-run">
            {t('pol.whatIf.run')}
          </Button>
        </Form.Item>
      </Form>
      {run.error ? <Alert type="error" showIcon title={errorText(run.error, t)} style={{ marginBottom: 12 }} /> : null}
      {run.data ? <WhatIfResult r={run.data} policy={policy} /> : null}
    </div>
  );
}

/** The what-if's figures (a shortfall in red and in words), and the events it counted with their amounts. */
function WhatIfResult({ r, policy }: { r: WhatIf; policy: PolicyRow }) {
  const { t, locale } = useI18n();
  const short = r.shortfallFen > 0;
  const items: DescriptionsProps['items'] = [
    { key: 'events', label: t('pol.whatIf.events'), children: r.events },
    { key: 'eligible', label: t('pol.whatIf.eligible'), children: r.eligible },
    { key: 'undetermined', label: t('pol.whatIf.undetermined'), children: r.undetermined },
    {
      key: 'spend',
      label: t('pol.whatIf.projected'),
      children: <strong data-testid="whatif-projected">{formatFen(r.projectedSpendFen, locale)}</strong>,
    },
    { key: 'undeterminedSpend', label: t('pol.whatIf.undeterminedSpend'), children: formatFen(r.undeterminedSpendFen, locale) },
    {
      key: 'remaining',
      label: t('pol.whatIf.remaining', { year: r.year }),
      children: <span data-testid="whatif-remaining">{formatFen(r.remainingBudgetFen, locale)}</span>,
    },
    {
      key: 'shortfall',
      label: t('pol.whatIf.shortfall'),
      children: (
        <span data-testid="whatif-shortfall" data-short={String(short)} style={short ? { color: '#a8071a', fontWeight: 600 } : undefined}>
          {formatFen(r.shortfallFen, locale)} {short ? t('pol.whatIf.short') : t('pol.whatIf.enough')}
        </span>
      ),
    },
  ];
  const columns: TableColumnsType<WhatIfRow> = [
    { key: 'name', title: t('pol.whatIf.enterprise'), dataIndex: 'name' },
    { key: 'date', title: t('pol.whatIf.date'), dataIndex: 'date' },
    { key: 'elig', title: t('pol.eligibility'), render: (_, x) => <EligibilityTag eligibility={x.eligibility} /> },
    { key: 'amount', title: t('pol.amount'), align: 'right', render: (_, x) => formatFen(x.amountFen, locale) },
  ];
  const exportTable = () => ({
    title: t('pol.whatIf.exportTitle', { code: policy.code, year: r.year }),
    columns: [
      { key: 'name', title: t('pol.whatIf.enterprise') },
      { key: 'date', title: t('pol.whatIf.date') },
      { key: 'elig', title: t('pol.eligibility') },
      { key: 'amount', title: t('pol.amountYuan') },
    ],
    rows: r.rows.map((x) => ({
      name: x.name,
      date: x.date,
      elig: t(`pol.elig.${x.eligibility}`),
      amount: x.amountFen === null ? null : fenToYuan(x.amountFen),
    })),
  });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} data-testid="whatif-result" />
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <ExportButton table={exportTable} disabled={r.rows.length === 0} data-testid="whatif-export" />
      </div>
      <Table<WhatIfRow>
        rowKey={(x) => `${x.enterpriseId}-${x.date}`}
        size="small"
        columns={columns}
        dataSource={r.rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('pol.whatIf.noRows') }}
        data-testid="whatif-rows"
      />
    </Space>
  );
}
