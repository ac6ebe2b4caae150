import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { auditEntitiesQuery, type AuditFilters as Filters } from '../../api/audit';
import { useT } from '../../app/i18n';
import { entityLabel } from './labels';

interface Values {
  username?: string;
  entity?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toValues(f: Filters): Values {
  return {
    username: f.username,
    entity: f.entity,
    entityId: f.entityId,
    range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
  };
}

function toFilters(v: Values): Filters {
  const trim = (s?: string) => s?.trim() || undefined;
  return {
    username: trim(v.username),
    entity: v.entity || undefined,
    entityId: trim(v.entityId),
    from: v.range?.[0]?.format('YYYY-MM-DD'),
    to: v.range?.[1]?.format('YYYY-MM-DD'),
  };
}

export function AuditFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const entities = useQuery(auditEntitiesQuery());

  return (
    <Form<Values>
      form={form}
      layout="inline"
      initialValues={toValues(value)}
      onFinish={(v) => onChange(toFilters(v))}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item label={t('audit.username')} name="username">
        <Input allowClear style={{ width: 160 }} data-testid="audit-filter-username" />
      </Form.Item>
      <Form.Item label={t('audit.entity')} name="entity">
        <Select
          allowClear
          placeholder={t('audit.allEntities')}
          loading={entities.isPending}
          options={(entities.data ?? []).map((e) => ({ value: e, label: entityLabel(e, t) }))}
          style={{ width: 160 }}
          data-testid="audit-filter-entity"
        />
      </Form.Item>
      <Form.Item label={t('audit.entityId')} name="entityId">
        <Input allowClear style={{ width: 200 }} data-testid="audit-filter-entityId" />
      </Form.Item>
      <Form.Item label={t('audit.dateRange')} name="range" htmlFor="audit-from">
        <DatePicker.RangePicker
          id={{ start: 'audit-from', end: 'audit-to' }}
          allowEmpty={[true, true]}
          placeholder={[t('audit.from'), t('audit.to')]}
          data-testid="audit-filter-range"
        />
      </Form.Item>
      {/* The range's second input needs a name of its own. */}
      <label htmlFor="audit-to" className="kc-sr-only">
        {t('audit.to')}
      </label>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue({ username: undefined, entity: undefined, entityId: undefined, range: null });
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
