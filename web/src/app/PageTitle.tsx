import { Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useI18n } from './i18n';
import type { MessageKey } from './messages';

/**
 * Keeps the browser tab title ("页面名 - 科创治理平台") in step with the page and language.
 * `text` is for pages named by their data (an indicator), already in the user's language.
 */
export function useDocumentTitle(titleKey: MessageKey | null, text?: string): void {
  const { t } = useI18n();
  useEffect(() => {
    const name = text ?? (titleKey ? t(titleKey) : null);
    if (name) document.title = `${name} - ${t('app.name')}`;
  }, [t, titleKey, text]);
}

/** The page's single h1, with optional actions on the right. */
export function PageTitle({ titleKey, text, extra }: { titleKey: MessageKey; text?: string; extra?: ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(titleKey, text);
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, marginBottom: 16, flexWrap: 'wrap' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {text ?? t(titleKey)}
      </Typography.Title>
      {extra}
    </div>
  );
}
