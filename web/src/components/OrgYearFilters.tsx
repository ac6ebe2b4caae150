import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { Role } from '../../../common/enums';
import { orgUnitsQuery } from '../api/orgunits';
import { useT } from '../app/i18n';
import { useMe } from '../app/session';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';
import { outsideScope } from './scope';

interface Props {
  /** The plan's region: only units inside it can be chosen. */
  region: string;
  /** Roles that must cover a unit for it to be selectable. */
  roles: readonly Role[];
  orgUnit: string;
  year: number;
  years: readonly number[];
  onChange: (next: { orgUnit: string; year: number }) => void;
  /** Prefix of ids and data-testids: `<prefix>-org-unit`, `<prefix>-year`. */
  idPrefix: string;
  children?: ReactNode;
}

/** The org unit (county, towns, park) and year a monitoring or entry page looks at. */
export function OrgYearFilters({ region, roles, orgUnit, year, years, onChange, idPrefix, children }: Props) {
  const t = useT();
  const me = useMe().data;
  const units = useQuery(orgUnitsQuery()).data?.items;
  const disabled = useMemo(() => outsideScope(me, roles, region, units ?? []), [me, roles, region, units]);
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
      <Form.Item label={t('filters.orgUnit')} htmlFor={`${idPrefix}-org`}>
        <OrgUnitTreeSelect
          id={`${idPrefix}-org`}
          within={region}
          disabledCodes={disabled}
          value={orgUnit}
          onChange={(code) => code && onChange({ orgUnit: code, year })}
          style={{ width: 280 }}
          data-testid={`${idPrefix}-org-unit`}
        />
      </Form.Item>
      <Form.Item label={t('filters.year')} htmlFor={`${idPrefix}-year`}>
        <Select<number>
          id={`${idPrefix}-year`}
          value={year}
          options={years.map((y) => ({ value: y, label: t('filters.yearOption', { year: y }) }))}
          onChange={(y) => onChange({ orgUnit, year: y })}
          style={{ width: 120 }}
          data-testid={`${idPrefix}-year`}
        />
      </Form.Item>
      {children}
    </Form>
  );
}
