import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { roleOptions } from './roles';

/** The `roles` field: rows of role + org unit; the server reports errors as roles.N.field. */
export function RoleGrantList() {
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
              <Space key={field.key} align="start" style={{ display: 'flex' }} wrap>
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
