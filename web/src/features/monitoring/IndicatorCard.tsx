import { Card, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { IndicatorSummary } from '../../../../common/contracts/plans';
import { useI18n } from '../../app/i18n';
import { StatusTag } from '../../components/StatusTag';
import { indicatorName, mainTarget, targetText, valueText } from '../../components/monitoring/indicatorText';
import { ProgressTag } from '../../components/monitoring/ProgressTag';
import { verdictDetail } from '../../components/monitoring/outcome';
import { ShareOfWay } from '../../components/monitoring/ShareOfWay';
import { VerdictTag } from '../../components/monitoring/VerdictTag';
import { Sparkline } from './Sparkline';

interface Props {
  ind: IndicatorSummary;
  years: readonly number[];
  /** Where the card leads: the indicator's detail page, keeping the filters. */
  to: string;
}

const label = { color: 'rgba(0, 0, 0, 0.68)' } as const;

/**
 * One 表1 indicator: latest value, target, baseline, the share of the way, and the status — or, once the
 * target year is over, the verdict with its gap — and the trend. Click for the details.
 */
export function IndicatorCard({ ind, years, to }: Props) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const target = mainTarget(ind);
  const verdict = ind.progress.verdict;
  const title = (
    <Typography.Title level={3} style={{ fontSize: 15, margin: 0, whiteSpace: 'normal' }}>
      {/* The link is the keyboard way in; the whole card is the mouse's. */}
      <Link to={to} onClick={(e) => e.stopPropagation()} data-testid={`indicator-link-${ind.code}`}>
        {ind.table1No ? `${ind.table1No}. ` : ''}
        {indicatorName(ind, locale)}
      </Link>
    </Typography.Title>
  );

  return (
    <Card
      size="small"
      hoverable
      title={title}
      onClick={() => void navigate(to)}
      style={{ height: '100%', cursor: 'pointer' }}
      styles={{ header: { paddingBlock: 8 } }}
      data-testid={`indicator-card-${ind.code}`}
    >
      {locale === 'zh-CN' ? null : (
        <Typography.Text lang="zh-CN" style={{ ...label, display: 'block', marginBottom: 4 }}>
          {ind.nameZh}
        </Typography.Text>
      )}
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, flexWrap: 'wrap' }}>
        {ind.latest ? (
          <>
            <span style={{ fontSize: 24, fontWeight: 600 }} data-testid={`latest-${ind.code}`}>
              {valueText(ind, ind.latest.value, locale)}
            </span>
            <span style={label}>{t('card.latestYear', { year: ind.latest.year })}</span>
            {ind.latest.unapproved ? (
              <span data-testid={`unapproved-${ind.code}`}>
                <StatusTag tone="warn">{t('card.unapproved')}</StatusTag>
              </span>
            ) : null}
          </>
        ) : (
          <span style={{ fontSize: 16 }}>{t('card.noValue')}</span>
        )}
      </div>
      <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 8, rowGap: 2, margin: '8px 0' }}>
        <dt style={label}>{target ? t('card.target', { year: target.year }) : t('card.targetNone')}</dt>
        <dd style={{ margin: 0 }}>{target ? targetText(ind, target, locale) : '—'}</dd>
        <dt style={label}>{ind.baseline ? t('card.baseline', { year: ind.baseline.year }) : t('card.baselineNone')}</dt>
        <dd style={{ margin: 0 }}>{ind.baseline ? valueText(ind, ind.baseline.value, locale) : '—'}</dd>
        <dt style={label}>{t('indicator.shareOfWay')}</dt>
        <dd style={{ margin: 0 }}>
          <ShareOfWay share={ind.progress.share} data-testid={`share-${ind.code}`} />
        </dd>
      </dl>
      {verdict ? (
        <div>
          <VerdictTag outcome={verdict.outcome} data-testid={`verdict-${ind.code}`} />
          <Typography.Text style={{ display: 'block', marginTop: 4 }} data-testid={`verdict-detail-${ind.code}`}>
            {verdictDetail(ind, verdict, t, locale)}
          </Typography.Text>
        </div>
      ) : (
        <Space size={4} wrap>
          <ProgressTag status={ind.progress.status} data-testid={`status-${ind.code}`} />
        </Space>
      )}
      <Sparkline ind={ind} years={years} />
    </Card>
  );
}
