import type { Locale } from '../../../common/enums';

let current: Locale | undefined;
let apply: ((locale: Locale) => void) | undefined;

/**
 * The interface language for dates: applied to dayjs now if it is loaded, else when it loads. dayjs is not part
 * of the login page; it comes with the feature pages (loadDateLocale in dictionaries.ts' featurePage).
 */
export function setDateLocale(locale: Locale): void {
  current = locale;
  apply?.(locale);
}

/** Loads dayjs with its Chinese locale and applies the current language (before a feature page renders). */
export async function loadDateLocale(): Promise<void> {
  if (!apply) apply = (await import('./dayjsLocale')).applyDayjsLocale;
  if (current) apply(current);
}
