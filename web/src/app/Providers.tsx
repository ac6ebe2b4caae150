import { ConfigProvider, theme as antdTheme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nProvider, useI18n } from './i18n';
import { createQueryClient } from './queryClient';

const queryClient = createQueryClient();

// antd derives lighter hover shades and light-grey secondary text; both fall below WCAG AA
// (4.5:1) on white, and a hovered button is what axe sees right after a click. Hover and active
// states therefore go darker, and secondary/placeholder text is darkened.
const baseToken = {
  colorPrimary: '#0958d9',
  colorPrimaryHover: '#003eb3',
  colorPrimaryActive: '#002c8c',
  colorLink: '#0958d9',
  colorLinkHover: '#003eb3',
  colorLinkActive: '#002c8c',
  colorError: '#cf1322',
  colorErrorHover: '#a8071a',
  colorErrorActive: '#820014',
  colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
  colorTextDescription: 'rgba(0, 0, 0, 0.64)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
  colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
};

// People who ask their system for less motion get none (antd animates drawers, menus, toasts).
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
const theme = { token: { ...baseToken, motion: !reducedMotion } };

/** The text styles antd's App gives its subtree, for every page (antd's App itself: routes.tsx). */
function AppText({ children }: { children: ReactNode }) {
  const { token } = antdTheme.useToken();
  return (
    <div style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}>
      {children}
    </div>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AppText>{children}</AppText>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed>{children}</Themed>
      </I18nProvider>
    </QueryClientProvider>
  );
}
