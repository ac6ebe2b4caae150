import type { Dict } from './dict.js';

/**
 * The words of expert review and its outcome that services and common/review leave as codes: why a swap passed
 * over an alternate (common/review/skips.ts), why the 409 `no_alternate` found none, the notice's default title.
 */
export const SWAP_SKIP_LABELS: Dict = {
  unavailable: { 'zh-CN': '不可用', 'en-US': 'unavailable' },
  on_place: { 'zh-CN': '已在本项目评审中或已谢绝', 'en-US': 'already on it, or declined it' },
  conflict: { 'zh-CN': '存在回避关系', 'en-US': 'conflict of interest' },
  same_org: { 'zh-CN': '与本项目其他评审专家同一单位', 'en-US': 'same organisation as another reviewer' },
  load_cap: { 'zh-CN': '评审数量已达上限 {cap}', 'en-US': 'at the load cap {cap}' },
  quota: { 'zh-CN': '不满足配额 {fields|list}', 'en-US': 'misses the quota {fields|list}' },
};

/** How `no_alternate` lists the alternates passed over: each line, the separator, and the words for none. */
export const SWAP_SKIP_LIST: Dict = {
  line: { 'zh-CN': '{name}：{reason}', 'en-US': '{name}: {reason}' },
  sep: { 'zh-CN': '；', 'en-US': '; ' },
  none: { 'zh-CN': '无备选', 'en-US': 'no alternates' },
};

/**
 * The approval notice's title when the bureau gives none (POST /api/calls/:id/notice without `title`), in the
 * publisher's language; the web proposes the same words (pnotice.defaultTitle) in its form.
 */
export const NOTICE_LABELS: Dict = {
  default_title: { 'zh-CN': '{callTitle}立项公示', 'en-US': '{callTitle}: approval notice' },
};
