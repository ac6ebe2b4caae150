import type { Dict } from './dict.js';

/** The workbook of a bulk invitation of enterprise users: its sheets and columns. */
export const INVITATION_LABELS: Dict = {
  sheet: { 'zh-CN': '企业用户', 'en-US': 'Enterprise users' },
  notesSheet: { 'zh-CN': '说明', 'en-US': 'Notes' },
  enterprise: { 'zh-CN': '企业名称', 'en-US': 'Enterprise' },
  creditCode: { 'zh-CN': '统一社会信用代码', 'en-US': 'Credit code' },
  orgUnit: { 'zh-CN': '所在区划', 'en-US': 'Org unit' },
  contactName: { 'zh-CN': '联系人', 'en-US': 'Contact' },
  contactPhone: { 'zh-CN': '联系电话', 'en-US': 'Phone' },
  username: { 'zh-CN': '用户名', 'en-US': 'Username' },
  password: { 'zh-CN': '一次性密码', 'en-US': 'One-time password' },
  note1: {
    'zh-CN': '每个密码只能使用一次：企业用户首次登录后必须设置新密码。',
    'en-US': 'Each password works once: the enterprise user must set a new password at first sign-in.',
  },
  note2: {
    'zh-CN': '本文件含有密码，请分别告知各企业联系人，分发后删除本文件；系统不再保存这些密码。',
    'en-US': 'This file holds passwords: give each contact their own, then delete the file; the system does not keep them.',
  },
  note3: { 'zh-CN': '生成时间：{at}（{unit}）', 'en-US': 'Created {at} ({unit})' },
  fileName: { 'zh-CN': '企业用户邀请-{unit}.xlsx', 'en-US': 'enterprise-invitations-{unit}.xlsx' },
};
