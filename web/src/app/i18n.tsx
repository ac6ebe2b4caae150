import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../common/enums';
import { timeZoneLabel } from '../../../common/messages/timezones';
import { bureauZone } from '../components/bureauZone';
import { updateMe } from '../api/auth';
import { setRequestLocale } from '../api/http';
import { setDateLocale } from './dateLocale';
import { formatMessage, type TParams } from './formatMessage';
import { messageEntry, type MessageKey } from './messages';
import { setMe, useMe } from './session';

export type { TParams };
export type TFunction = (key: MessageKey, params?: TParams) => string;

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: TFunction;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'kc_locale';

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(v ?? '') ? (v as Locale) : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * The key's text in the locale, its placeholders and plural forms filled (formatMessage.ts). A key whose
 * dictionary is not loaded shows as itself, so a page that forgot to list a dictionary is seen at once.
 */
export function translate(locale: Locale, key: MessageKey, params?: TParams): string {
  const entry = messageEntry(key);
  if (!entry) return key;
  const text = entry[locale === 'zh-CN' ? 'zh' : 'en'];
  // `{zone}` names the bureau's time zone (北京时间 unless the installation sets another), as times are shown in it.
  const filled = text.includes('{zone}') && params?.zone === undefined ? { ...params, zone: timeZoneLabel(bureauZone(), locale) } : params;
  return formatMessage(text, filled, locale);
}

/**
 * Signed in, the language is the user's own setting (kept on the server);
 * signed out, it is remembered in this browser.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const me = useMe().data;
  const [local, setLocal] = useState<Locale>(storedLocale);
  const locale = me?.locale ?? local;
  // Assigned during render so requests fired by children's first effects already carry it (and dates, their names).
  setRequestLocale(locale);
  setDateLocale(locale);

  // Signed out later, the page stays in the language this user chose.
  const userLocale = me?.locale;
  useEffect(() => {
    if (userLocale) setLocal(userLocale);
  }, [userLocale]);

  useEffect(() => {
    document.documentElement.lang = locale === 'zh-CN' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode: the choice just is not remembered.
    }
  }, [locale]);

  const { mutate: saveLocale } = useMutation({
    mutationFn: (next: Locale) => updateMe({ locale: next }),
    onSuccess: (updated) => setMe(client, updated),
    onError: () => {
      if (me) setMe(client, me);
    },
  });

  const setLocale = useCallback(
    (next: Locale) => {
      setLocal(next);
      if (me) {
        setMe(client, { ...me, locale: next });
        saveLocale(next);
      }
    },
    [client, me, saveLocale],
  );

  const value = useMemo<I18n>(() => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export const useT = (): TFunction => useI18n().t;
