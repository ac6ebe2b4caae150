import { CheckOutlined } from '@ant-design/icons';
import { Button, Card, Tag, Typography } from 'antd';
import type { ConflictView, StatementView } from '../../../../common/contracts/plans';
import { useI18n } from '../../app/i18n';
import { COMPARATOR_SIGNS, formatBeijing, formatNumber, withUnit } from '../../components/format';
import { clauseText } from '../../components/monitoring/StatementsTable';

interface Props {
  conflict: ConflictView;
  /** The indicator's name in the user's language, when known (the conflict carries only the Chinese one). */
  name: string;
  canResolve: boolean;
  onResolve: (statement: StatementView) => void;
}

export const conflictId = (c: ConflictView) => `${c.indicatorCode}-${c.kind}-${c.year}`;

/** One disagreement: every statement with its value and clause, which one counts, and the decision. */
export function ConflictCard({ conflict: c, name, canResolve, onResolve }: Props) {
  const { t, locale } = useI18n();
  const id = conflictId(c);
  const value = (s: StatementView) => `${COMPARATOR_SIGNS[s.comparator]}${withUnit(formatNumber(s.value, locale), c.unit, locale)}`;
  const chosen = c.statements.find((s) => s.authoritative);

  return (
    <Card
      style={{ marginBottom: 16 }}
      data-testid={`conflict-${id}`}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
          {c.indicatorCode} {name}
        </Typography.Title>
      }
      extra={
        <Tag>
          {t(c.kind === 'baseline' ? 'statement.baseline' : 'statement.target')} · {t('filters.yearOption', { year: c.year })}
        </Tag>
      }
    >
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 12 }}>
        {c.statements.map((s) => (
          <li
            key={s.id}
            data-testid={`statement-${s.id}`}
            style={{
              border: `1px solid ${s.authoritative ? '#135200' : '#d9d9d9'}`,
              borderInlineStartWidth: s.authoritative ? 6 : 1,
              borderRadius: 6,
              padding: 12,
              background: '#fff',
            }}
          >
            <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
              <strong style={{ fontSize: 20 }}>{value(s)}</strong>
              <span>{s.section}</span>
              <span style={{ flex: 1 }} />
              {s.authoritative ? (
                <Tag variant="solid" color="#135200" icon={<CheckOutlined aria-hidden />} data-testid={`authoritative-${s.id}`}>
                  {t('statement.isAuthoritative')}
                </Tag>
              ) : canResolve ? (
                <Button size="small" onClick={() => onResolve(s)} data-testid={`make-authoritative-${s.id}`}>
                  {t('consistency.makeAuthoritative')}
                </Button>
              ) : null}
            </div>
            <blockquote lang="zh-CN" style={{ margin: '8px 0 0', paddingInlineStart: 12, borderInlineStart: '3px solid #d9d9d9' }}>
              {clauseText(s.clause)}
            </blockquote>
          </li>
        ))}
      </ul>
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid={`conflict-decision-${id}`}>
        {c.resolution
          ? t('consistency.decided', {
              user: c.resolution.username ?? t('history.system'),
              at: formatBeijing(c.resolution.at),
              reason: c.resolution.reason,
            })
          : t('consistency.defaultRule', { value: chosen ? value(chosen) : '—', section: chosen?.section ?? '—' })}
      </Typography.Paragraph>
    </Card>
  );
}
