import { Descriptions, Table, Typography } from 'antd';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import type { ClaimTrace } from '../../api/claims';
import { useI18n } from '../../app/i18n';
import { formatFen, formatPercentValue } from '../../components/money';
import { StatusTag } from '../../components/StatusTag';
import { ConditionsTable } from '../../components/policies/ConditionsTable';
import { EligibilityTag } from '../../components/policies/EligibilityTag';
import { factText, textOf, unitOf } from '../../components/policies/labels';
import { amountText, policyMessageText } from '../../components/policies/policyMessage';

interface ParamRow {
  name: string;
  value: number | null;
  citation: string;
  from: string | null;
}

/** The decision behind a claim: conditions, the parameters used with their citations, the amount and any limits. */
export function TraceView({ trace, amountFen }: { trace: ClaimTrace; amountFen: number }) {
  const { t, locale } = useI18n();
  const params: ParamRow[] = Object.entries(trace.parameters).map(([name, p]) => ({ name, ...p }));
  const confirmed = Object.entries(trace.confirmedFacts ?? {});
  const items: DescriptionsProps['items'] = [
    { key: 'elig', label: t('pol.eligibility'), children: <EligibilityTag eligibility={trace.eligibility} /> },
    { key: 'date', label: t('claim.decisionDate'), children: `${trace.date} · v${trace.version}` },
    {
      key: 'computed',
      label: t('claim.computedAmount'),
      children: `${formatFen(trace.amount.fen, locale)}${trace.amount.capped ? ` ${t('claim.capped')}` : ''}`,
    },
    { key: 'explanation', label: t('pol.amountExplanation'), children: amountText(trace.amount, t, locale) },
    {
      key: 'adjustments',
      label: t('claim.adjustments'),
      span: 'filled',
      children: trace.adjustments?.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="claim-adjustments">
          {trace.adjustments.map((a, i) => (
            <li key={i}>
              {/* Claims decided before issue #13 stored the sentence itself. */}
              {'code' in a ? policyMessageText(a, t, locale) : textOf(a, locale)} → {formatFen(a.fen, locale)}
            </li>
          ))}
        </ul>
      ) : (
        t('common.none')
      ),
    },
    {
      key: 'final',
      label: t('claim.finalAmount'),
      children: <strong>{formatFen(amountFen, locale)}</strong>,
    },
  ];
  const columns: TableColumnsType<ParamRow> = [
    { key: 'name', title: t('pol.param.name'), render: (_, r) => <Typography.Text code>{r.name}</Typography.Text> },
    {
      key: 'value',
      title: t('pol.param.value'),
      align: 'right',
      render: (_, r) =>
        r.value === null ? (
          <StatusTag tone="warn">{t('pol.param.unset')}</StatusTag>
        ) : unitOf(trace.rule, r.name) === 'percent' ? (
          formatPercentValue(r.value, locale)
        ) : (
          formatFen(r.value, locale)
        ),
    },
    { key: 'from', title: t('pol.param.from'), render: (_, r) => r.from ?? '—' },
    { key: 'citation', title: t('pol.param.citation'), dataIndex: 'citation' },
  ];
  return (
    <div data-testid="claim-trace">
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} style={{ marginBottom: 16 }} />
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('pol.conditions')}
      </Typography.Title>
      <ConditionsTable conditions={trace.conditions} checklist={trace.rule.checklist} testId="claim-conditions" />
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
        {t('claim.parameters')}
      </Typography.Title>
      <Table<ParamRow> rowKey="name" size="small" columns={columns} dataSource={params} pagination={false} />
      {confirmed.length ? (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
            {t('claim.confirmedFacts')}
          </Typography.Title>
          <ul data-testid="claim-confirmed-facts">
            {confirmed.map(([fact, value]) => (
              <li key={fact}>
                <Typography.Text code>{fact}</Typography.Text> = {factText(value, t)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
