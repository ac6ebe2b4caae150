import { Button, Result, Typography } from 'antd';
import type { ResultProps } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../app/PageTitle';
import { useT } from '../app/i18n';
import type { MessageKey } from '../app/messages';

interface Props {
  status: ResultProps['status'];
  titleKey: MessageKey;
  textKey: MessageKey;
  /** Instead of the text of textKey: an explanation built for this case. */
  text?: ReactNode;
  /** Inside a page that already has its own h1 and tab title. */
  embedded?: boolean;
}

/** antd's Result, but with a real heading so the page outline stays correct. */
export function ErrorResult({ status, titleKey, textKey, text, embedded = false }: Props) {
  const t = useT();
  const navigate = useNavigate();
  useDocumentTitle(embedded ? null : titleKey);
  return (
    <Result
      status={status}
      title={
        <Typography.Title level={embedded ? 2 : 1} style={{ fontSize: 22, margin: 0 }}>
          {t(titleKey)}
        </Typography.Title>
      }
      subTitle={text ?? <Typography.Text>{t(textKey)}</Typography.Text>}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
