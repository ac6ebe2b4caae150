import { Typography } from 'antd';
import type { Application, Call } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { missesText } from './results';

/**
 * The decided applications funded below the review thresholds: what each missed and the reason stated. The server
 * stores the override as data (misses and reason); the words are the reader's language.
 */
export function DecisionOverrides({ decided, call }: { decided: readonly Application[]; call: Pick<Call, 'reviewTemplate'> }) {
  const { t, locale } = useI18n();
  const overridden = decided.flatMap((a) => (a.decisionOverride ? [{ a, o: a.decisionOverride }] : []));
  if (!overridden.length) return null;
  return (
    <div data-testid="decision-overrides" style={{ marginTop: 8 }}>
      {overridden.map(({ a, o }) => (
        <Typography.Paragraph key={a.id} data-testid={`decision-override-${a.id}`} style={{ marginBottom: 4 }}>
          {t('proj.decision.override', { title: a.title, misses: missesText(o.misses, call, t, locale), reason: o.reason })}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
