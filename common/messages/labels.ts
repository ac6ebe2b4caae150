import type { Dict } from './dict.js';

/** Labels of the status codes messages name (calls, applications, reviews, payments, reports, conflicts). */
export const STATUS_LABELS: Dict = {
  draft: { 'zh-CN': '草稿', 'en-US': 'draft' },
  published: { 'zh-CN': '已发布', 'en-US': 'published' },
  closed: { 'zh-CN': '已截止', 'en-US': 'closed' },
  decided: { 'zh-CN': '已决策', 'en-US': 'decided' },
  submitted: { 'zh-CN': '已提交', 'en-US': 'submitted' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'withdrawn' },
  returned: { 'zh-CN': '退回修改', 'en-US': 'returned for changes' },
  accepted: { 'zh-CN': '已受理', 'en-US': 'accepted' },
  rejected: { 'zh-CN': '未通过', 'en-US': 'rejected' },
  under_review: { 'zh-CN': '评审中', 'en-US': 'under review' },
  scored: { 'zh-CN': '已评分', 'en-US': 'scored' },
  consensus: { 'zh-CN': '待协商', 'en-US': 'consensus needed' },
  approved: { 'zh-CN': '已批准', 'en-US': 'approved' },
  not_funded: { 'zh-CN': '未立项', 'en-US': 'not funded' },
  contracted: { 'zh-CN': '已签合同', 'en-US': 'contracted' },
  completed: { 'zh-CN': '已验收', 'en-US': 'completed' },
  terminated: { 'zh-CN': '已终止', 'en-US': 'terminated' },
  assigned: { 'zh-CN': '待评分', 'en-US': 'to be scored' },
  declined: { 'zh-CN': '已谢绝', 'en-US': 'declined' },
  replaced: { 'zh-CN': '已撤换', 'en-US': 'replaced' },
  superseded: { 'zh-CN': '已作废', 'en-US': 'superseded' },
  open: { 'zh-CN': '待处理', 'en-US': 'open' },
  upheld: { 'zh-CN': '成立', 'en-US': 'upheld' },
  scheduled: { 'zh-CN': '待条件满足', 'en-US': 'scheduled' },
  released: { 'zh-CN': '可拨付', 'en-US': 'released' },
  held: { 'zh-CN': '暂停拨付', 'en-US': 'held' },
  paid: { 'zh-CN': '已拨付', 'en-US': 'paid' },
  due: { 'zh-CN': '待提交', 'en-US': 'due' },
  suggested: { 'zh-CN': '待确认', 'en-US': 'suggested' },
  confirmed: { 'zh-CN': '已确认', 'en-US': 'confirmed' },
  dismissed: { 'zh-CN': '已排除', 'en-US': 'dismissed' },
};

/**
 * An entity's own words for a status, where they differ from the common ones (STATUS_LABELS): an application is
 * 已立项, not 已批准; an objection is 异议不成立, not a dismissed conflict. A message names the entity in its
 * `of` parameter (`{status|status}` reads it).
 */
export const ENTITY_STATUS_LABELS: Record<string, Dict> = {
  application: {
    approved: { 'zh-CN': '已立项', 'en-US': 'approved' },
    rejected: { 'zh-CN': '不予受理', 'en-US': 'rejected' },
  },
  objection: {
    upheld: { 'zh-CN': '异议成立', 'en-US': 'upheld' },
    dismissed: { 'zh-CN': '异议不成立', 'en-US': 'dismissed' },
  },
};

/** The review stages messages name (`{stage|stage}`): the application review, the mid-term check, acceptance. */
export const STAGE_LABELS: Dict = {
  review: { 'zh-CN': '立项评审', 'en-US': 'application review' },
  midterm: { 'zh-CN': '中期检查', 'en-US': 'mid-term check' },
  acceptance: { 'zh-CN': '验收', 'en-US': 'acceptance' },
};

/** Labels of the actions messages name ("cannot …"). */
export const ACTION_LABELS: Dict = {
  published: { 'zh-CN': '发布', 'en-US': 'publish' },
  closed: { 'zh-CN': '截止申报', 'en-US': 'close' },
  edit: { 'zh-CN': '修改', 'en-US': 'edit' },
  attach: { 'zh-CN': '上传附件', 'en-US': 'attach a file' },
  submit: { 'zh-CN': '提交', 'en-US': 'submit' },
  withdraw: { 'zh-CN': '撤回', 'en-US': 'withdraw' },
  accept: { 'zh-CN': '受理', 'en-US': 'accept' },
  return: { 'zh-CN': '退回修改', 'en-US': 'return for changes' },
  reject: { 'zh-CN': '不予通过', 'en-US': 'reject' },
  draw: { 'zh-CN': '抽取专家', 'en-US': 'draw reviewers' },
  score: { 'zh-CN': '评分', 'en-US': 'score' },
  consensus: { 'zh-CN': '协商定分', 'en-US': 'record a consensus' },
  approve: { 'zh-CN': '批准', 'en-US': 'approve' },
  decide: { 'zh-CN': '立项决策', 'en-US': 'decide' },
  contract: { 'zh-CN': '记录合同签订', 'en-US': 'record the contract' },
  pay: { 'zh-CN': '拨付', 'en-US': 'pay' },
  midterm: { 'zh-CN': '安排中期检查', 'en-US': 'schedule a mid-term check' },
  letter: { 'zh-CN': '生成通知书', 'en-US': 'issue the letter' },
  download: { 'zh-CN': '下载附件', 'en-US': 'download attachments' },
  decline: { 'zh-CN': '谢绝评审', 'en-US': 'decline the review' },
  swap: { 'zh-CN': '替换专家', 'en-US': 'replace the expert' },
  notice: { 'zh-CN': '发布立项公示', 'en-US': 'publish the approval notice' },
  resolve: { 'zh-CN': '处理异议', 'en-US': 'resolve the objection' },
  panel: { 'zh-CN': '抽取专家组', 'en-US': 'draw a panel' },
};

/**
 * Items a message lists by code (`{items|list}`): what a submission found missing, why an applicant is not
 * eligible. An item is a code of this table, `{ code, params }`, or a label the data carries in both languages
 * (a call's own form fields and attachments).
 */
export const LIST_ITEM_LABELS: Dict = {
  team_leader: { 'zh-CN': '团队负责人', 'en-US': 'the team leader' },
  team_contact: { 'zh-CN': '团队联系方式', 'en-US': 'the team contact' },
  registered_enterprise: { 'zh-CN': '须以登记在册的企业申报', 'en-US': 'apply as a registered enterprise' },
  registered_in_region: { 'zh-CN': '企业须在本区域注册', 'en-US': 'the enterprise must be registered in the region' },
  valid_qualification: {
    'zh-CN': '须持有有效资质之一：{types}',
    'en-US': 'a valid qualification is required (any of: {types})',
  },
  // A threshold an application missed (common/review/decision.ts missItems): 创新性 55 < 60, 总分 58 < 60.
  miss_criterion: { 'zh-CN': '{name} {value} < {threshold}', 'en-US': '{name} {value} < {threshold}' },
  miss_total: { 'zh-CN': '总分 {value} < {threshold}', 'en-US': 'total {value} < {threshold}' },
  // An application that keeps a call from being decided (blockerItems): “标题”（评审中）, and how many more.
  blocker: { 'zh-CN': '“{title}”（{status|status}）', 'en-US': '"{title}" ({status|status})' },
  blocker_more: { 'zh-CN': '另 {n} 个', 'en-US': '{n} more' },
};
