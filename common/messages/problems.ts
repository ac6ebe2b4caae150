import type { Dict } from './dict.js';

/** Localised descriptions of zod issue kinds. */
export const PROBLEMS: Dict = {
  weights_100: { 'zh-CN': '各项权重合计须为 100 %', 'en-US': 'the weights must sum to 100 %' },
  closes_before_opens: { 'zh-CN': '截止日期早于开始日期', 'en-US': 'closes before it opens' },
  whole_fen: { 'zh-CN': '金额须为整数分', 'en-US': 'must be a whole number of fen' },
  budget_range: {
    'zh-CN': '须在 1 分至 100 000 000 000 分（10 亿元）之间',
    'en-US': 'must be between 1 and 100 000 000 000 fen (¥1 billion)',
  },
  required: { 'zh-CN': '必填', 'en-US': 'is required' },
  type: { 'zh-CN': '应为{expected}', 'en-US': 'must be {expected}' },
  too_short: { 'zh-CN': '至少 {min} 个字符', 'en-US': 'must be at least {min} characters' },
  too_long: { 'zh-CN': '最多 {max} 个字符', 'en-US': 'must be at most {max} characters' },
  too_few: { 'zh-CN': '至少 {min} 项', 'en-US': 'needs at least {min} items' },
  too_many: { 'zh-CN': '最多 {max} 项', 'en-US': 'allows at most {max} items' },
  too_small: { 'zh-CN': '不能小于 {min}', 'en-US': 'must be at least {min}' },
  too_big: { 'zh-CN': '不能大于 {max}', 'en-US': 'must be at most {max}' },
  format: { 'zh-CN': '格式不正确', 'en-US': 'has the wrong format' },
  date: { 'zh-CN': '应为 YYYY-MM-DD 格式的有效日期', 'en-US': 'must be a real date as YYYY-MM-DD' },
  control_char: {
    'zh-CN': '含有不允许的控制字符（如 NUL）',
    'en-US': 'contains a control character that is not allowed (such as NUL)',
  },
  one_of: { 'zh-CN': '应为以下之一：{options}', 'en-US': 'must be one of: {options}' },
  unknown_key: { 'zh-CN': '不认识的字段', 'en-US': 'is not a known field' },
  empty_patch: { 'zh-CN': '至少修改一项', 'en-US': 'change at least one field' },
  invalid: { 'zh-CN': '无效', 'en-US': 'is invalid' },
  // A patent number's own check (validatePatentNumber's errors; `expected` is the right check digit).
  patent_format: { 'zh-CN': '格式应如 202110123456.7', 'en-US': 'format like 202110123456.7' },
  patent_year: { 'zh-CN': '申请年份不对', 'en-US': 'wrong year' },
  patent_type: { 'zh-CN': '第 5 位专利类型码不对', 'en-US': 'wrong type digit' },
  patent_check: { 'zh-CN': '校验位不对 → {expected}', 'en-US': 'wrong check digit → {expected}' },
  patent_missing_check: { 'zh-CN': '缺少校验位 → {expected}', 'en-US': 'check digit missing → {expected}' },
};

export const TYPE_NAMES: Dict = {
  string: { 'zh-CN': '文本', 'en-US': 'text' },
  number: { 'zh-CN': '数字', 'en-US': 'a number' },
  boolean: { 'zh-CN': '是/否', 'en-US': 'true or false' },
  array: { 'zh-CN': '列表', 'en-US': 'a list' },
  object: { 'zh-CN': '对象', 'en-US': 'an object' },
};
