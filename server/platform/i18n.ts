import type { FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../common/enums.js';

/** The signed-in user's choice first, then an explicit header, then Accept-Language, then Chinese. */
export function localeOf(req: FastifyRequest): Locale {
  const userLocale = req.auth?.user.locale;
  if (userLocale && (LOCALES as readonly string[]).includes(userLocale)) return userLocale as Locale;
  const header = req.headers['x-kechuang-locale'];
  if (typeof header === 'string' && (LOCALES as readonly string[]).includes(header)) return header as Locale;
  const accept = req.headers['accept-language'];
  if (typeof accept === 'string') {
    const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en-US';
  }
  return DEFAULT_LOCALE;
}
