import type { FormInstance } from 'antd';
import { ApiError } from '../api/http';
import type { TFunction } from '../app/i18n';

/** The text to show for any failure: the server's localised message when there is one. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return error.code === 'network' ? t('error.network') : error.message;
  if (error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message)) {
    return t('error.chunk');
  }
  return error instanceof Error ? error.message : String(error);
}

export const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403 && error.code !== 'csrf';

/** "roles.0.orgUnitCode" → ['roles', 0, 'orgUnitCode'], the name path antd forms use. */
export function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's message(s) under the matching form fields.
 * Returns false when a message found no field the form shows (e.g. "roles.0.enterpriseId" while that row has no
 * such input), so the caller shows the error elsewhere: a failed save never goes silent.
 */
export function applyServerError(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const issues = error.details.length > 0 ? error.details : error.field ? [{ field: error.field, message: error.message }] : [];
  const known = issues.filter((i) => fields.includes(i.field.split('.')[0] ?? ''));
  if (known.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const i of known) byField.set(i.field, [...(byField.get(i.field) ?? []), i.message]);
  form.setFields([...byField].map(([field, errors]) => ({ name: toNamePath(field), errors })));
  // antd keeps errors only on the inputs it renders: a name without one dropped its message.
  const shown = [...byField.keys()].filter((field) => form.getFieldError(toNamePath(field)).length > 0);
  if (shown.length === 0) return false;
  form.scrollToField(toNamePath(shown[0]!));
  return shown.length === byField.size && known.length === issues.length;
}
