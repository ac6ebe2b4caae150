import type { Dictionary } from '../app/messages';

/** Shared components: filters, value history, value status, demo tag. Loaded with the pages that use it (app/dictionaries.ts). */
export default {
  'filters.orgUnit': { zh: '区划', en: 'Org unit' },
  'filters.year': { zh: '年度', en: 'Year' },
  'filters.yearOption': { zh: '{year} 年', en: '{year}' },
  'filters.noScope': {
    zh: '您的账号没有本规划区域内的相应授权，无法选择区划。如需使用，请联系系统管理员。',
    en: 'Your account has no matching grant inside this plan’s region, so no org unit can be chosen. Ask your administrator if you need one.',
  },

  'history.title': { zh: '修改记录：{name}（{period} 年）', en: 'History: {name} ({period})' },
  'history.hint': {
    zh: '区划 {org} · 年度 {period} · 数据元素 {code}。每次修改都保留为一个版本，最新的在最上面。',
    en: 'Org unit {org} · year {period} · data element {code}. Every change is kept as a version, newest first.',
  },
  'history.version': { zh: '版本', en: 'Version' },
  'history.value': { zh: '数值', en: 'Value' },
  'history.status': { zh: '状态', en: 'Status' },
  'history.source': { zh: '来源', en: 'Source' },
  'history.created': { zh: '填报人 · 时间（{zone}）', en: 'Entered by · at ({zone})' },
  'history.createdBy': { zh: '填报人', en: 'Entered by' },
  'history.createdAt': { zh: '填报时间（{zone}）', en: 'Entered at ({zone})' },
  'history.approved': { zh: '审核人 · 时间（{zone}）', en: 'Approved by · at ({zone})' },
  'history.approvedBy': { zh: '审核人', en: 'Approved by' },
  'history.approvedAt': { zh: '审核时间（{zone}）', en: 'Approved at ({zone})' },
  'history.reason': { zh: '更正原因 / 备注', en: 'Correction reason / note' },
  'history.system': { zh: '（系统）', en: '(system)' },
  'history.user': { zh: '用户 {id}…', en: 'user {id}…' },
  'history.empty': { zh: '还没有任何版本', en: 'No versions yet' },

  'value.status.none': { zh: '未填报', en: 'Not entered' },
  'value.status.draft': { zh: '草稿', en: 'Draft' },
  'value.status.submitted': { zh: '待审核', en: 'Submitted' },
  'value.status.approved': { zh: '已审核', en: 'Approved' },
  'value.source.manual': { zh: '手工填报', en: 'Entered' },
  'value.source.import': { zh: 'Excel 导入', en: 'Excel import' },
  'value.source.computed': { zh: '系统计算', en: 'Computed' },
  'value.source.official': { zh: '官方统计', en: 'Official statistics' },

  // What the policies module says about a decision, a claim or a version (a code and its parameters, issue #13).
  'policyMsg.stacking_not_higher': {
    zh: '就高不重复：同组已有不低于此金额的申领（{best}）',
    en: 'Not stacked: a claim in the same group is at least as high ({best})',
  },
  'policyMsg.stacking_difference': {
    zh: '就高不重复：已兑现 {committed}，补足差额',
    en: 'Not stacked: {committed} already committed; the difference is paid',
  },
  'policyMsg.yearly_cap': { zh: '年度上限 {cap}，本年已用 {used}', en: 'Yearly cap {cap}; {used} used this year' },
  'policyMsg.stacking_superseded': {
    zh: '就高不重复：改按更高的“{policy}”兑现',
    en: 'Not stacked: superseded by the higher claim of “{policy}”',
  },
  'policyMsg.objection_upheld': { zh: '异议成立：{resolution}', en: 'Objection upheld: {resolution}' },
  'policyMsg.seed_catalogue': { zh: '初始目录（金额待定）', en: 'Initial catalogue (amounts to be set)' },
  // How a decision's amount was reached (the engine's codes, AMOUNT_MESSAGE_CODES; amounts from fen, rates in %).
  'policyMsg.not_eligible': { zh: '不符合条件，不予兑现', en: 'Not eligible: nothing is paid' },
  'policyMsg.no_trigger': {
    zh: '登记库中没有触发该政策的事项（{event}）',
    en: 'The register holds no record that triggers this policy ({event})',
  },
  'policyMsg.param_pending': { zh: '参数 {param} 待定，金额尚不能确定', en: 'Parameter {param} is still to be set: no amount yet' },
  'policyMsg.fact_missing': { zh: '登记库中缺少 {fact}，金额尚不能确定', en: 'The register does not hold {fact}: no amount yet' },
  'policyMsg.amount_fixed': { zh: '定额 {amount}（参数 {param}）', en: 'Fixed amount {amount} (parameter {param})' },
  'policyMsg.amount_table': { zh: '{fact} = {key}，按参数 {param}：{amount}', en: '{fact} = {key}, so parameter {param}: {amount}' },
  'policyMsg.table_no_reward': { zh: '{fact} = {key}：不在奖励范围', en: '{fact} = {key}: no amount for this value' },
  'policyMsg.amount_rate': { zh: '{fact} {base} × {pct} = {amount}', en: '{fact} {base} × {pct} = {amount}' },
  'policyMsg.amount_rate_capped': {
    zh: '{fact} {base} × {pct}，超过上限，按封顶 {cap}（参数 {capParam}）',
    en: '{fact} {base} × {pct}, above the cap: capped at {cap} (parameter {capParam})',
  },
  // A register event that triggers a policy, as a decision names it (POLICY_EVENTS).
  'policyEvent.qualification.granted': { zh: '资质认定', en: 'qualification granted' },
  'policyEvent.platform.recognized': { zh: '平台认定', en: 'platform recognised' },
  'policyEvent.patent.granted': { zh: '专利授权', en: 'patent granted' },
  'policyEvent.stats.approved': { zh: '年度统计审核通过', en: 'annual figures approved' },
  'policyEvent.application': { zh: '企业申请', en: 'application' },
  // A claim's business event (its key policy|enterprise|event:record, kept in the tooltip): the policy and the event.
  'claimEvent.text': { zh: '{policy} · {event}', en: '{policy} — {event}' },
  'claimEvent.application': { zh: '{policy} · 企业申请（申请编号 {ref}）', en: '{policy} — application (reference {ref})' },
  'claimEvent.key': { zh: '事项标识：{key}', en: 'Event key: {key}' },
  // Conditions the engine adds to a rule's own (CONDITION_CODES) and what a condition requires.
  'policyCond.valid_dates': { zh: '政策有效期内', en: 'Within the policy’s validity dates' },
  'policyCond.trigger_match': { zh: '触发事件符合（{fact}）', en: 'Triggering event matches ({fact})' },
  'policyCond.no_trigger': { zh: '登记库中有触发该政策的事项', en: 'The register holds a record that triggers this policy' },
  'policyCond.paramPending': { zh: '参数 {param}（待定）', en: 'parameter {param} (to be set)' },

  'demo.tag': { zh: '演示数据', en: 'Demo' },
  'demo.title': { zh: '演示数据，不是真实登记信息', en: 'Demo data, not a real record' },
} satisfies Dictionary;
