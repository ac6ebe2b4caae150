import type { Dict } from '../dict.js';

/** Error messages: The ledger, policies, claims and their notices. */
export const policiesErrors: Dict = {
  ledger_bad_amount: {
    'zh-CN': '金额必须是正整数（分）：{amount}',
    'en-US': 'The amount must be a positive whole number of fen: {amount}',
  },
  ledger_key_conflict: {
    'zh-CN': '幂等键“{key}”已用于另一笔不同的转账，已拒绝',
    'en-US': 'Idempotency key "{key}" was already used for a different transfer; refused',
  },
  ledger_insufficient_funds: {
    'zh-CN': '预算余额不足，无法支出 {amount} 分；请先追加预算',
    'en-US': 'Not enough budget left for {amount} fen; add budget first',
  },
  ledger_already_resolved: { 'zh-CN': '预留款 {id} 已处理过（已支付或已撤销）', 'en-US': 'Reservation {id} was already posted or voided' },
  ledger_not_pending: { 'zh-CN': '转账 {id} 不是待处理的预留款', 'en-US': 'Transfer {id} is not a pending reservation' },
  ledger_unknown_policy: {
    'zh-CN': '字段“政策”：没有代码为“{code}”的政策或项目指南，未开设任何账户',
    'en-US': 'Field "policy": there is no policy or call with code "{code}"; no account was opened',
  },
  ledger_budget_four_eyes: {
    'zh-CN': '预算须由申请人以外的另一位工作人员审批（双人复核）',
    'en-US': 'A budget is approved by a staff member other than the one who requested it (four eyes)',
  },
  ledger_not_reversible: { 'zh-CN': '只能冲正已入账的转账（{id}）', 'en-US': 'Only a posted transfer can be reversed ({id})' },
  policy_not_found: { 'zh-CN': '找不到政策“{code}”', 'en-US': 'Policy "{code}" not found' },
  policy_version_state: {
    'zh-CN': '该版本当前状态为“{status}”，不能执行此操作',
    'en-US': 'This version is "{status}"; the action is not allowed',
  },
  policy_four_eyes: {
    'zh-CN': '不能审批自己起草或修改过的版本：须由另一位未修改过该版本的工作人员审批',
    'en-US': 'You cannot approve a version you drafted or edited: another staff member who did not edit it must approve it',
  },
  policy_tests_fail: {
    'zh-CN': '{failed} 个测试用例未通过，不能提交审批：{names}',
    'en-US': '{failed} test cases fail; the version cannot be submitted: {names}',
  },
  policy_not_active: {
    'zh-CN': '政策“{code}”没有已审批的版本，或参数待定（{params}），暂不能匹配或兑现',
    'en-US': 'Policy "{code}" has no approved version or has parameters still to be set ({params}); it cannot match or pay yet',
  },
  claim_state: {
    'zh-CN': '该申领当前为“{status}”，不能执行“{action}”',
    'en-US': 'The claim is "{status}"; "{action}" is not possible',
  },
  claim_four_eyes: {
    'zh-CN': '审批人不能是初审人：须由另一位工作人员审批',
    'en-US': 'The approver cannot be the reviewer: another staff member must approve',
  },
  claim_four_eyes_threshold: {
    'zh-CN': '金额超过 {threshold|yuan} 元的申领，须由未审核、未公示、未处理其异议的另一位工作人员审批',
    'en-US':
      'A claim above ¥{threshold|yuan} is approved by a staff member who did not review it, put it on notice or resolve its objections',
  },
  claim_outside_policy: {
    'zh-CN': '企业不在政策“{code}”的适用区划（{unit}）内',
    'en-US': 'The enterprise is outside the area of policy "{code}" ({unit})',
  },
  notice_mixed_units: {
    'zh-CN': '一份公示只列同一单位的政策申领：{units}',
    'en-US': 'A notice lists claims of one owning unit only: {units}',
  },
  claim_notice_open: {
    'zh-CN': '公示期至 {endsOn} 结束，期满且异议处理完毕后才能审批',
    'en-US': 'The public notice runs until {endsOn}; approve after it ends and every objection is resolved',
  },
  claim_objections_open: {
    'zh-CN': '还有 {n} 条异议未处理，不能审批',
    'en-US': '{n} objections are still open; the claim cannot be approved',
  },
  claim_not_eligible: {
    'zh-CN': '按当前数据判定为“{eligibility}”，不能通过审核',
    'en-US': 'With the current data the decision is "{eligibility}"; the claim cannot pass review',
  },
  claim_duplicate: {
    'zh-CN': '该事项已申领过（{key}），不能重复申领',
    'en-US': 'This event was already claimed ({key}); it cannot be claimed twice',
  },
  notice_dates: { 'zh-CN': '公示结束日期不能早于开始日期', 'en-US': 'The notice cannot end before it starts' },
};
