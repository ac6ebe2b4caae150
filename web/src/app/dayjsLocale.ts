import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '../../../common/enums';

/** dayjs's locale (month and weekday names of date pickers and formats) for the interface language. */
export function applyDayjsLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}
