import { SearchOutlined } from '@ant-design/icons';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { EnterpriseFilters as Filters } from '../../../api/registry';
import { useT } from '../../../app/i18n';
import { OrgUnitTreeSelect } from '../../../components/OrgUnitTreeSelect';
import { useDebounced } from '../../../components/useDebounced';
import { useRegistryTypes } from '../../../components/registry/useRegistryTypes';

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
}

/** Name or code search (as you type), town, industry tag, and a qualification valid on a date. */
export function EnterpriseFilters({ value, onChange }: Props) {
  const t = useT();
  const types = useRegistryTypes();
  const [q, setQ] = useState(value.q ?? '');
  const settled = useDebounced(q.trim());
  useEffect(() => {
    if ((settled || undefined) !== value.q) onChange({ ...value, q: settled || undefined });
    // Only a settled change of the text is a new search; the other filters apply at once.
  }, [settled]);

  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
      <Form.Item label={t('common.search')} htmlFor="ent-q">
        <Input
          id="ent-q"
          prefix={<SearchOutlined aria-hidden />}
          allowClear
          placeholder={t('ent.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 220 }}
          data-testid="enterprise-search"
        />
      </Form.Item>
      <Form.Item label={t('registry.orgUnit')} htmlFor="ent-org">
        <OrgUnitTreeSelect
          id="ent-org"
          allowClear
          placeholder={t('registry.allUnits')}
          value={value.orgUnit ?? null}
          onChange={(code) => onChange({ ...value, orgUnit: code ?? undefined })}
          style={{ width: 200 }}
          data-testid="enterprise-filter-orgUnit"
        />
      </Form.Item>
      <Form.Item label={t('ent.tag')} htmlFor="ent-tag">
        <Select
          id="ent-tag"
          allowClear
          placeholder={t('ent.allTags')}
          options={types.tagOptions}
          value={value.tag}
          onChange={(v: string | undefined) => onChange({ ...value, tag: v ?? undefined })}
          style={{ width: 160 }}
          data-testid="enterprise-filter-tag"
        />
      </Form.Item>
      <Form.Item label={t('ent.qualification')} htmlFor="ent-qual">
        <Select
          id="ent-qual"
          allowClear
          placeholder={t('ent.anyQualification')}
          options={types.qualificationOptions}
          value={value.qualification}
          onChange={(v: string | undefined) => onChange({ ...value, qualification: v ?? undefined })}
          style={{ width: 200 }}
          data-testid="enterprise-filter-qualification"
        />
      </Form.Item>
      <Form.Item label={t('ent.validOn')} htmlFor="ent-valid-on">
        <DatePicker
          id="ent-valid-on"
          value={value.validOn ? dayjs(value.validOn) : null}
          onChange={(d) => onChange({ ...value, validOn: d ? d.format('YYYY-MM-DD') : undefined })}
          data-testid="enterprise-filter-validOn"
        />
      </Form.Item>
    </Form>
  );
}
