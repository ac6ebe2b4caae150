import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Form, InputNumber, Select, Space, Typography } from 'antd';
import { ATTACHMENT_TYPES } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { typeNames } from '../../components/projects/labels';
import { KeyInput, ListHeader, TextInput } from './callFormInputs';

/** Step 2 of the call form: the application form's fields and attachments. */
export function FormStep() {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('proj.call.step.form.hint')}</Typography.Paragraph>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('proj.call.fields')}
      </Typography.Title>
      <Form.List name="fields">
        {(items, { add, remove }) => (
          <>
            <ListHeader
              columns={[
                [t('proj.call.col.key'), 130],
                [t('proj.call.col.zh'), 160],
                [t('proj.call.col.en'), 160],
                [t('proj.call.col.type'), 130],
              ]}
            />
            {items.map((item, i) => (
              <Space key={item.key} align="start" wrap style={{ display: 'flex' }} data-testid={`call-field-${i}`}>
                <KeyInput name={[item.name, 'key']} label={t('proj.call.fieldKeyN', { n: i + 1 })} testId={`call-field-${i}-key`} />
                <TextInput name={[item.name, 'zh']} label={t('proj.call.labelZhN', { n: i + 1 })} />
                <TextInput name={[item.name, 'en']} label={t('proj.call.labelEnN', { n: i + 1 })} />
                <Form.Item name={[item.name, 'type']} style={{ width: 130, marginBottom: 8 }}>
                  <Select
                    aria-label={t('proj.call.fieldTypeN', { n: i + 1 })}
                    options={(['text', 'textarea', 'number', 'date'] as const).map((x) => ({ value: x, label: t(`proj.fieldType.${x}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox>{t('proj.call.required')}</Checkbox>
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('proj.call.removeFieldN', { n: i + 1 })}
                  onClick={() => remove(item.name)}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ key: '', zh: '', en: '', type: 'text', required: false })}>
              {t('proj.call.addField')}
            </Button>
          </>
        )}
      </Form.List>
      <Divider />
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('proj.call.attachments')}
      </Typography.Title>
      <Form.List name="attachments">
        {(items, { add, remove }) => (
          <>
            <ListHeader
              columns={[
                [t('proj.call.col.key'), 130],
                [t('proj.call.col.zh'), 140],
                [t('proj.call.col.en'), 140],
                [t('proj.call.col.types'), 210],
                [t('proj.call.col.maxMb'), 100],
              ]}
            />
            {items.map((item, i) => (
              <Space key={item.key} align="start" wrap style={{ display: 'flex' }} data-testid={`call-attachment-${i}`}>
                <KeyInput
                  name={[item.name, 'key']}
                  label={t('proj.call.attachmentKeyN', { n: i + 1 })}
                  testId={`call-attachment-${i}-key`}
                />
                <TextInput name={[item.name, 'zh']} label={t('proj.call.labelZhN', { n: i + 1 })} width={140} />
                <TextInput name={[item.name, 'en']} label={t('proj.call.labelEnN', { n: i + 1 })} width={140} />
                <Form.Item
                  name={[item.name, 'types']}
                  rules={[{ required: true, message: t('proj.call.typesRequired') }]}
                  style={{ width: 210, marginBottom: 8 }}
                >
                  <Select
                    mode="multiple"
                    aria-label={t('proj.call.typesN', { n: i + 1 })}
                    options={ATTACHMENT_TYPES.map((x) => ({ value: x, label: typeNames([x]) }))}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'maxMb']} style={{ marginBottom: 8 }}>
                  <InputNumber<number>
                    min={1}
                    max={20}
                    precision={0}
                    suffix="MB"
                    aria-label={t('proj.call.maxMbN', { n: i + 1 })}
                    style={{ width: 100 }}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox>{t('proj.call.required')}</Checkbox>
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('proj.call.removeAttachmentN', { n: i + 1 })}
                  onClick={() => remove(item.name)}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ key: '', zh: '', en: '', required: false, maxMb: 10, types: ['application/pdf'] })}
            >
              {t('proj.call.addAttachment')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
