import { HistoryOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Locale } from '../../../../common/enums';
import type { EntryGrid, EntryRow } from '../../api/datavalues';
import type { TFunction } from '../../app/i18n';
import { StatusTag } from '../../components/StatusTag';
import { ValueStatusTag } from '../../components/ValueStatusTag';
import type { RowErrors } from './entryErrors';
import { previousText } from './plausibility';
import { ValueCell } from './ValueCell';

export interface EntryColumnsInput {
  grid: EntryGrid;
  t: TFunction;
  locale: Locale;
  name: (r: EntryRow) => string;
  /** The value shown: the unsaved edit, else the current one. */
  shown: (r: EntryRow) => number | null;
  onEdit: (code: string, value: number | null) => void;
  saving: boolean;
  errors: RowErrors | null;
  changed: EntryRow[];
  onHistory: (r: EntryRow) => void;
}

/** The entry grid's columns: the data element, last year's value, this year's (editable), its state, history. */
export function entryColumns(c: EntryColumnsInput): TableColumnsType<EntryRow> {
  const { grid, t, locale, name } = c;
  return [
    {
      key: 'name',
      title: t('entry.dataElement'),
      render: (_, r) => (
        <span style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>
          {name(r)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.dataElement.code}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'unit', title: t('common.unit'), render: (_, r) => r.dataElement.unit },
    {
      key: 'previous',
      title: t('entry.previous', { year: grid.year - 1 }),
      align: 'right',
      render: (_, r) => (
        <span data-testid={`previous-${r.dataElement.code}`}>{previousText(r.previous, String(grid.year), t, locale)}</span>
      ),
    },
    {
      key: 'value',
      title: t('entry.value', { year: grid.year }),
      render: (_, r) => (
        <ValueCell
          code={r.dataElement.code}
          value={c.shown(r)}
          onChange={(v) => c.onEdit(r.dataElement.code, v)}
          disabled={!r.editable || c.saving}
          label={t('entry.valueOf', { name: name(r), year: grid.year, unit: r.dataElement.unit })}
          messages={c.errors?.byCode[r.dataElement.code] ?? []}
        />
      ),
    },
    {
      key: 'status',
      title: t('entry.status'),
      render: (_, r) => (
        <Space size={4} wrap>
          <ValueStatusTag status={r.current?.status ?? null} />
          {c.changed.includes(r) ? <StatusTag tone="warn">{t('entry.unsaved')}</StatusTag> : null}
          {grid.fourEyes && r.mine && r.current?.status === 'submitted' ? (
            <span data-testid={`mine-${r.dataElement.code}`}>
              <StatusTag tone="info">{t('entry.mine')}</StatusTag>
            </span>
          ) : null}
        </Space>
      ),
    },
    { key: 'version', title: t('entry.version'), align: 'right', render: (_, r) => r.current?.version ?? '—' },
    {
      key: 'history',
      title: t('entry.history'),
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          icon={<HistoryOutlined aria-hidden />}
          disabled={!r.current}
          aria-label={t('values.historyOf', { name: name(r), year: grid.year })}
          onClick={() => c.onHistory(r)}
          data-testid={`history-${r.dataElement.code}`}
        >
          {t('values.history')}
        </Button>
      ),
    },
  ];
}
