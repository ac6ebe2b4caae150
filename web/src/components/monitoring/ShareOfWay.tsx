import { InfoCircleOutlined } from '@ant-design/icons';
import { Progress, Tooltip } from 'antd';
import type { ProgressView } from '../../../../common/contracts/plans';
import { useI18n } from '../../app/i18n';
import { shareExplanation, sharePercent } from './outcome';

/**
 * The share of the way from baseline to target: a bar and the percentage, its year; when it was measured
 * without a baseline or clipped, an info mark whose tooltip (and accessible name) says how.
 */
export function ShareOfWay({ share, 'data-testid': testId }: { share: ProgressView['share']; 'data-testid'?: string }) {
  const { t, locale } = useI18n();
  if (!share) {
    return (
      <span aria-label={t('share.none')} data-testid={testId}>
        —
      </span>
    );
  }
  const note = shareExplanation(share, t, locale);
  const unusual = share.clipped !== null || share.basis !== 'baseline';
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }} data-testid={testId}>
      <span aria-hidden style={{ width: 56, display: 'inline-flex' }}>
        <Progress percent={Math.round(share.value * 100)} showInfo={false} size={[56, 6]} strokeColor="#0958d9" />
      </span>
      <span data-share={share.value}>{t('share.ofWay', { share: sharePercent(share, locale), year: share.year })}</span>
      {unusual ? (
        <Tooltip title={note}>
          <InfoCircleOutlined aria-label={note} tabIndex={0} style={{ color: 'rgba(0, 0, 0, 0.68)' }} />
        </Tooltip>
      ) : null}
    </span>
  );
}
