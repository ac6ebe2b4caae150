import { Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useI18n } from './i18n';
import type { MessageKey } from './messages';

/** Keeps the browser tab title ("页面名 - 科创治理平台") in step with the page and language. */
export function useDocumentTitle(titleKey: MessageKey | null): void {
  const { t } = useI18n();
  useEffect(() => {
    if (titleKey) document.title = `${t(titleKey)} - ${t('app.name')}`;
  }, [t, titleKey]);
}

/** The page's single h1, with optional actions on the right. */
export function PageTitle({ titleKey, extra }: { titleKey: MessageKey; extra?: ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(titleKey);
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, marginBottom: 16, flexWrap: 'wrap' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t(titleKey)}
      </Typography.Title>
      {extra}
    </div>
  );
}
