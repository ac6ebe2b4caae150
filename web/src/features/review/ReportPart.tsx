import { Alert, Card, Typography } from 'antd';
import type { ReviewDetail } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { formatBeijing } from '../../components/format';

/** A mid-term or acceptance panel judges the report the project handed in: shown above the scoring form. */
export function ReportPart({ detail: d }: { detail: ReviewDetail }) {
  const { t } = useI18n();
  const r = d.report;
  if (!r) return null;
  const stage = r.kind === 'midterm' ? 'midterm' : 'acceptance';
  return (
    <>
      <Alert type="info" showIcon title={t('review.panelHint', { stage: t(`panel.stage.${stage}`) })} style={{ marginBottom: 12 }} />
      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
            {t(`proj.reportKind.${r.kind}`)}
          </Typography.Title>
        }
        style={{ marginBottom: 12 }}
        data-testid="review-report"
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.text ?? '—'}</Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('review.reportAt', { at: formatBeijing(r.submittedAt) || '—' })}
        </Typography.Text>
      </Card>
    </>
  );
}
