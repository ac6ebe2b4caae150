import { LOCALES, ROLE_LABELS, ROLES, type Locale, type Role } from '../../../../common/enums';
import type { TFunction } from '../../app/i18n';

export const roleLabel = (role: Role, locale: Locale) => ROLE_LABELS[role][locale];

export const roleOptions = (locale: Locale) => ROLES.map((r) => ({ value: r, label: roleLabel(r, locale) }));

export const localeOptions = (t: TFunction) => LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }));
