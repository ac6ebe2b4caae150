import { useT } from '../../app/i18n';
import { unfilledOf, unfilledText } from './unfilled';

/** Under a refused draw: each application that cannot be fully staffed, and why (nothing when the error is another). */
export function UnfilledReasons({ error }: { error: unknown }) {
  const t = useT();
  const unfilled = unfilledOf(error);
  if (!unfilled.length) return null;
  return (
    <div data-testid="draw-unfilled">
      {t('draws.unfilled.title', { n: new Set(unfilled.map((u) => u.applicationId)).size })}
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
        {unfilled.map((u, i) => (
          <li key={i} data-code={u.code}>
            {unfilledText(u, t)}
          </li>
        ))}
      </ul>
    </div>
  );
}
