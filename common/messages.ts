import type { Locale } from './enums.js';

type Dict = Record<string, { 'zh-CN': string; 'en-US': string }>;

/** Labels of request fields, so a 400 names the field the way the form does. */
export const FIELD_LABELS: Dict = {
  username: { 'zh-CN': '用户名', 'en-US': 'username' },
  password: { 'zh-CN': '密码', 'en-US': 'password' },
  currentPassword: { 'zh-CN': '当前密码', 'en-US': 'current password' },
  newPassword: { 'zh-CN': '新密码', 'en-US': 'new password' },
  displayName: { 'zh-CN': '姓名', 'en-US': 'display name' },
  locale: { 'zh-CN': '界面语言', 'en-US': 'language' },
  roles: { 'zh-CN': '角色', 'en-US': 'roles' },
  role: { 'zh-CN': '角色', 'en-US': 'role' },
  orgUnitCode: { 'zh-CN': '所属区划', 'en-US': 'org unit' },
  disabled: { 'zh-CN': '停用', 'en-US': 'disabled' },
  code: { 'zh-CN': '区划代码', 'en-US': 'code' },
  name: { 'zh-CN': '名称', 'en-US': 'name' },
  level: { 'zh-CN': '层级', 'en-US': 'level' },
  parentCode: { 'zh-CN': '上级区划', 'en-US': 'parent' },
  aliases: { 'zh-CN': '别名', 'en-US': 'aliases' },
  validFrom: { 'zh-CN': '生效日期', 'en-US': 'valid from' },
  validTo: { 'zh-CN': '失效日期', 'en-US': 'valid to' },
  q: { 'zh-CN': '查询内容', 'en-US': 'query' },
  within: { 'zh-CN': '范围', 'en-US': 'within' },
  from: { 'zh-CN': '开始日期', 'en-US': 'from' },
  to: { 'zh-CN': '结束日期', 'en-US': 'to' },
  page: { 'zh-CN': '页码', 'en-US': 'page' },
  pageSize: { 'zh-CN': '每页条数', 'en-US': 'page size' },
  entity: { 'zh-CN': '对象类型', 'en-US': 'entity' },
  entityId: { 'zh-CN': '对象编号', 'en-US': 'entity id' },
  id: { 'zh-CN': '编号', 'en-US': 'id' },
  body: { 'zh-CN': '请求内容', 'en-US': 'request body' },
};

