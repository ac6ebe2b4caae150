import type { Dict } from '../dict.js';

/** Error messages: Requests, sign-in, passwords, users and org units. */
export const accessErrors: Dict = {
  bad_json: { 'zh-CN': '请求内容不是有效的 JSON', 'en-US': 'The request body is not valid JSON' },
  validation: { 'zh-CN': '字段“{field}”：{problem}', 'en-US': 'Field "{field}": {problem}' },
  not_found: { 'zh-CN': '未找到：{what}', 'en-US': 'Not found: {what}' },
  route_not_found: { 'zh-CN': '接口不存在：{method} {url}', 'en-US': 'No such endpoint: {method} {url}' },
  payload_too_large: { 'zh-CN': '请求内容过大（上限 {limit}）', 'en-US': 'Request body too large (limit {limit})' },
  unauthenticated: { 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  session_expired: { 'zh-CN': '登录已过期，请重新登录', 'en-US': 'Your session has expired; please sign in again' },
  forbidden: { 'zh-CN': '没有权限执行此操作', 'en-US': 'You are not allowed to do this' },
  forbidden_scope: {
    'zh-CN': '没有权限：区划“{unit}”不在您的管辖范围内',
    'en-US': 'Not allowed: org unit "{unit}" is outside your scope',
  },
  must_change_password: {
    'zh-CN': '请先修改初始密码，然后才能继续使用系统',
    'en-US': 'Please change your initial password before you continue',
  },
  csrf: {
    'zh-CN': '安全校验失败（缺少或错误的 CSRF 令牌），请刷新页面后重试',
    'en-US': 'Security check failed (missing or wrong CSRF token); reload the page and try again',
  },
  bad_credentials: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  too_many_attempts: {
    'zh-CN': '密码错误次数过多，请 {minutes} 分钟后再试',
    'en-US': 'Too many wrong passwords; try again in {minutes} minutes',
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
  password_unchanged: {
    'zh-CN': '字段“{field}”：新密码不能与当前密码相同',
    'en-US': 'Field "{field}": the new password must differ from the current one',
  },
  rate_limited: {
    'zh-CN': '请求过于频繁，请 {seconds} 秒后再试',
    'en-US': 'Too many requests; try again in {seconds} seconds',
  },
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
  expert_link_without_role: {
    'zh-CN': '字段“{field}”：只有具有专家角色的用户才能关联专家库条目',
    'en-US': 'Field "{field}": only a user with the expert role can be linked to an expert pool entry',
  },
  expert_entry_taken: {
    'zh-CN': '字段“{field}”：专家“{name}”已关联其他用户账号',
    'en-US': 'Field "{field}": expert "{name}" is already linked to another user',
  },
  expert_entry_outside: {
    'zh-CN': '字段“{field}”：专家“{name}”不在专家角色所属区划“{unit}”的专家库中',
    'en-US': 'Field "{field}": expert "{name}" is not in the pool of the expert role’s org unit "{unit}"',
  },
  user_already_expert: {
    'zh-CN': '字段“{field}”：该用户已关联专家库条目“{name}”',
    'en-US': 'Field "{field}": this user is already linked to expert pool entry "{name}"',
  },
  invitation_nothing: {
    'zh-CN': '所选企业都已有企业用户，没有需要邀请的企业',
    'en-US': 'Every selected enterprise already has an enterprise user; there is nobody to invite',
  },
  invitation_too_many: {
    'zh-CN': '一次最多邀请 {max} 家企业，请选择更小的区划或部分企业',
    'en-US': 'At most {max} enterprises can be invited at once; choose a smaller unit or fewer enterprises',
  },
  invitation_rows: {
    'zh-CN': '有 {n} 家企业无法邀请，未创建任何用户',
    'en-US': 'Enterprises that cannot be invited: {n}; no user was created',
  },
  invitation_unknown_enterprise: {
    'zh-CN': '{field}：企业不存在或不在区划“{unit}”内',
    'en-US': '{field}: no such enterprise in org unit "{unit}"',
  },
  invitation_username_taken: {
    'zh-CN': '{field}：企业“{name}”的用户名“{username}”已被其他用户使用',
    'en-US': '{field}: the username "{username}" for "{name}" is taken by another user',
  },
  last_admin: {
    'zh-CN': '至少需要保留一个可用的管理员账号',
    'en-US': 'At least one active administrator must remain',
  },
};
