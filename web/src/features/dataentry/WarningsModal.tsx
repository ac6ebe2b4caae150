import { Button, Modal, Typography } from 'antd';
import type { PlausibilityWarning } from '../../../../common/contracts/datavalues';
import type { EntryGrid } from '../../api/datavalues';
import { useI18n } from '../../app/i18n';
import { warningText } from './plausibility';
import type { SaveRequest, useEntryActions } from './useEntryActions';

/** A save the server refused for its plausibility warnings (nothing was saved), to send again confirmed. */
export interface Warned {
  warnings: PlausibilityWarning[];
  request: SaveRequest;
}

interface Props {
  /** Null when closed. */
  warned: Warned | null;
  grid: EntryGrid;
  save: ReturnType<typeof useEntryActions>['save'];
  onBack: () => void;
}

/** Implausible values (far from the previous year's, or typical of another unit): correct them, or save them anyway. */
export function WarningsModal({ warned, grid, save, onBack }: Props) {
  const { t, locale } = useI18n();
  const nameOf = (code: string) => {
    const de = grid.rows.find((r) => r.dataElement.code === code)?.dataElement;
    return de ? (locale === 'zh-CN' ? de.nameZh : de.nameEn) : code;
  };
  const warnings = warned?.warnings ?? null;
  const onConfirm = () => warned && save.mutate({ ...warned.request, confirmWarnings: true });
  const saving = save.isPending;
  return (
    <Modal
      open={warnings !== null}
      title={t('entry.warnTitle')}
      onCancel={onBack}
      destroyOnHidden
      footer={
        <>
          <Button type="primary" onClick={onBack} data-testid="warnings-back">
            {t('entry.warnBack')}
          </Button>
          <Button danger onClick={onConfirm} loading={saving} data-testid="warnings-confirm">
            {t('entry.warnSave')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph>{t('entry.warnText')}</Typography.Paragraph>
      <ul data-testid="warnings-list" style={{ paddingInlineStart: 20 }}>
        {(warnings ?? []).map((w) => (
          <li key={w.field} data-testid={`warning-${w.dataElement}`}>
            {warningText(w, nameOf(w.dataElement), t, locale)}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
