import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  FallOutlined,
  MinusCircleOutlined,
  QuestionCircleOutlined,
  RiseOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ProgressStatus } from '../../../../common/progress';
import { useT } from '../../app/i18n';
import { STATUS } from './status';

const ICONS: Record<ProgressStatus, ReactNode> = {
  achieved: <CheckCircleOutlined aria-hidden />,
  on_track: <RiseOutlined aria-hidden />,
  needs_acceleration: <ClockCircleOutlined aria-hidden />,
  limited: <MinusCircleOutlined aria-hidden />,
  deteriorating: <FallOutlined aria-hidden />,
  no_data: <QuestionCircleOutlined aria-hidden />,
};

export const statusIcon = (status: ProgressStatus) => ICONS[status];

/** The progress status as a badge: colour, icon and the status in words. */
export function ProgressTag({ status, 'data-testid': testId }: { status: ProgressStatus; 'data-testid'?: string }) {
  const t = useT();
  return (
    <Tag variant="solid" color={STATUS[status].color} icon={ICONS[status]} data-testid={testId} data-status={status}>
      {t(STATUS[status].label)}
    </Tag>
  );
}
