import { DatePicker, Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, type RefObject } from 'react';
import type { EnterpriseInput, EnterpriseView } from '../../../api/registry';
import { useT } from '../../../app/i18n';
import { isoDateItem } from '../../../components/isoDate';
import { OrgUnitTreeSelect } from '../../../components/OrgUnitTreeSelect';
import { SIZE_CLASSES } from '../../../components/registry/labels';
import { useRegistryTypes } from '../../../components/registry/useRegistryTypes';
import { ParkList } from './ParkList';

export type EnterpriseValues = EnterpriseInput;

/** Field names as the server reports them in errors ("parks.0.toDate" belongs to "parks"). */
export const ENTERPRISE_FIELDS = [
  'creditCode',
  'name',
  'legalRepresentative',
  'foundedOn',
  'orgUnitCode',
  'industryCode',
  'tags',
  'sizeClass',
  'contactName',
  'contactPhone',
  'address',
  'parks',
] as const;

export function toValues(e: EnterpriseView): EnterpriseValues {
  return {
    creditCode: e.creditCode,
    name: e.name,
    legalRepresentative: e.legalRepresentative,
    foundedOn: e.foundedOn,
    orgUnitCode: e.orgUnitCode,
    industryCode: e.industryCode,
    tags: e.tags,
    sizeClass: e.sizeClass,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    address: e.address,
    parks: e.parks.map(({ parkCode, fromDate, toDate }) => ({ parkCode, fromDate, toDate })),
  };
}

const orNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** What the API takes: trimmed, and empty optional fields as null. */
export function toInput(v: EnterpriseValues): EnterpriseInput {
  return {
    creditCode: v.creditCode.trim(),
    name: v.name.trim(),
    legalRepresentative: orNull(v.legalRepresentative),
    foundedOn: v.foundedOn ?? null,
    orgUnitCode: v.orgUnitCode,
    industryCode: orNull(v.industryCode)?.toUpperCase() ?? null,
    tags: v.tags ?? [],
    sizeClass: v.sizeClass ?? null,
    contactName: orNull(v.contactName),
    contactPhone: orNull(v.contactPhone),
    address: orNull(v.address),
    parks: (v.parks ?? []).map((p) => ({ parkCode: p.parkCode, fromDate: p.fromDate, toDate: p.toDate ?? null })),
  };
}

interface Props {
  initial: Partial<EnterpriseValues>;
  formRef: RefObject<FormInstance<EnterpriseValues> | null>;
  disabled: boolean;
  onSubmit: (values: EnterpriseValues, form: FormInstance<EnterpriseValues>) => void;
}

export function EnterpriseForm({ initial, formRef, disabled, onSubmit }: Props) {
  const t = useT();
  const types = useRegistryTypes();
  const [form] = Form.useForm<EnterpriseValues>();
  useEffect(() => {
    formRef.current = form;
  }, [form, formRef]);

  return (
    <Form<EnterpriseValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => onSubmit(v, form)} disabled={disabled}>
      <Form.Item
        label={t('ent.creditCode')}
        name="creditCode"
        extra={t('ent.creditCodeHint')}
        rules={[{ required: true, whitespace: true, message: t('ent.creditCodeRequired') }]}
      >
        <Input autoComplete="off" maxLength={30} style={{ fontFamily: 'monospace' }} data-testid="enterprise-form-creditCode" />
      </Form.Item>
      <Form.Item
        label={t('ent.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('ent.nameRequired') }, { max: 200 }]}
      >
        <Input data-testid="enterprise-form-name" />
      </Form.Item>
      <Form.Item label={t('registry.orgUnit')} name="orgUnitCode" rules={[{ required: true, message: t('ent.orgUnitRequired') }]}>
        <OrgUnitTreeSelect data-testid="enterprise-form-orgUnit" />
      </Form.Item>
      <Form.Item label={t('ent.legalRepresentative')} name="legalRepresentative" rules={[{ max: 50 }]}>
        <Input data-testid="enterprise-form-legalRepresentative" />
      </Form.Item>
      <Form.Item label={t('ent.foundedOn')} name="foundedOn" {...isoDateItem}>
        <DatePicker style={{ width: '100%' }} data-testid="enterprise-form-foundedOn" />
      </Form.Item>
      <Form.Item
        label={t('ent.industryCode')}
        name="industryCode"
        extra={t('ent.industryHint')}
        rules={[{ pattern: /^[A-Ta-t](\d{2,4})?$/, message: t('ent.industryInvalid') }]}
      >
        <Input style={{ width: 160 }} data-testid="enterprise-form-industryCode" />
      </Form.Item>
      <Form.Item label={t('ent.tags')} name="tags">
        <Select mode="multiple" allowClear options={types.tagOptions} loading={types.isPending} data-testid="enterprise-form-tags" />
      </Form.Item>
      <Form.Item label={t('ent.sizeClass')} name="sizeClass">
        <Select
          allowClear
          options={SIZE_CLASSES.map((s) => ({ value: s, label: t(`size.${s}`) }))}
          style={{ width: 160 }}
          data-testid="enterprise-form-sizeClass"
        />
      </Form.Item>
      <Form.Item label={t('ent.contactName')} name="contactName" rules={[{ max: 50 }]}>
        <Input autoComplete="off" data-testid="enterprise-form-contactName" />
      </Form.Item>
      <Form.Item label={t('ent.contactPhone')} name="contactPhone" rules={[{ max: 40 }]}>
        <Input autoComplete="off" inputMode="tel" data-testid="enterprise-form-contactPhone" />
      </Form.Item>
      <Form.Item label={t('ent.address')} name="address" rules={[{ max: 300 }]}>
        <Input data-testid="enterprise-form-address" />
      </Form.Item>
      <ParkList />
    </Form>
  );
}
