import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { createPlatform, type PlatformInput } from '../../../api/registry';
import { useT } from '../../../app/i18n';
import { isoDateItem } from '../../../components/isoDate';
import { OrgUnitTreeSelect } from '../../../components/OrgUnitTreeSelect';
import { FormDrawer } from '../FormDrawer';
import { PLATFORM_LEVELS } from '../../../components/registry/labels';
import { useRegistryTypes } from '../../../components/registry/useRegistryTypes';

const FIELDS = ['name', 'typeCode', 'level', 'hostCreditCode', 'hostName', 'orgUnitCode', 'recognizedOn', 'revokedOn', 'floorArea'];
const orNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Record a platform or institution: R&D institutions, service institutions and incubators (with their floor area). */
export function PlatformDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const types = useRegistryTypes();
  const incubators = new Set(types.platformTypes.filter((p) => p.incubator).map((p) => p.code));

  return (
    <FormDrawer<PlatformInput, { id: string }>
      open={open}
      title={t('plat.createTitle')}
      submitLabel={t('ent.submitCreate')}
      testId="platform-form"
      fields={FIELDS}
      initialValues={{ level: 'county' }}
      save={(v) =>
        createPlatform({
          ...v,
          name: v.name.trim(),
          hostCreditCode: orNull(v.hostCreditCode),
          hostName: orNull(v.hostName),
          revokedOn: v.revokedOn ?? null,
          floorArea: v.floorArea ?? null,
        })
      }
      onSaved={(_, v) => {
        void message.success(t('plat.created', { name: v.name.trim() }));
        onClose();
      }}
      onClose={onClose}
    >
      <Form.Item
        label={t('plat.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('plat.nameRequired') }, { max: 200 }]}
      >
        <Input data-testid="platform-form-name" />
      </Form.Item>
      <Form.Item label={t('plat.type')} name="typeCode" rules={[{ required: true, message: t('plat.typeRequired') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={types.platformTypeOptions} data-testid="platform-form-type" />
      </Form.Item>
      <Form.Item label={t('plat.level')} name="level" rules={[{ required: true, message: t('plat.levelRequired') }]}>
        <Select options={PLATFORM_LEVELS.map((l) => ({ value: l, label: t(`plat.level.${l}`) }))} data-testid="platform-form-level" />
      </Form.Item>
      <Form.Item
        label={t('plat.hostCreditCode')}
        name="hostCreditCode"
        extra={t('plat.hostHint')}
        dependencies={['hostName']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value?.trim() || (getFieldValue('hostName') as string | undefined)?.trim()
                ? Promise.resolve()
                : Promise.reject(new Error(t('plat.hostRequired'))),
          }),
        ]}
      >
        <Input autoComplete="off" style={{ fontFamily: 'monospace' }} data-testid="platform-form-hostCreditCode" />
      </Form.Item>
      <Form.Item label={t('plat.hostName')} name="hostName" rules={[{ max: 200 }]}>
        <Input data-testid="platform-form-hostName" />
      </Form.Item>
      <Form.Item label={t('registry.orgUnit')} name="orgUnitCode" rules={[{ required: true, message: t('ent.orgUnitRequired') }]}>
        <OrgUnitTreeSelect data-testid="platform-form-orgUnit" />
      </Form.Item>
      <Form.Item
        label={t('plat.recognizedOn')}
        name="recognizedOn"
        rules={[{ required: true, message: t('plat.recognizedRequired') }]}
        {...isoDateItem}
      >
        <DatePicker style={{ width: '100%' }} data-testid="platform-form-recognizedOn" />
      </Form.Item>
      <Form.Item label={t('plat.revokedOn')} name="revokedOn" {...isoDateItem}>
        <DatePicker style={{ width: '100%' }} data-testid="platform-form-revokedOn" />
      </Form.Item>
      <Form.Item noStyle dependencies={['typeCode']}>
        {({ getFieldValue }) =>
          incubators.has(getFieldValue('typeCode') as string) ? (
            <Form.Item label={t('plat.floorArea')} name="floorArea">
              <InputNumber min={0} max={10_000_000} style={{ width: 200 }} data-testid="platform-form-floorArea" />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </FormDrawer>
  );
}
