import type { Dict } from '../dict.js';

/** Error messages: Project calls, applications, review, draws, panels, funding and notices. */
export const projectsErrors: Dict = {
  duplicate: { 'zh-CN': '字段“{field}”：“{what}”已存在', 'en-US': 'Field "{field}": "{what}" already exists' },
  index_spec: { 'zh-CN': '指数方法设置有误：{detail}', 'en-US': 'The index method is not valid: {detail}' },
  call_bounty: { 'zh-CN': '揭榜挂帅项目须设定悬赏金额', 'en-US': 'A challenge call needs a bounty' },
  call_closed: {
    'zh-CN': '该指南的申报时间为 {opensOn} 至 {closesOn}，当前不在申报期内',
    'en-US': 'Applications to this call are open from {opensOn} to {closesOn}; not now',
  },
  project_state: {
    'zh-CN': '当前状态为“{status|status}”，不能执行“{action|action}”',
    'en-US': 'The current status is "{status|status}"; "{action|action}" is not possible',
  },
  attachment_key: { 'zh-CN': '字段“{field}”：该指南没有名为“{key}”的附件', 'en-US': 'Field "{field}": the call has no attachment "{key}"' },
  attachment_too_large: { 'zh-CN': '附件超过 {max} MB 的限制', 'en-US': 'The attachment is over the {max} MB limit' },
  attachment_type: { 'zh-CN': '附件类型不符，允许：{types}', 'en-US': 'Attachment type not allowed; allowed: {types}' },
  attachment_content: {
    'zh-CN': '文件“{file}”的内容不是声明的类型 {type}（实际：{actual}），未保存',
    'en-US': 'The content of "{file}" is not of the declared type {type} (found: {actual}); nothing was stored',
  },
  application_incomplete: {
    'zh-CN': '申报材料不完整，缺少：{items|list}',
    'en-US': 'The application is incomplete; missing: {items|list}',
  },
  application_ineligible: { 'zh-CN': '不符合申报条件：{reasons|list}', 'en-US': 'Not eligible: {reasons|list}' },
  expert_not_assigned: { 'zh-CN': '您未被分配评审该项目', 'en-US': 'You are not assigned to review this application' },
  expert_not_in_pool: {
    'zh-CN': '您的账号尚未关联专家库条目，暂不能评审。请联系科技局在专家库中登记您或关联您的账号。',
    'en-US':
      'Your account is not linked to an entry of the expert pool yet, so you cannot review. Ask the science and technology bureau to register you in the pool or link your account.',
  },
  review_declined: {
    'zh-CN': '该评审任务{status|status}，您不能再查阅该项目的申报材料',
    'en-US': 'This assignment is {status|status}; you can no longer open the application or its files',
  },
  score_criteria: {
    'zh-CN': '评分须覆盖全部评审指标（0–100 分），缺少或多余：{keys}',
    'en-US': 'Scores must cover every criterion (0–100); missing or unknown: {keys}',
  },
  assignment_infeasible: {
    'zh-CN': '专家抽取无法满足：{n} 个项目配不齐评审专家，未保存任何抽取结果',
    'en-US': 'The reviewer draw cannot be met: applications short of reviewers: {n}; nothing was saved',
  },
  project_budget: {
    'zh-CN': '字段“{field}”：批准金额合计 {total|yuan} 元，超过指南预算 {budget|yuan} 元',
    'en-US': 'Field "{field}": approved amounts total {total|yuan} yuan, over the call budget of {budget|yuan} yuan',
  },
  decision_pending: {
    'zh-CN': '还有 {n} 个已受理的项目未完成评分，不能决策：{items|list}。请待全部专家提交评分、汇总并完成协商后再决策',
    'en-US':
      '{n} accepted applications are not fully scored, so no decision yet: {items|list}. Decide once every review is in, aggregated and any consensus resolved',
  },
  decision_threshold: {
    'zh-CN': '字段“{field}”：“{title}”未达到评审门槛（{failures|list}），仍予立项须写明理由',
    'en-US': 'Field "{field}": "{title}" did not reach the review thresholds ({failures|list}); funding it needs a reason',
  },
  challenge_bidder: {
    'zh-CN': '只有“揭榜团队”账号可以以团队名义揭榜；科技局工作人员和评审专家不能揭榜，企业请从企业门户申报',
    'en-US':
      'Only a challenge team account bids as a team; bureau staff and review experts cannot bid, and enterprises apply from their portal',
  },
  payment_held: { 'zh-CN': '有逾期未交的报告（{due}），暂停拨付', 'en-US': 'A report is overdue ({due}); payments are held' },
  extension_limit: {
    'zh-CN': '延期最多一次、不超过 {max} 个月',
    'en-US': 'At most one extension of at most {max} months',
  },
  draw_nothing: {
    'zh-CN': '没有待抽取专家的{stage|stage}对象（立项评审须为已受理的项目，中期检查和验收须为已提交且尚无专家组的报告）',
    'en-US':
      'Nothing waits for a {stage|stage} draw (the review needs accepted applications; mid-term and acceptance panels need submitted reports without a panel)',
  },
  redraw_nothing: {
    'zh-CN': '{stage|stage}没有待补足的评审任务（未评分或已谢绝的）',
    'en-US': 'No open or declined {stage|stage} assignment to redraw',
  },
  swap_no_place: {
    'zh-CN': '该项目的评审专家已满 {size} 人，无需替换',
    'en-US': 'The application already has its {size} reviewers; nothing to replace',
  },
  no_alternate: {
    'zh-CN': '没有符合回避、单位、上限和配额规则的备选专家（{detail}），请重新抽取',
    'en-US': 'No ranked alternate meets the conflict, organisation, load and quota rules ({detail}); redraw instead',
  },
  draw_not_rerunnable: {
    'zh-CN': '该记录没有可复算的随机抽取（替换按备选顺序逐一核对，早期记录未保存抽取输入）',
    'en-US': 'This record has no random draw to re-run (a swap takes the ranked alternates in order; early records kept no inputs)',
  },
  panel_kind: {
    'zh-CN': '只有中期报告和验收报告设专家组',
    'en-US': 'Only mid-term and acceptance reports have expert panels',
  },
  panel_required: {
    'zh-CN': '本指南规定{stage|stage}须经专家组评审：请先抽取专家组，待其评分完成后再决定',
    'en-US': 'This call requires an expert panel for the {stage|stage}: draw a panel and wait for its scores before deciding',
  },
  panel_unfinished: {
    'zh-CN': '专家组尚未完成评分（已提交 {done}/{size}），暂不能作出决定',
    'en-US': 'The expert panel has not finished ({done} of {size} submitted); no decision yet',
  },
  panel_override_note: {
    'zh-CN': '字段“{field}”：专家组结论为不通过（{total} 分），仍予通过须说明理由',
    'en-US': 'Field "{field}": the panel did not pass the report ({total} points); approving it needs a reason',
  },
  notice_exists: { 'zh-CN': '该指南的立项名单已公示', 'en-US': 'The approval list of this call is already on notice' },
  notice_empty: { 'zh-CN': '没有已立项的项目可公示', 'en-US': 'No approved project to put on notice' },
  notice_start_past: {
    'zh-CN': '字段“{field}”：公示开始日期不能早于今天（{today}）',
    'en-US': 'Field "{field}": the notice cannot start before today ({today})',
  },
  notice_too_short: {
    'zh-CN': '字段“{field}”：公示期至少 {days} 天（自 {from} 起，最早到 {min} 结束）',
    'en-US': 'Field "{field}": the notice runs at least {days} days (from {from}, ending {min} at the earliest)',
  },
  notice_missing: {
    'zh-CN': '立项名单尚未公示：公示期结束且无未处理异议后才能签订合同',
    'en-US': 'The approval list has not been on public notice; contracts wait for the notice to end without open objections',
  },
  notice_running: {
    'zh-CN': '立项公示至 {endsOn} 结束，公示期结束后才能签订合同',
    'en-US': 'The approval notice runs until {endsOn}; contracts wait for its end',
  },
  notice_objection_open: {
    'zh-CN': '该项目有 {n} 件未处理的公示异议，处理后才能签订合同',
    'en-US': 'The project has {n} open objection(s) to its notice; resolve them before the contract',
  },
  notice_not_open: {
    'zh-CN': '公示期为 {from} 至 {to}，当前不受理异议',
    'en-US': 'The notice runs from {from} to {to}; objections are not taken now',
  },
  notice_not_listed: {
    'zh-CN': '字段“{field}”：该项目不在本次公示名单中',
    'en-US': 'Field "{field}": the project is not on this notice',
  },
};
