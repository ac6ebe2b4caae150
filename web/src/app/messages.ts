import type { FeatureMessageKey } from './dictionaries';

export interface Entry {
  zh: string;
  en: string;
}

/** A feature's strings: key → both languages. */
export type Dictionary = Record<string, Entry>;

/**
 * The strings of the app shell (name, language switch, layout, menu, sign-in, password, error pages and the
 * `common.*` words every page uses), loaded with the login page. Every other string lives with its feature
 * (features/<feature>/messages.ts, components/messages.ts) and is loaded with that feature's lazy pages
 * (app/dictionaries.ts). Server error messages are not here: the server localises them itself
 * (X-Kechuang-Locale). {name} placeholders and {n, plural, …} forms are filled by t(key, params).
 */
export const shellMessages = {
  'app.name': { zh: '科创治理平台', en: 'Kechuang' },
  'app.tagline': { zh: '县域科技创新治理', en: 'Science & technology innovation governance' },
  'lang.switch': { zh: 'English', en: '中文' },
  'lang.switchTitle': { zh: '切换为英文界面', en: '切换为中文界面' },
  'locale.zh-CN': { zh: '中文（简体）', en: 'Chinese (Simplified)' },
  'locale.en-US': { zh: '英文', en: 'English' },

  'common.loading': { zh: '加载中…', en: 'Loading…' },
  'common.save': { zh: '保存', en: 'Save' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.close': { zh: '关闭', en: 'Close' },
  'common.ok': { zh: '确定', en: 'OK' },
  'common.actions': { zh: '操作', en: 'Actions' },
  'common.search': { zh: '查询', en: 'Search' },
  'common.reset': { zh: '重置', en: 'Reset' },
  'common.none': { zh: '无', en: 'None' },
  'common.copy': { zh: '复制', en: 'Copy' },
  'common.copied': { zh: '已复制', en: 'Copied' },
  'common.copyFailed': { zh: '无法自动复制，请手动选中后复制', en: 'Could not copy automatically; select the text and copy it' },
  'common.requestId': { zh: '请求编号：{id}', en: 'Request ID: {id}' },
  'common.total': { zh: '共 {total} 条', en: '{total} in total' },
  'common.backHome': { zh: '返回首页', en: 'Back to home' },
  'common.reload': { zh: '刷新页面', en: 'Reload the page' },
  'common.retry': { zh: '重试', en: 'Try again' },
  'common.saved': { zh: '已保存', en: 'Saved' },
  'common.formHasErrors': { zh: '请检查表单中标红的字段', en: 'Please check the fields marked in red' },

  'nav.label': { zh: '主导航', en: 'Main navigation' },
  'nav.orgUnits': { zh: '区划管理', en: 'Org units' },
  'nav.users': { zh: '用户管理', en: 'Users' },
  'nav.audit': { zh: '审计日志', en: 'Audit log' },

  'layout.userMenu': { zh: '用户菜单：{name}', en: 'User menu: {name}' },
  'layout.changePassword': { zh: '修改密码', en: 'Change password' },
  'layout.logout': { zh: '退出登录', en: 'Sign out' },
  'layout.mustChange': {
    zh: '为了账号安全，请先修改密码，然后才能使用其他功能。',
    en: 'For the safety of your account, change your password before using anything else.',
  },

  'login.title': { zh: '登录', en: 'Sign in' },
  'login.subtitle': { zh: '请使用分配给您的账号登录', en: 'Sign in with the account you were given' },
  'login.username': { zh: '用户名', en: 'Username' },
  'login.password': { zh: '密码', en: 'Password' },
  'login.submit': { zh: '登录', en: 'Sign in' },
  'login.usernameRequired': { zh: '请输入用户名', en: 'Enter your username' },
  'login.passwordRequired': { zh: '请输入密码', en: 'Enter your password' },

  'password.title': { zh: '修改密码', en: 'Change password' },
  'password.current': { zh: '当前密码', en: 'Current password' },
  'password.new': { zh: '新密码', en: 'New password' },
  'password.confirm': { zh: '确认新密码', en: 'Confirm the new password' },
  'password.hint': {
    zh: '至少 {min} 个字符，不能包含用户名，也不要使用常见密码',
    en: 'At least {min} characters, without your username, and not a common password',
  },
  'password.currentRequired': { zh: '请输入当前密码', en: 'Enter your current password' },
  'password.newRequired': { zh: '请输入新密码', en: 'Enter a new password' },
  'password.tooShort': { zh: '至少 {min} 个字符', en: 'At least {min} characters' },
  'password.mismatch': { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  'password.sameAsCurrent': { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  'password.mustChange': {
    zh: '这是管理员为您设置的初始密码。请先设置一个只有您知道的新密码，然后才能使用系统。',
    en: 'This is the initial password an administrator set for you. Choose a new one only you know before you use the system.',
  },
  'password.submit': { zh: '修改密码', en: 'Change password' },
  'password.done': { zh: '密码已修改', en: 'Your password has been changed' },
  'password.otherSessions': {
    zh: '修改后，您在其他设备上的登录会失效，需要用新密码重新登录。',
    en: 'Afterwards, your sign-ins on other devices end and need the new password.',
  },

  'error.notFound.title': { zh: '页面不存在', en: 'Page not found' },
  'error.notFound.text': { zh: '您访问的页面不存在，或已被移动。', en: 'The page you asked for does not exist or has moved.' },
  'error.forbidden.title': { zh: '没有权限', en: 'No permission' },
  'error.forbidden.text': {
    zh: '您的账号没有使用此功能的权限。如确需使用，请联系系统管理员开通。',
    en: 'Your account may not use this. If you need it, ask your administrator for access.',
  },
  'error.forbidden.page': { zh: '此页面仅对 {roles} 开放。', en: 'This page is open only to: {roles}.' },
  'error.forbidden.yours': { zh: '您的角色：{mine}。', en: 'Your roles: {mine}.' },
  'error.forbidden.none': {
    zh: '您的角色目前没有可使用的页面。',
    en: 'Your roles have no page to use yet.',
  },
  'error.forbidden.ask': {
    zh: '如需访问，请联系本单位系统管理员。',
    en: 'If you need access, ask the administrator of your unit.',
  },
  'error.forbidden.listSep': { zh: '、', en: ', ' },
  'error.generic.title': { zh: '出错了', en: 'Something went wrong' },
  'error.generic.text': { zh: '页面出现错误，请稍后重试。', en: 'The page ran into an error; please try again.' },
  'error.network': { zh: '无法连接服务器，请检查网络后重试。', en: 'Cannot reach the server; check the network and try again.' },
  'error.chunk': {
    zh: '页面资源加载失败，可能是系统刚刚更新。请刷新页面。',
    en: 'Part of the page failed to load, perhaps because the system was just updated. Please reload the page.',
  },
  'nav.dashboard': { zh: '监测总览', en: 'Dashboard' },
  'nav.plan': { zh: '规划内容', en: 'Plan' },
  'nav.consistency': { zh: '规划一致性', en: 'Plan consistency' },
  'nav.dataEntry': { zh: '数据填报', en: 'Data entry' },

  'common.exportExcel': { zh: '导出 Excel', en: 'Export to Excel' },
  'common.unit': { zh: '单位', en: 'Unit' },
  'common.sep': { zh: '，', en: ', ' },
  'common.listSep': { zh: '、', en: ', ' },
  'common.semi': { zh: '；', en: '; ' },
  'nav.registry': { zh: '创新主体', en: 'Registry' },
  'nav.my': { zh: '我的企业', en: 'My enterprise' },
  'common.yes': { zh: '是', en: 'Yes' },
  'common.no': { zh: '否', en: 'No' },
  'common.edit': { zh: '编辑', en: 'Edit' },
  'common.toPresent': { zh: '至今', en: 'present' },
  'common.dateRange': { zh: '{from} 至 {to}', en: '{from} to {to}' },
  'nav.policies': { zh: '政策目录', en: 'Policies' },
  'nav.claims': { zh: '兑现申领', en: 'Claims' },
  'nav.ledger': { zh: '预算与台账', en: 'Budgets & ledger' },
  'nav.benchmarks': { zh: '区域对标', en: 'Benchmarking' },
  'nav.statsImport': { zh: '统计数据导入', en: 'Statistics import' },
  'nav.compositeIndex': { zh: '综合指数', en: 'Composite index' },
  'nav.projects': { zh: '项目管理', en: 'Projects' },
  'nav.experts': { zh: '评审专家库', en: 'Expert pool' },
  'nav.reviews': { zh: '我的评审', en: 'My reviews' },

  'nav.challenges': { zh: '揭榜挂帅', en: 'Open challenges' },
} satisfies Dictionary;

/** Every key of the shell and of every feature dictionary (type only: no dictionary is imported here). */
export type MessageKey = keyof typeof shellMessages | FeatureMessageKey;

/** The strings loaded so far: the shell's, then each feature's as its pages load. */
const loaded = new Map<string, Entry>(Object.entries(shellMessages));

/** Adds a feature's dictionary (done by app/dictionaries.ts before the feature's page renders). */
export function registerMessages(dictionary: Dictionary): void {
  for (const [key, entry] of Object.entries(dictionary)) loaded.set(key, entry);
}

/** The entry of a key, if its dictionary is loaded. */
export function messageEntry(key: string): Entry | undefined {
  return loaded.get(key);
}

/** Whether a key built at run time (an audit action, a condition code) has a loaded string. */
export function isMessageKey(key: string): key is MessageKey {
  return loaded.has(key);
}
