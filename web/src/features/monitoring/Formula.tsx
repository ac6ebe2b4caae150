import { Typography } from 'antd';
import type { IndicatorValues } from '../../api/plans';
import { useI18n, type TFunction } from '../../app/i18n';
import { unitText } from '../../components/format';

type Ind = IndicatorValues['indicator'];

/** The formula with each #{code} written as the data element's name and unit, and × ÷ for * /. */
export function formulaText(ind: Ind, locale: 'zh-CN' | 'en-US', t: TFunction): string {
  return ind.expression
    .replace(/#\{([^}]+)\}/g, (whole, code: string) => {
      const d = ind.dataElements.find((x) => x.code === code);
      if (!d) return whole;
      return t('values.withUnit', { name: locale === 'zh-CN' ? d.nameZh : d.nameEn, unit: unitText(d.unit, locale) });
    })
    .replace(/\s*\*\s*/g, ' × ')
    .replace(/\s*\/\s*/g, ' ÷ ');
}

/** Definition (as written by the bureau, in Chinese) and the formula in words. */
export function Formula({ ind }: { ind: Ind }) {
  const { t, locale } = useI18n();
  return (
    <dl style={{ margin: 0 }}>
      <dt>
        <Typography.Text strong>{t('indicator.definition')}</Typography.Text>
      </dt>
      <dd style={{ margin: '4px 0 12px' }} lang="zh-CN">
        {ind.definitionZh || '—'}
      </dd>
      <dt>
        <Typography.Text strong>{t('indicator.formula')}</Typography.Text>
      </dt>
      <dd style={{ margin: '4px 0 12px' }} data-testid="indicator-formula">
        {t('indicator.formulaResult', { formula: formulaText(ind, locale, t), unit: unitText(ind.unit, locale) })}
        <br />
        <Typography.Text code style={{ fontSize: 12 }}>
          {ind.expression}
        </Typography.Text>
      </dd>
      <dt>
        <Typography.Text strong>{t('indicator.direction')}</Typography.Text>
      </dt>
      <dd style={{ margin: '4px 0 0' }}>{t(ind.direction === 'increase' ? 'direction.increase' : 'direction.decrease')}</dd>
    </dl>
  );
}
