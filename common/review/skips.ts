import { LOCALES, type Locale } from '../enums.js';
import { fill } from '../messages/format.js';
import { SWAP_SKIP_LABELS, SWAP_SKIP_LIST } from '../messages/review.js';
import { SWAP_SKIP_REASONS, type SwapSkipReason } from '../values/review.js';

/**
 * Why a swap passed over a ranked alternate: the service records a code and its parameters (draw records keep
 * them); the words are a dictionary (common/messages/review.ts SWAP_SKIP_LABELS), for the swap's 409 (no
 * alternate) and for the draw history the web shows. Records from before codes hold one sentence
 * 「中文 / English」, shown as it was.
 */
export interface SwapSkip {
  reason: SwapSkipReason;
  params?: { cap?: number; fields?: string[] };
}

const isCode = (s: string): s is SwapSkipReason => (SWAP_SKIP_REASONS as readonly string[]).includes(s);

/** A skip reason in one language: a code with its parameters, or an older record's bilingual sentence. */
export function skipText(reason: string, params: SwapSkip['params'] | null | undefined, locale: Locale): string {
  if (isCode(reason)) return fill(SWAP_SKIP_LABELS[reason]![locale], { cap: '', fields: [], ...params }, locale).trim();
  return reason.split(' / ')[locale === 'zh-CN' ? 0 : 1] ?? reason;
}

/** Why no alternate could take a place, in both languages (the parameter of the 409 `no_alternate`). */
export function noAlternateDetail(skipped: readonly (SwapSkip & { name: string })[]): Record<Locale, string> {
  const say = (locale: Locale) =>
    skipped.length
      ? skipped
          .map((s) => fill(SWAP_SKIP_LIST.line![locale], { name: s.name, reason: skipText(s.reason, s.params, locale) }, locale))
          .join(SWAP_SKIP_LIST.sep![locale])
      : SWAP_SKIP_LIST.none![locale];
  return Object.fromEntries(LOCALES.map((l) => [l, say(l)])) as Record<Locale, string>;
}
