import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { dataElementOptionsQuery, enterpriseOptionsQuery, expertOptionsQuery } from '../../api/users';
import { useI18n } from '../../app/i18n';
import { useDebounced } from '../../components/useDebounced';

interface PickerProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The grant's unit: only what lies in it (or below it) is offered. */
  orgUnitCode: string | undefined;
  /** The label of the current value when it is not among the options (an edited user's enterprise). */
  currentLabel?: string | undefined;
  'aria-label': string;
  'data-testid'?: string;
}

/** The enterprise an enterprise grant acts for: searched by name or credit code among those of the grant's unit. */
export function EnterprisePicker({ value, onChange, orgUnitCode, currentLabel, ...rest }: PickerProps) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useQuery(enterpriseOptionsQuery(orgUnitCode, useDebounced(q.trim())));
  const items = query.data?.items ?? [];
  const options = items.map((e) => ({
    value: e.id,
    label: `${e.name}（${e.creditCode}）`,
    title: `${e.name} ${e.creditCode} · ${e.orgUnitName}${e.users > 0 ? ` · ${t('users.enterpriseHasUsers', { n: e.users })}` : ''}`,
  }));
  if (value && currentLabel && !items.some((e) => e.id === value)) options.unshift({ value, label: currentLabel, title: currentLabel });
  const more = (query.data?.total ?? 0) - items.length;
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={options}
      loading={query.isFetching}
      disabled={!orgUnitCode}
      placeholder={orgUnitCode ? t('users.enterpriseSearch') : t('users.enterpriseFirstOrg')}
      notFoundContent={query.isFetching ? t('common.loading') : t('users.enterpriseNone')}
      popupRender={(menu) => (
        <>
          {menu}
          {more > 0 ? <div style={{ padding: '4px 12px', color: 'rgba(0,0,0,0.65)' }}>{t('users.enterpriseMore', { n: more })}</div> : null}
        </>
      )}
      style={{ width: 420, maxWidth: '100%' }}
      {...rest}
    />
  );
}

/** An expert pool entry without an account, of the expert grant's unit or below. */
export function ExpertPicker({ value, onChange, orgUnitCode, ...rest }: PickerProps) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useQuery(expertOptionsQuery(orgUnitCode, useDebounced(q.trim())));
  const options = (query.data?.items ?? []).map((e) => ({
    value: e.id,
    label: [e.name, e.orgName].filter(Boolean).join(' · '),
    title: `${e.name}${e.orgName ? ` · ${e.orgName}` : ''} · ${e.orgUnitName}`,
  }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={options}
      loading={query.isFetching}
      disabled={!orgUnitCode}
      placeholder={t('users.expertSearch')}
      notFoundContent={query.isFetching ? t('common.loading') : t('users.expertNone')}
      style={{ width: '100%' }}
      {...rest}
    />
  );
}

/** The data elements a department grant reports (none chosen: all). */
export function DataElementPicker({
  value,
  onChange,
  ...rest
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  'aria-label': string;
  'data-testid'?: string;
}) {
  const { t, locale } = useI18n();
  const query = useQuery(dataElementOptionsQuery());
  const options = (query.data?.items ?? []).map((d) => ({
    value: d.code,
    label: `${locale === 'zh-CN' ? d.nameZh : d.nameEn}（${d.unit}）`,
  }));
  return (
    <Select
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={(v: string[]) => onChange?.(v)}
      options={options}
      loading={query.isFetching}
      placeholder={t('users.dataElementsAll')}
      maxTagCount="responsive"
      style={{ width: 420, maxWidth: '100%' }}
      {...rest}
    />
  );
}
