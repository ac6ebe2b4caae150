import type { Dict } from '../dict.js';

/** Error messages: The registry of enterprises, qualifications and patents. */
export const registryErrors: Dict = {
  credit_code_length: {
    'zh-CN': '字段“{field}”：统一社会信用代码应为 18 位，现为 {n} 位',
    'en-US': 'Field "{field}": a unified social credit code has 18 characters, not {n}',
  },
  credit_code_charset: {
    'zh-CN': '字段“{field}”：第 {position} 位“{char}”不是有效字符（代码不使用 I、O、S、V、Z）',
    'en-US': 'Field "{field}": character {position} "{char}" is not allowed (codes never use I, O, S, V, Z)',
  },
  credit_code_check: {
    'zh-CN': '字段“{field}”：第 18 位校验码应为“{expected}”，现为“{actual}”，请核对前 17 位',
    'en-US': 'Field "{field}": the check character (position 18) should be "{expected}", not "{actual}"; check the first 17',
  },
  enterprise_duplicate: {
    'zh-CN': '字段“{field}”：统一社会信用代码“{code}”已登记（{name}）',
    'en-US': 'Field "{field}": credit code "{code}" is already registered ({name})',
  },
  unknown_enterprise: {
    'zh-CN': '字段“{field}”：没有统一社会信用代码为“{code}”的登记企业',
    'en-US': 'Field "{field}": no registered enterprise has credit code "{code}"',
  },
  unknown_type: { 'zh-CN': '字段“{field}”：类型“{code}”不存在', 'en-US': 'Field "{field}": there is no type "{code}"' },
  dates_out_of_order: { 'zh-CN': '字段“{field}”：不能早于 {other}', 'en-US': 'Field "{field}": must not be before {other}' },
  not_a_park: { 'zh-CN': '字段“{field}”：“{code}”不是园区', 'en-US': 'Field "{field}": "{code}" is not a park' },
  not_in_scope_unit: { 'zh-CN': '字段“{field}”：区划“{code}”不存在', 'en-US': 'Field "{field}": org unit "{code}" does not exist' },
  patent_number: {
    'zh-CN': '字段“{field}”：专利号“{number}”无效（{problem}）',
    'en-US': 'Field "{field}": patent number "{number}" is invalid ({problem})',
  },
  patent_duplicate: {
    'zh-CN': '字段“{field}”：专利号“{number}”已登记',
    'en-US': 'Field "{field}": patent "{number}" is already registered',
  },
};
