import { Descriptions, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { Condition, PolicyRule } from '../../../../common/policies';
import { useI18n } from '../../app/i18n';
import { textOf, triggerText } from '../../components/policies/labels';

const OPS: Record<Condition['op'], string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', in: '∈', is_true: '', is_false: '' };

/** The rule of a version, in words: trigger, conditions, amount, validity, stacking and the documents asked for. */
export function RuleSummary({ rule }: { rule: PolicyRule }) {
  const { t, locale } = useI18n();
  const a = rule.amount;
  const amount =
    a.kind === 'fixed'
      ? t('pol.amount.fixed', { param: a.param })
      : a.kind === 'table'
        ? t('pol.amount.table', {
            fact: a.fact,
            params: Object.entries(a.params)
              .map(([k, v]) => `${k} → ${v}`)
              .join(t('common.listSep')),
          })
        : t('pol.amount.share', { fact: a.fact, rate: a.rateParam, cap: a.capParam ?? t('common.none') });
  const condition = (c: Condition) => {
    const rhs = c.param
      ? t('pol.param', { name: c.param })
      : Array.isArray(c.value)
        ? c.value.join('、')
        : c.value === undefined
          ? ''
          : String(c.value);
    const test = c.op === 'is_true' ? t('common.yes') : c.op === 'is_false' ? t('common.no') : `${OPS[c.op]} ${rhs}`;
    return (
      <li key={c.id}>
        {textOf(c, locale)}{' '}
        <Typography.Text code style={{ fontSize: 12 }}>
          {c.fact} {test}
        </Typography.Text>
      </li>
    );
  };
  const items: DescriptionsProps['items'] = [
    {
      key: 'trigger',
      label: t('pol.trigger'),
      children: (
        <>
          {triggerText(rule.trigger.event, t)}
          {Object.entries(rule.trigger.match ?? {}).map(([fact, values]) => (
            <div key={fact}>
              <Typography.Text code style={{ fontSize: 12 }}>
                {fact} ∈ {values.join('、')}
              </Typography.Text>
            </div>
          ))}
        </>
      ),
    },
    {
      key: 'validity',
      label: t('pol.validity'),
      children: t('common.dateRange', { from: rule.validFrom, to: rule.validTo ?? t('common.toPresent') }),
    },
    {
      key: 'conditions',
      label: t('pol.conditions'),
      span: 'filled',
      children: rule.conditions.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>{rule.conditions.map(condition)}</ul>
      ) : (
        t('common.none')
      ),
    },
    { key: 'amount', label: t('pol.amountRule'), children: amount },
    {
      key: 'limits',
      label: t('pol.limits'),
      children:
        [
          rule.stackingGroup ? t('pol.stacking', { group: rule.stackingGroup }) : null,
          rule.yearlyCapParam ? t('pol.yearlyCap', { param: rule.yearlyCapParam }) : null,
        ]
          .filter(Boolean)
          .join(t('common.semi')) || t('common.none'),
    },
    {
      key: 'checklist',
      label: t('pol.checklist'),
      span: 'filled',
      children: rule.checklist.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {rule.checklist.map((c) => (
            <li key={c.key}>{textOf(c, locale)}</li>
          ))}
        </ul>
      ) : (
        t('common.none')
      ),
    },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} />;
}
