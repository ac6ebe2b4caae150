import { DEFAULT_TIME_ZONE } from '../clock.js';
import type { Locale } from '../enums.js';
import type { Dict } from './dict.js';

/**
 * The installation's time zone (KECHUANG_TIME_ZONE, common/clock.ts) as a reader names it, for a heading such as
 * an export's "时间（北京时间）": the default (Asia/Shanghai) and its aliases as 北京时间, other Chinese zones by their usual
 * name, any other by its IANA name (Europe/Berlin).
 */
export const TIME_ZONE_LABELS: Dict = {
  [DEFAULT_TIME_ZONE]: { 'zh-CN': '北京时间', 'en-US': 'Beijing time' },
  'Asia/Chongqing': { 'zh-CN': '北京时间', 'en-US': 'Beijing time' },
  'Asia/Harbin': { 'zh-CN': '北京时间', 'en-US': 'Beijing time' },
  'Asia/Hong_Kong': { 'zh-CN': '香港时间', 'en-US': 'Hong Kong time' },
  'Asia/Macau': { 'zh-CN': '澳门时间', 'en-US': 'Macau time' },
  'Asia/Taipei': { 'zh-CN': '台北时间', 'en-US': 'Taipei time' },
  UTC: { 'zh-CN': '协调世界时', 'en-US': 'UTC' },
};

export const timeZoneLabel = (zone: string, locale: Locale): string => TIME_ZONE_LABELS[zone]?.[locale] ?? zone;
