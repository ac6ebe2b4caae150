import { Form, Input } from 'antd';
import { type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { FORM_KEY_PATTERN } from '../../../../common/values/projects';

/** The small inputs the steps of the call form share: rows, list headers, keys and labels. */
export const thousands = (v: number | string | undefined) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export const unformat = (v: string | undefined) => Number((v ?? '').replace(/[,\s¥]/g, ''));

export function Row({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>{children}</div>;
}

/** Column names above a list's rows (the inputs carry their own accessible names). */
export function ListHeader({ columns }: { columns: [string, number][] }) {
  return (
    <div aria-hidden style={{ display: 'flex', gap: 8, fontSize: 13, color: '#595959', marginBottom: 4 }}>
      {columns.map(([text, width]) => (
        <span key={text} style={{ width }}>
          {text}
        </span>
      ))}
    </div>
  );
}

export function KeyInput({ name, label, testId }: { name: (string | number)[]; label: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      rules={[
        { required: true, message: t('proj.call.keyRequired') },
        { pattern: FORM_KEY_PATTERN, message: t('proj.call.keyRule') },
      ]}
      style={{ width: 130, marginBottom: 8 }}
    >
      <Input aria-label={label} placeholder="summary" maxLength={40} data-testid={testId} />
    </Form.Item>
  );
}

export function TextInput({ name, label, width = 160 }: { name: (string | number)[]; label: string; width?: number }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      rules={[{ required: true, whitespace: true, message: t('proj.call.labelRequired') }]}
      style={{ width, marginBottom: 8 }}
    >
      <Input aria-label={label} placeholder={label} maxLength={200} />
    </Form.Item>
  );
}
