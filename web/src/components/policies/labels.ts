import type { FactValue, PolicyEvent, PolicyRule } from '../../../../common/policies';
import type { VersionStatus } from '../../api/policies';
import type { TFunction } from '../../app/i18n';
import type { Tone } from '../StatusTag';

// The engine's enums, restated as plain values for the page.
export const POLICY_EVENT_LIST: readonly PolicyEvent[] = [
  'qualification.granted',
  'platform.recognized',
  'patent.granted',
  'stats.approved',
  'application',
];

export const VERSION_TONES: Record<VersionStatus, Tone> = {
  draft: 'off',
  pending: 'info',
  approved: 'ok',
  superseded: 'off',
  rejected: 'error',
};

/** Name in the user's language. */
export const nameOf = (x: { nameZh: string; nameEn: string }, locale: string) => (locale === 'zh-CN' ? x.nameZh : x.nameEn);
export const textOf = (x: { zh: string; en: string }, locale: string) => (locale === 'zh-CN' ? x.zh : x.en);

/** A fact as read: 是 / 否 for booleans, 未知 when the register does not hold it. */
export function factText(v: FactValue | undefined, t: TFunction): string {
  if (v === undefined || v === null) return t('pol.fact.unknown');
  if (v === true) return t('common.yes');
  if (v === false) return t('common.no');
  return String(v);
}

/** The engine writes the expected side in Chinese symbols; 是/否 are words, so they are translated. */
export function expectedText(expected: string, t: TFunction): string {
  if (expected === '是') return t('common.yes');
  if (expected === '否') return t('common.no');
  return expected;
}

/** Money parameters are in fen; the share rule's rate is a percentage (the trace does not carry the unit). */
export function unitOf(rule: PolicyRule, name: string): 'fen' | 'percent' {
  return rule.amount.kind === 'share' && rule.amount.rateParam === name ? 'percent' : 'fen';
}

/** A trigger in a word: the register event, or an application. */
export const triggerText = (event: PolicyEvent, t: TFunction) => t(`pol.trigger.${event}`);
