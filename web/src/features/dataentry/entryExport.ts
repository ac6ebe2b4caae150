import type { EntryGrid, EntryRow } from '../../api/datavalues';
import type { ExportTable } from '../../api/exports';
import type { TFunction } from '../../app/i18n';

/** The grid as saved (not the unsaved edits), for "导出 Excel". */
export function entryExport(grid: EntryGrid, name: (r: EntryRow) => string, t: TFunction): ExportTable {
  return {
    title: t('entry.exportTitle', { org: grid.orgUnit.name, year: grid.year }),
    columns: [
      { key: 'code', title: t('entry.code') },
      { key: 'name', title: t('entry.dataElement') },
      { key: 'unit', title: t('common.unit') },
      { key: 'previous', title: t('entry.previous', { year: grid.year - 1 }) },
      { key: 'previousPeriod', title: t('entry.previousPeriod') },
      { key: 'value', title: t('entry.value', { year: grid.year }) },
      { key: 'status', title: t('entry.status') },
      { key: 'version', title: t('entry.version') },
    ],
    rows: grid.rows.map((r) => ({
      code: r.dataElement.code,
      name: name(r),
      unit: r.dataElement.unit,
      previous: r.previous?.value ?? null,
      previousPeriod: r.previous?.period ?? null,
      value: r.current?.value ?? null,
      status: r.current ? t(`value.status.${r.current.status}`) : t('value.status.none'),
      version: r.current?.version ?? null,
    })),
  };
}