/** Error messages by code; {name} placeholders are filled from params. */
export const ERROR_MESSAGES: Dict = {
  bad_json: { 'zh-CN': '请求内容不是有效的 JSON', 'en-US': 'The request body is not valid JSON' },
  validation: { 'zh-CN': '字段“{field}”：{problem}', 'en-US': 'Field "{field}": {problem}' },
  not_found: { 'zh-CN': '未找到：{what}', 'en-US': 'Not found: {what}' },
  route_not_found: { 'zh-CN': '接口不存在：{method} {url}', 'en-US': 'No such endpoint: {method} {url}' },
  payload_too_large: { 'zh-CN': '请求内容过大（上限 {limit} 字节）', 'en-US': 'Request body too large (limit {limit} bytes)' },
  unauthenticated: { 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  session_expired: { 'zh-CN': '登录已过期，请重新登录', 'en-US': 'Your session has expired; please sign in again' },
  forbidden: { 'zh-CN': '没有权限执行此操作', 'en-US': 'You are not allowed to do this' },
  forbidden_scope: {
    'zh-CN': '没有权限：区划“{unit}”不在您的管辖范围内',
    'en-US': 'Not allowed: org unit "{unit}" is outside your scope',
  },
  csrf: {
    'zh-CN': '安全校验失败（缺少或错误的 CSRF 令牌），请刷新页面后重试',
    'en-US': 'Security check failed (missing or wrong CSRF token); reload the page and try again',
  },
  bad_credentials: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  too_many_attempts: {
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试',
    'en-US': 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  password_too_short: {
    'zh-CN': '字段“{field}”：至少 {min} 个字符',
    'en-US': 'Field "{field}": must be at least {min} characters',
  },
  password_too_common: {
    'zh-CN': '字段“{field}”：该密码过于常见，请换一个更难猜的密码',
    'en-US': 'Field "{field}": this password is too common; choose one that is harder to guess',
  },
  password_contains_username: {
    'zh-CN': '字段“{field}”：密码不能包含用户名',
    'en-US': 'Field "{field}": the password must not contain the username',
  },
  wrong_current_password: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  username_taken: { 'zh-CN': '用户名“{username}”已被使用', 'en-US': 'Username "{username}" is already taken' },
  org_code_taken: { 'zh-CN': '区划代码“{code}”已存在', 'en-US': 'Org unit code "{code}" already exists' },
  unknown_org_unit: { 'zh-CN': '字段“{field}”：区划代码“{code}”不存在', 'en-US': 'Field "{field}": org unit "{code}" does not exist' },
  org_cycle: {
    'zh-CN': '字段“上级区划”：不能把区划移到它自己或它的下级之下',
    'en-US': 'Field "parent": a unit cannot be moved under itself or its own descendant',
  },
  org_level_order: {
    'zh-CN': '字段“层级”：{level} 不能位于 {parentLevel} 之下',
    'en-US': 'Field "level": {level} cannot sit under {parentLevel}',
  },
  org_validity: { 'zh-CN': '字段“失效日期”：不能早于生效日期', 'en-US': 'Field "valid to": must not be before "valid from"' },
  cannot_disable_self: { 'zh-CN': '不能停用自己的账号', 'en-US': 'You cannot disable your own account' },
  cannot_remove_own_admin: {
    'zh-CN': '不能移除自己的管理员角色',
    'en-US': 'You cannot remove your own administrator role',
  },
  last_admin: {
    'zh-CN': '至少需要保留一个可用的管理员账号',
    'en-US': 'At least one active administrator must remain',
  },
  internal: { 'zh-CN': '服务器内部错误（请求编号 {requestId}）', 'en-US': 'Internal server error (request {requestId})' },
};

/** Localised descriptions of zod issue kinds. */
export const PROBLEMS: Dict = {
  required: { 'zh-CN': '必填', 'en-US': 'is required' },
  type: { 'zh-CN': '应为{expected}', 'en-US': 'must be {expected}' },
  too_short: { 'zh-CN': '至少 {min} 个字符', 'en-US': 'must be at least {min} characters' },
  too_long: { 'zh-CN': '最多 {max} 个字符', 'en-US': 'must be at most {max} characters' },
  too_few: { 'zh-CN': '至少 {min} 项', 'en-US': 'needs at least {min} items' },
  too_many: { 'zh-CN': '最多 {max} 项', 'en-US': 'allows at most {max} items' },
  too_small: { 'zh-CN': '不能小于 {min}', 'en-US': 'must be at least {min}' },
  too_big: { 'zh-CN': '不能大于 {max}', 'en-US': 'must be at most {max}' },
  format: { 'zh-CN': '格式不正确', 'en-US': 'has the wrong format' },
  date: { 'zh-CN': '应为 YYYY-MM-DD 格式的日期', 'en-US': 'must be a date as YYYY-MM-DD' },
  one_of: { 'zh-CN': '应为以下之一：{options}', 'en-US': 'must be one of: {options}' },
  unknown_key: { 'zh-CN': '不认识的字段', 'en-US': 'is not a known field' },
  invalid: { 'zh-CN': '无效', 'en-US': 'is invalid' },
};

export const TYPE_NAMES: Dict = {
  string: { 'zh-CN': '文本', 'en-US': 'text' },
  number: { 'zh-CN': '数字', 'en-US': 'a number' },
  boolean: { 'zh-CN': '是/否', 'en-US': 'true or false' },
  array: { 'zh-CN': '列表', 'en-US': 'a list' },
  object: { 'zh-CN': '对象', 'en-US': 'an object' },
};

export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function translate(dict: Dict, key: string, locale: Locale, params?: Record<string, unknown>): string {
  const entry = dict[key];
  if (!entry) return key;
  return fill(entry[locale], params);
}

export function fieldLabel(path: string, locale: Locale): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  const label = FIELD_LABELS[last]?.[locale] ?? last;
  const rowIdx = path.split('.').find((p) => /^\d+$/.test(p));
  if (rowIdx === undefined) return label;
  const n = Number(rowIdx) + 1;
  return locale === 'zh-CN' ? `第 ${n} 项的${label}` : `${label} of item ${n}`;
}
