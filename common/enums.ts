/** Roles a user may hold; each grant is scoped to an org-unit subtree. */
export const ROLES = ['admin', 'bureau', 'leader', 'department', 'enterprise', 'expert', 'bank', 'provider', 'team', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Levels of the administrative hierarchy, top down. */
export const ORG_LEVELS = ['province', 'prefecture', 'county', 'township', 'park'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const ROLE_LABELS: Record<Role, { 'zh-CN': string; 'en-US': string }> = {
  admin: { 'zh-CN': '系统管理员', 'en-US': 'Administrator' },
  bureau: { 'zh-CN': '科技局业务人员', 'en-US': 'Bureau operator' },
  leader: { 'zh-CN': '领导（只读）', 'en-US': 'Leader (read-only)' },
  department: { 'zh-CN': '部门填报人', 'en-US': 'Department (data submitter)' },
  enterprise: { 'zh-CN': '企业用户', 'en-US': 'Enterprise' },
  expert: { 'zh-CN': '评审专家', 'en-US': 'Expert' },
  bank: { 'zh-CN': '合作银行', 'en-US': 'Bank' },
  provider: { 'zh-CN': '服务机构', 'en-US': 'Service provider' },
  team: { 'zh-CN': '揭榜团队', 'en-US': 'Challenge team' },
  auditor: { 'zh-CN': '审计人员（只读）', 'en-US': 'Auditor (read-only)' },
};

export const ORG_LEVEL_LABELS: Record<OrgLevel, { 'zh-CN': string; 'en-US': string }> = {
  province: { 'zh-CN': '省级', 'en-US': 'Province' },
  prefecture: { 'zh-CN': '地市级', 'en-US': 'Prefecture' },
  county: { 'zh-CN': '区县级', 'en-US': 'District / county' },
  township: { 'zh-CN': '乡镇街道', 'en-US': 'Town / street / township' },
  park: { 'zh-CN': '园区', 'en-US': 'Industrial park' },
};
