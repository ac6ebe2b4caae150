import { ReloadOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { MAX_SEED, randomSeed } from './panels';

/** The draw's seed in a form (field `seed`), with a button for a new random one. */
export function SeedField({ extra, testId }: { extra: ReactNode; testId: string }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  return (
    <Form.Item label={t('proj.draw.seed')} required extra={extra}>
      <Space.Compact>
        <Form.Item name="seed" noStyle rules={[{ required: true, message: t('draws.seedRequired') }]}>
          <InputNumber<number>
            min={0}
            max={MAX_SEED}
            precision={0}
            style={{ width: 180 }}
            aria-label={t('proj.draw.seed')}
            data-testid={testId}
          />
        </Form.Item>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={() => form.setFieldValue('seed', randomSeed())}
          aria-label={t('proj.draw.newSeed')}
        />
      </Space.Compact>
    </Form.Item>
  );
}
