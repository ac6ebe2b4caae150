import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../app/i18n';

/** Labelled with the language it switches to, written in that language. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const target = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      lang={target === 'en-US' ? 'en' : 'zh-CN'}
      title={t('lang.switchTitle')}
      onClick={() => setLocale(target)}
    >
      {t('lang.switch')}
    </Button>
  );
}
