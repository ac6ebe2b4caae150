import { Alert } from 'antd';
import type { EntryGrid } from '../../api/datavalues';
import { useI18n } from '../../app/i18n';

/** Who must approve the unit's figures: the rule (four eyes, or not on this installation) and the approvers by name. */
export function FourEyesNote({ grid }: { grid: EntryGrid }) {
  const { t } = useI18n();
  const names = grid.approvers.map((a) => a.displayName).join(t('common.listSep'));
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="entry-four-eyes"
      title={t(grid.fourEyes ? 'entry.fourEyes' : 'entry.fourEyesOff')}
      description={names ? t('entry.approvers', { names }) : t('entry.noApprovers')}
    />
  );
}
