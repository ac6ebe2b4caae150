import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../app/i18n';
import { useMe } from '../../app/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** The frame of the public pages: no navigation, no login needed; staff find their way back in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useMe().data;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          padding: '12px 24px',
          background: '#fff',
          borderBottom: '1px solid #e5e5e5',
          flexWrap: 'wrap',
        }}
      >
        <Link
          to="/public/notices"
          style={{ fontSize: 18, fontWeight: 600, color: '#0958d9', whiteSpace: 'nowrap' }}
          data-testid="public-home"
        >
          {t('app.name')} · {t('public.notices')}
        </Link>
        <div style={{ flex: 1 }} />
        <LanguageSwitch />
        <Link to={me ? '/' : '/login'} data-testid="public-signin">
          {me ? t('public.backToApp') : t('public.staffSignIn')}
        </Link>
      </header>
      <main style={{ flex: 1, width: '100%', maxWidth: 1040, margin: '0 auto', padding: '24px 16px', boxSizing: 'border-box' }}>
        {children}
      </main>
      <footer style={{ textAlign: 'center', padding: '16px', fontSize: 13, color: 'rgba(0,0,0,0.68)' }}>{t('public.footer')}</footer>
    </div>
  );
}
