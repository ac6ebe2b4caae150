import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space, Typography } from 'antd';
import type { RoleGrantInput } from '../../../../common/contracts/accounts';
import { useI18n } from '../../app/i18n';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { DataElementPicker, EnterprisePicker } from './GrantPickers';
import { roleOptions } from './roles';

/** What a grant row needs beyond role and unit: the enterprise it acts for, or the data elements it reports. */
function GrantDetails({ name, index, enterpriseLabels }: { name: number; index: number; enterpriseLabels: ReadonlyMap<string, string> }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const row = Form.useWatch(['roles', name], form) as Partial<RoleGrantInput> | undefined;
  if (row?.role === 'enterprise')
    return (
      <Form.Item
        name={[name, 'enterpriseId']}
        label={t('users.enterprise')}
        extra={t('users.enterpriseHint')}
        rules={[{ required: true, message: t('users.enterpriseRequired') }]}
        style={{ marginBottom: 12, width: '100%' }}
      >
        <EnterprisePicker
          orgUnitCode={row.orgUnitCode}
          currentLabel={row.enterpriseId ? enterpriseLabels.get(row.enterpriseId) : undefined}
          aria-label={t('users.enterpriseN', { n: index + 1 })}
          data-testid={`user-form-enterprise-${index}`}
        />
      </Form.Item>
    );
  if (row?.role === 'department')
    return (
      <Form.Item name={[name, 'dataElements']} label={t('users.dataElements')} style={{ marginBottom: 12, width: '100%' }}>
        <DataElementPicker aria-label={t('users.dataElementsN', { n: index + 1 })} data-testid={`user-form-data-elements-${index}`} />
      </Form.Item>
    );
  return null;
}

/**
 * The `roles` field: rows of role + org unit, and what the role needs besides (an enterprise, data elements); the
 * server reports errors as roles.N.field. `enterpriseLabels` names the enterprises an edited user acts for.
 */
export function RoleGrantList({ enterpriseLabels = new Map() }: { enterpriseLabels?: ReadonlyMap<string, string> }) {
  const { t, locale } = useI18n();
  return (
    <div style={{ marginBottom: 24 }}>
      <Typography.Text strong>{t('users.grants')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('users.grantsHint')}
      </Typography.Paragraph>
      <Form.List
        name="roles"
        rules={[
          {
            validator: async (_, rows: unknown[] | undefined) => {
              if (!rows || rows.length === 0) throw new Error(t('users.grantsRequired'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <div key={field.key}>
                <Space align="start" style={{ display: 'flex' }} wrap>
                  <Form.Item
                    name={[field.name, 'role']}
                    rules={[{ required: true, message: t('users.roleRequired') }]}
                    style={{ marginBottom: 12 }}
                  >
                    <Select
                      aria-label={t('users.roleN', { n: index + 1 })}
                      placeholder={t('users.role')}
                      options={roleOptions(locale)}
                      style={{ width: 180 }}
                      data-testid={`user-form-role-${index}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'orgUnitCode']}
                    rules={[{ required: true, message: t('users.orgRequired') }]}
                    style={{ marginBottom: 12 }}
                  >
                    <OrgUnitTreeSelect
                      aria-label={t('users.orgN', { n: index + 1 })}
                      placeholder={t('users.orgUnit')}
                      style={{ width: 220 }}
                      data-testid={`user-form-org-${index}`}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('users.removeGrant', { n: index + 1 })}
                    title={t('users.removeGrant', { n: index + 1 })}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                    data-testid={`user-form-remove-${index}`}
                  />
                </Space>
                <GrantDetails name={field.name} index={index} enterpriseLabels={enterpriseLabels} />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="user-form-add-grant">
              {t('users.addGrant')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </div>
  );
}
