import type { Locale } from '../enums.js';
import { SWAP_SKIP_REASONS, type SwapSkipReason } from '../values/review.js';

/**
 * Why a swap passed over a ranked alternate: the service records a code and its parameters (draw records keep
 * them); this says it in each language, for the swap's 409 (no alternate) and for the draw history the web shows.
 * Records from before codes hold one sentence 「中文 / English」, shown as it was.
 */
export interface SwapSkip {
  reason: SwapSkipReason;
  params?: { cap?: number; fields?: string[] };
}

const TEXT: Record<SwapSkipReason, (p: NonNullable<SwapSkip['params']>) => Record<Locale, string>> = {
  unavailable: () => ({ 'zh-CN': '不可用', 'en-US': 'unavailable' }),
  on_place: () => ({ 'zh-CN': '已在本项目评审中或已谢绝', 'en-US': 'already on it, or declined it' }),
  conflict: () => ({ 'zh-CN': '存在回避关系', 'en-US': 'conflict of interest' }),
  same_org: () => ({ 'zh-CN': '与本项目其他评审专家同一单位', 'en-US': 'same organisation as another reviewer' }),
  load_cap: (p) => ({ 'zh-CN': `评审数量已达上限 ${p.cap ?? ''}`, 'en-US': `at the load cap ${p.cap ?? ''}` }),
  quota: (p) => ({
    'zh-CN': `不满足配额 ${(p.fields ?? []).join('、')}`,
    'en-US': `misses the quota ${(p.fields ?? []).join(', ')}`,
  }),
};

const isCode = (s: string): s is SwapSkipReason => (SWAP_SKIP_REASONS as readonly string[]).includes(s);

/** A skip reason in one language: a code with its parameters, or an older record's bilingual sentence. */
export function skipText(reason: string, params: SwapSkip['params'] | null | undefined, locale: Locale): string {
  if (isCode(reason)) return TEXT[reason](params ?? {})[locale];
  return reason.split(' / ')[locale === 'zh-CN' ? 0 : 1] ?? reason;
}

/** Why no alternate could take a place, in both languages (the parameter of the 409 `no_alternate`). */
export function noAlternateDetail(skipped: readonly (SwapSkip & { name: string })[]): Record<Locale, string> {
  if (!skipped.length) return { 'zh-CN': '无备选', 'en-US': 'no alternates' };
  return {
    'zh-CN': skipped.map((s) => `${s.name}：${skipText(s.reason, s.params, 'zh-CN')}`).join('；'),
    'en-US': skipped.map((s) => `${s.name}: ${skipText(s.reason, s.params, 'en-US')}`).join('; '),
  };
}
