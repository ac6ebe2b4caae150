import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useT } from '../../app/i18n';

export interface OneTimePassword {
  kind: 'created' | 'reset';
  username: string;
  password: string;
}

/** A password the server generated: shown once, never retrievable again. */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const textRef = useRef<HTMLElement>(null);

  const copy = async () => {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value.password);
      void message.success(t('common.copied'));
    } catch {
      // No clipboard access (plain http on a LAN address): select it so Ctrl+C works.
      const node = textRef.current;
      if (node) window.getSelection()?.selectAllChildren(node);
      void message.warning(t('common.copyFailed'));
    }
  };

  return (
    <Modal
      open={value !== null}
      title={t('users.onceTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-password-done">
          {t('users.onceDone')}
        </Button>
      }
    >
      {value ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('users.onceWarning')} />
          <div>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {t(value.kind === 'created' ? 'users.onceCreated' : 'users.onceReset', { name: value.username })}
            </Typography.Paragraph>
            <Space wrap>
              <Typography.Text code ref={textRef} style={{ fontSize: 18 }} data-testid="one-time-password">
                {value.password}
              </Typography.Text>
              <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="one-time-password-copy">
                {t('common.copy')}
              </Button>
            </Space>
          </div>
        </Space>
      ) : null}
    </Modal>
  );
}
