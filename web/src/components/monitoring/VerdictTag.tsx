import { CheckCircleOutlined, CloseCircleOutlined, HourglassOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { VerdictOutcome } from '../../../../common/values/plans';
import { useT } from '../../app/i18n';
import { VERDICT } from './outcome';

const ICONS: Record<VerdictOutcome, ReactNode> = {
  achieved: <CheckCircleOutlined aria-hidden />,
  not_achieved: <CloseCircleOutlined aria-hidden />,
  awaiting_value: <HourglassOutlined aria-hidden />,
};

export const verdictIcon = (outcome: VerdictOutcome) => ICONS[outcome];

/** The final verdict after the target year as a badge: colour, icon and the verdict in words. */
export function VerdictTag({ outcome, 'data-testid': testId }: { outcome: VerdictOutcome; 'data-testid'?: string }) {
  const t = useT();
  return (
    <Tag variant="solid" color={VERDICT[outcome].color} icon={ICONS[outcome]} data-testid={testId} data-verdict={outcome}>
      {t(VERDICT[outcome].label)}
    </Tag>
  );
}
