import type { TFunction } from '../../app/i18n';
import { isMessageKey } from '../../app/messages';

/** Known actions and entities get a translated name; new ones show as stored until they get one. */
export const actionLabel = (action: string, t: TFunction) => {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
};

export const entityLabel = (entity: string, t: TFunction) => {
  const key = `audit.entity.${entity}`;
  return isMessageKey(key) ? t(key) : entity;
};

/** Values of a change as readable text: objects as JSON, nothing as a dash. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
