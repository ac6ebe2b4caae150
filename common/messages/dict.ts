/** Strings in both languages, by key. */
export type Dict = Record<string, { 'zh-CN': string; 'en-US': string }>;
