import type { Condition } from '../../../../common/registry';
import { useI18n } from '../../app/i18n';
import { measureText, missingText, noteText, numbersText, requirementText } from './conditionText';
import { ResultTag } from './ResultTag';

interface Props {
  conditions: readonly Condition[];
  /** Labels of the tech-SME direct routes, for "missing: direct.…". */
  directLabels?: ReadonlyMap<string, string>;
}

/** Each condition with its result, the comparison it made, the figures it used and, when unknown, what is missing. */
export function ConditionList({ conditions, directLabels }: Props) {
  const { t, locale } = useI18n();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {conditions.map((c) => {
        const figures = numbersText(c.numbers, t, locale, c.measure ? ['ratio'] : []);
        const requirement = c.measure ? null : requirementText(c, t, locale);
        return (
          <li
            key={c.code}
            data-testid={`condition-${c.code}`}
            data-result={c.result}
            style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
              <ResultTag result={c.result} />
              <strong>{locale === 'zh-CN' ? c.label_zh : c.label_en}</strong>
              {c.measure ? <span>{measureText(c.measure, t, locale)}</span> : null}
              {requirement ? <span>{requirement}</span> : null}
            </div>
            {figures ? (
              <div style={{ marginTop: 4, fontSize: 13 }}>
                {t('precheck.numbers')}
                {figures}
              </div>
            ) : null}
            {c.missing?.length ? (
              <div style={{ marginTop: 4, fontSize: 13, color: '#ad4e00' }}>
                {t('precheck.missing', { fields: missingText(c.missing, t, directLabels) })}
              </div>
            ) : null}
            {c.note ? <div style={{ marginTop: 4, fontSize: 13 }}>{noteText(c.note, t)}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}
