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
  value: { 'zh-CN': '数值', 'en-US': 'value' },
  values: { 'zh-CN': '数值', 'en-US': 'values' },
  dataElement: { 'zh-CN': '数据元素', 'en-US': 'data element' },
  orgUnit: { 'zh-CN': '区划', 'en-US': 'org unit' },
  period: { 'zh-CN': '期间', 'en-US': 'period' },
  reason: { 'zh-CN': '原因', 'en-US': 'reason' },
  policyCode: { 'zh-CN': '政策', 'en-US': 'policy' },
  fundSource: { 'zh-CN': '资金来源', 'en-US': 'fund source' },
  amountFen: { 'zh-CN': '金额（分）', 'en-US': 'amount (fen)' },
  keys: { 'zh-CN': '数值', 'en-US': 'values' },
  rows: { 'zh-CN': '行', 'en-US': 'row' },
  year: { 'zh-CN': '年度', 'en-US': 'year' },
  expression: { 'zh-CN': '公式', 'en-US': 'formula' },
  statementId: { 'zh-CN': '所选表述', 'en-US': 'chosen statement' },
  indicatorId: { 'zh-CN': '指标', 'en-US': 'indicator' },
  plan: { 'zh-CN': '规划', 'en-US': 'plan' },
  unit: { 'zh-CN': '单位', 'en-US': 'unit' },
  decimals: { 'zh-CN': '小数位数', 'en-US': 'decimals' },
  direction: { 'zh-CN': '期望方向', 'en-US': 'direction' },
  nameZh: { 'zh-CN': '中文名称', 'en-US': 'Chinese name' },
  nameEn: { 'zh-CN': '英文名称', 'en-US': 'English name' },
  title: { 'zh-CN': '标题', 'en-US': 'title' },
  columns: { 'zh-CN': '列', 'en-US': 'columns' },
  creditCode: { 'zh-CN': '统一社会信用代码', 'en-US': 'credit code' },
  hostCreditCode: { 'zh-CN': '依托单位信用代码', 'en-US': 'host credit code' },
  employerCreditCode: { 'zh-CN': '工作单位信用代码', 'en-US': 'employer credit code' },
  owners: { 'zh-CN': '专利权人', 'en-US': 'owners' },
  town: { 'zh-CN': '注册地', 'en-US': 'registered in' },
  park: { 'zh-CN': '所在园区', 'en-US': 'park' },
  type: { 'zh-CN': '类型', 'en-US': 'type' },
  parks: { 'zh-CN': '所在园区', 'en-US': 'parks' },
  parkCode: { 'zh-CN': '园区', 'en-US': 'park' },
  fromDate: { 'zh-CN': '开始日期', 'en-US': 'from' },
  toDate: { 'zh-CN': '结束日期', 'en-US': 'to' },
  foundedOn: { 'zh-CN': '成立日期', 'en-US': 'founding date' },
  typeCode: { 'zh-CN': '类型', 'en-US': 'type' },
  issuedOn: { 'zh-CN': '发证日期', 'en-US': 'issue date' },
  revokedOn: { 'zh-CN': '撤销日期', 'en-US': 'revocation date' },
  recognizedOn: { 'zh-CN': '认定日期', 'en-US': 'recognition date' },
  grantedOn: { 'zh-CN': '授权日期', 'en-US': 'grant date' },
  filedOn: { 'zh-CN': '申请日期', 'en-US': 'filing date' },
  number: { 'zh-CN': '编号', 'en-US': 'number' },
  floorArea: { 'zh-CN': '面积', 'en-US': 'floor area' },
  region: { 'zh-CN': '地区', 'en-US': 'region' },
  indicator: { 'zh-CN': '指标', 'en-US': 'indicator' },
  source: { 'zh-CN': '来源', 'en-US': 'source' },
  applicantName: { 'zh-CN': '申报单位或团队名称', 'en-US': 'applicant or team name' },
  teamMembers: { 'zh-CN': '团队成员', 'en-US': 'team members' },
  team_contact: { 'zh-CN': '团队联系方式', 'en-US': 'team contact' },
  approvals: { 'zh-CN': '立项清单', 'en-US': 'approvals' },
  note: { 'zh-CN': '说明', 'en-US': 'note' },
  seed: { 'zh-CN': '随机种子', 'en-US': 'seed' },
  stage: { 'zh-CN': '评审阶段', 'en-US': 'stage' },
  reportIds: { 'zh-CN': '报告', 'en-US': 'reports' },
  startsOn: { 'zh-CN': '公示开始日期', 'en-US': 'notice start' },
  endsOn: { 'zh-CN': '公示结束日期', 'en-US': 'notice end' },
  applicationId: { 'zh-CN': '项目', 'en-US': 'project' },
  resolution: { 'zh-CN': '处理意见', 'en-US': 'resolution' },
  contact: { 'zh-CN': '联系方式', 'en-US': 'contact' },
  text: { 'zh-CN': '内容', 'en-US': 'text' },
  thresholdReason: { 'zh-CN': '低于门槛仍予立项的理由', 'en-US': 'reason for funding below the thresholds' },
  orgCreditCode: { 'zh-CN': '单位统一社会信用代码', 'en-US': 'organisation credit code' },
  orgName: { 'zh-CN': '单位名称', 'en-US': 'organisation name' },
  titles: { 'zh-CN': '职称 / 职务', 'en-US': 'titles' },
  available: { 'zh-CN': '可抽取', 'en-US': 'available' },
};

/** Error messages by code; {name} placeholders are filled from params. */
export const ERROR_MESSAGES: Dict = {
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
  last_admin: {
    'zh-CN': '至少需要保留一个可用的管理员账号',
    'en-US': 'At least one active administrator must remain',
  },
  plan_code_taken: { 'zh-CN': '规划编码“{code}”已存在', 'en-US': 'Plan code "{code}" already exists' },
  plan_unknown_indicator: { 'zh-CN': '字段“{field}”：指标“{code}”不存在', 'en-US': 'Field "{field}": indicator "{code}" does not exist' },
  plan_unknown_data_element: {
    'zh-CN': '字段“{field}”：数据元素“{code}”不存在',
    'en-US': 'Field "{field}": data element "{code}" does not exist',
  },
  plan_duplicate_indicator: {
    'zh-CN': '字段“{field}”：指标编码“{code}”重复',
    'en-US': 'Field "{field}": indicator code "{code}" appears twice',
  },
  plan_data_element_clash: {
    'zh-CN': '字段“{field}”：数据元素“{code}”已存在且单位或汇总方式不同（现为 {unit}）',
    'en-US': 'Field "{field}": data element "{code}" exists with another unit or aggregation (now {unit})',
  },
  plan_expression: { 'zh-CN': '字段“{field}”：公式有误（{detail}）', 'en-US': 'Field "{field}": invalid formula ({detail})' },
  plan_statement_mismatch: {
    'zh-CN': '字段“{field}”：所选表述不属于该指标的这一组基期值/目标值',
    'en-US': 'Field "{field}": the chosen statement does not belong to this baseline/target group',
  },
  plan_ambiguous_indicator: {
    'zh-CN': '字段“{field}”：多个规划都有指标“{code}”，请指定规划',
    'en-US': 'Field "{field}": several plans have indicator "{code}"; name the plan',
  },
  dv_unknown_data_element: {
    'zh-CN': '字段“{field}”：数据元素“{code}”不存在',
    'en-US': 'Field "{field}": data element "{code}" does not exist',
  },
  dv_out_of_range: {
    'zh-CN': '字段“{field}”：{value} 超出合理范围（{range}）',
    'en-US': 'Field "{field}": {value} is outside the plausible range ({range})',
  },
  dv_locked: {
    'zh-CN': '字段“{field}”：该数值已审核锁定（{current}），更正须填写原因',
    'en-US': 'Field "{field}": the value is approved and locked ({current}); a correction needs a reason',
  },
  dv_not_found: { 'zh-CN': '字段“{field}”：没有可操作的数值', 'en-US': 'Field "{field}": there is no value to act on' },
  dv_bad_status: {
    'zh-CN': '字段“{field}”：当前状态为“{status}”，不能执行此操作',
    'en-US': 'Field "{field}": the value is "{status}"; this action does not apply',
  },
  dv_duplicate: { 'zh-CN': '字段“{field}”：与第 {other} 项重复', 'en-US': 'Field "{field}": duplicates item {other}' },
  dv_concurrent: { 'zh-CN': '数据刚被他人修改，请刷新后重试', 'en-US': 'Someone else just changed this data; reload and try again' },
  dv_four_eyes: {
    'zh-CN': '字段“{field}”：您填报、修改或提交过该数值（{unit} · {dataElement} · {period}），须由另一位工作人员审核',
    'en-US':
      'Field "{field}": you entered, changed or submitted this value ({unit} · {dataElement} · {period}); another staff member must approve it',
  },
  dv_approved_not_replaced: {
    'zh-CN': '数值 {key} 已审核（{current}），不能通过导入替换；请在数据填报中填写原因更正',
    'en-US': 'Value {key} is approved ({current}) and cannot be replaced by an import; correct it in data entry with a reason',
  },
  import_errors: {
    'zh-CN': '导入文件有 {count} 行错误，未保存任何数据',
    'en-US': 'The file has {count} rows with errors; nothing was saved',
  },
  import_bad_file: {
    'zh-CN': '无法读取上传的文件：文件已损坏，或不是 Excel（.xlsx）/ CSV 文件',
    'en-US': 'Cannot read the uploaded file: it is damaged, or not an Excel (.xlsx) or CSV file',
  },
  import_no_header: {
    'zh-CN': '找不到表头：第一个工作表须包含“数据元素代码”“区划代码”“年度”“本年值”等列',
    'en-US': 'No header found: the first sheet needs the columns data element code, org unit code, year and value',
  },
  analytics_unit_outside_plan: {
    'zh-CN': '字段“{field}”：“{unit}”不在该规划的区域内',
    'en-US': 'Field "{field}": "{unit}" is outside the plan\'s region',
  },
  import_ambiguous_unit: {
    'zh-CN': '字段“{field}”：“{text}”对应多个区划：{candidates}，请改填区划代码',
    'en-US': 'Field "{field}": "{text}" matches several org units: {candidates}; give the code instead',
  },
  import_unknown_unit: { 'zh-CN': '字段“{field}”：找不到区划“{text}”', 'en-US': 'Field "{field}": no org unit "{text}"' },
  import_bad_period: {
    'zh-CN': '字段“{field}”：“{text}”不是有效的期间（如 2025、2025Q3、202509）',
    'en-US': 'Field "{field}": "{text}" is not a period (e.g. 2025, 2025Q3, 202509)',
  },
  import_not_number: { 'zh-CN': '字段“{field}”：“{text}”不是数字', 'en-US': 'Field "{field}": "{text}" is not a number' },
  import_duplicate_row: { 'zh-CN': '字段“{field}”：与第 {other} 行重复', 'en-US': 'Field "{field}": duplicates row {other}' },
  import_jump: {
    'zh-CN': '字段“{field}”：{value} 与上年 {previous} 相差十倍以上，请核实（不阻止导入）',
    'en-US': 'Field "{field}": {value} differs more than tenfold from last year\'s {previous}; please check (does not block)',
  },
  credit_code_length: {
    'zh-CN': '字段“{field}”：统一社会信用代码应为 18 位，现为 {n} 位',
    'en-US': 'Field "{field}": a unified social credit code has 18 characters, not {n}',
  },
  credit_code_charset: {
    'zh-CN': '字段“{field}”：第 {position} 位“{char}”不是有效字符（代码不使用 I、O、S、V、Z）',
    'en-US': 'Field "{field}": character {position} "{char}" is not allowed (codes never use I, O, S, V, Z)',
  },
  credit_code_check: {
    'zh-CN': '字段“{field}”：第 18 位校验码应为“{expected}”，现为“{actual}”，请核对前 17 位',
    'en-US': 'Field "{field}": the check character (position 18) should be "{expected}", not "{actual}"; check the first 17',
  },
  enterprise_duplicate: {
    'zh-CN': '字段“{field}”：统一社会信用代码“{code}”已登记（{name}）',
    'en-US': 'Field "{field}": credit code "{code}" is already registered ({name})',
  },
  unknown_enterprise: {
    'zh-CN': '字段“{field}”：没有统一社会信用代码为“{code}”的登记企业',
    'en-US': 'Field "{field}": no registered enterprise has credit code "{code}"',
  },
  unknown_type: { 'zh-CN': '字段“{field}”：类型“{code}”不存在', 'en-US': 'Field "{field}": there is no type "{code}"' },
  dates_out_of_order: { 'zh-CN': '字段“{field}”：不能早于 {other}', 'en-US': 'Field "{field}": must not be before {other}' },
  not_a_park: { 'zh-CN': '字段“{field}”：“{code}”不是园区', 'en-US': 'Field "{field}": "{code}" is not a park' },
  not_in_scope_unit: { 'zh-CN': '字段“{field}”：区划“{code}”不存在', 'en-US': 'Field "{field}": org unit "{code}" does not exist' },
  patent_number: {
    'zh-CN': '字段“{field}”：专利号“{number}”无效（{detail}）',
    'en-US': 'Field "{field}": patent number "{number}" is invalid ({detail})',
  },
  patent_duplicate: {
    'zh-CN': '字段“{field}”：专利号“{number}”已登记',
    'en-US': 'Field "{field}": patent "{number}" is already registered',
  },
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
    'zh-CN': '金额超过 {threshold} 元的申领，须由未审核、未公示、未处理其异议的另一位工作人员审批',
    'en-US': 'A claim above ¥{threshold} is approved by a staff member who did not review it, put it on notice or resolve its objections',
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
  application_incomplete: { 'zh-CN': '申报材料不完整，缺少：{items|list}', 'en-US': 'The application is incomplete; missing: {items|list}' },
  application_ineligible: { 'zh-CN': '不符合申报条件：{reasons|list}', 'en-US': 'Not eligible: {reasons|list}' },
  expert_not_assigned: { 'zh-CN': '您未被分配评审该项目', 'en-US': 'You are not assigned to review this application' },
  review_declined: {
    'zh-CN': '该评审任务{status|status}，您不能再查阅该项目的申报材料',
    'en-US': 'This assignment is {status|status}; you can no longer open the application or its files',
  },
  score_criteria: {
    'zh-CN': '评分须覆盖全部评审指标（0–100 分），缺少或多余：{keys}',
    'en-US': 'Scores must cover every criterion (0–100); missing or unknown: {keys}',
  },
  assignment_infeasible: { 'zh-CN': '专家抽取无法满足：{detail}', 'en-US': 'The reviewer draw cannot be met: {detail}' },
  project_budget: {
    'zh-CN': '字段“{field}”：批准金额合计 {total|yuan} 元，超过指南预算 {budget|yuan} 元',
    'en-US': 'Field "{field}": approved amounts total {total|yuan} yuan, over the call budget of {budget|yuan} yuan',
  },
  decision_pending: {
    'zh-CN': '还有 {n} 个已受理的项目未完成评分，不能决策：{items}。请待全部专家提交评分、汇总并完成协商后再决策',
    'en-US':
      '{n} accepted applications are not fully scored, so no decision yet: {items}. Decide once every review is in, aggregated and any consensus resolved',
  },
  decision_threshold: {
    'zh-CN': '字段“{field}”：“{title}”未达到评审门槛（{failures}），仍予立项须写明理由',
    'en-US': 'Field "{field}": "{title}" did not reach the review thresholds ({failures}); funding it needs a reason',
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
    'zh-CN': '没有待抽取专家的{stageZh}对象（立项评审须为已受理的项目，中期检查和验收须为已提交且尚无专家组的报告）',
    'en-US':
      'Nothing waits for a {stageEn} draw (the review needs accepted applications; mid-term and acceptance panels need submitted reports without a panel)',
  },
  redraw_nothing: {
    'zh-CN': '{stageZh}没有待补足的评审任务（未评分或已谢绝的）',
    'en-US': 'No open or declined {stageEn} assignment to redraw',
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
    'zh-CN': '本指南规定{stageZh}须经专家组评审：请先抽取专家组，待其评分完成后再决定',
    'en-US': 'This call requires an expert panel for the {stageEn}: draw a panel and wait for its scores before deciding',
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
  stats_locked: {
    'zh-CN': '{year} 年统计数据已审核，不能再修改；如需更正请联系科技局',
    'en-US': 'The {year} figures are approved and can no longer be changed; ask the bureau for a correction',
  },
  no_enterprise_link: {
    'zh-CN': '您的账号没有关联企业，请联系科技局',
    'en-US': 'Your account is not linked to an enterprise; contact the bureau',
  },
  grant_enterprise: {
    'zh-CN': '字段“{field}”：企业用户须关联一家在该区划内登记的企业',
    'en-US': 'Field "{field}": an enterprise user must be linked to an enterprise registered within that org unit',
  },
  import_field: { 'zh-CN': '字段“{field}”无效', 'en-US': 'Field "{field}" is invalid' },
  import_job_not_found: { 'zh-CN': '导入任务不存在或已过期', 'en-US': 'No such import job (it may have expired)' },
  import_required: { 'zh-CN': '字段“{field}”：必填', 'en-US': 'Field "{field}": is required' },
  import_empty: { 'zh-CN': '文件是空的', 'en-US': 'The file is empty' },
  import_too_many_rows: { 'zh-CN': '文件超过 {max} 行，请分批导入', 'en-US': 'The file has more than {max} rows; import it in parts' },
  import_cell_too_long: { 'zh-CN': '字段“{field}”：内容超过 {max} 个字符', 'en-US': 'Field "{field}": longer than {max} characters' },
  stats_import_no_header: {
    'zh-CN': '找不到表头：第一个工作表的第一行须包含“地区”“指标”“年份”“数值”“单位”列（“来源”可选）',
    'en-US':
      'No header found: the first row of the first sheet needs the columns region, indicator, year, value and unit (source optional)',
  },
  stats_import_missing_columns: { 'zh-CN': '表头缺少必填列：{columns}', 'en-US': 'The header lacks required columns: {columns}' },
  stats_import_bad_encoding: {
    'zh-CN': '无法读取 CSV 文件：请保存为 UTF-8 或 GB18030（GBK）编码的文本',
    'en-US': 'Cannot read the CSV file: save it as UTF-8 or GB18030 (GBK) text',
  },
  stats_import_unknown_indicator: {
    'zh-CN': '字段“{field}”：找不到指标“{text}”（请填写数据元素代码或中文名称）',
    'en-US': 'Field "{field}": no indicator "{text}" (give a data element code or its Chinese name)',
  },
  stats_import_ambiguous_indicator: {
    'zh-CN': '字段“{field}”：“{text}”对应多个数据元素：{candidates}，请改填代码',
    'en-US': 'Field "{field}": "{text}" matches several data elements: {candidates}; give the code instead',
  },
  stats_import_bad_year: {
    'zh-CN': '字段“{field}”：“{text}”不是有效年份（四位数字，如 2020）',
    'en-US': 'Field "{field}": "{text}" is not a year (four digits, e.g. 2020)',
  },
  stats_import_national: {
    'zh-CN': '字段“{field}”：“{text}”指全国，区划表没有全国一级（最高为省级），不能导入全国数据',
    'en-US': 'Field "{field}": "{text}" means the whole country; org units start at province level, so national figures cannot be imported',
  },
  stats_import_unknown_unit: {
    'zh-CN': '字段“{field}”：不认识的单位“{unit}”（可用：{known}）',
    'en-US': 'Field "{field}": unknown unit "{unit}" (use one of: {known})',
  },
  stats_import_unit_incompatible: {
    'zh-CN': '字段“{field}”：单位“{unit}”（{unitKind}）不能换算为指标“{indicator}”的单位“{target}”（{targetKind}）',
    'en-US': 'Field "{field}": unit "{unit}" ({unitKind}) cannot be converted to "{target}" ({targetKind}), the unit of "{indicator}"',
  },
  stats_import_target_unit: {
    'zh-CN': '字段“{field}”：指标“{indicator}”的单位“{target}”没有登记换算关系，不能由“{unit}”换算，请按“{target}”填写',
    'en-US':
      'Field "{field}": the unit "{target}" of "{indicator}" has no declared conversions, so "{unit}" cannot be converted; give the value in "{target}"',
  },
  stats_import_ratio_mismatch: {
    'zh-CN':
      '字段“{field}”：公布的{ratio} {published} 与按第 {numeratorRow} 行{numerator}、第 {denominatorRow} 行{denominator}计算的 {computed} 相差 {difference}，超出公布精度的舍入误差（±{tolerance}），请核实（不阻止导入）',
    'en-US':
      'Field "{field}": the published {ratio} {published} differs by {difference} from {computed}, computed from {numerator} (row {numeratorRow}) and {denominator} (row {denominatorRow}): more than the rounding of the published figure (±{tolerance}); please check (does not block)',
  },
  stats_import_replaces: {
    'zh-CN': '字段“{field}”：将替换现有数值 {current} {unit}（第 {version} 版，{source}，{status}），原值保留在历史版本中（不阻止导入）',
    'en-US':
      'Field "{field}": replaces the current value {current} {unit} (version {version}, {source}, {status}); the old value stays in the history (does not block)',
  },
  stats_import_approved: {
    'zh-CN':
      '字段“{field}”：现有数值 {current} {unit}（第 {version} 版，{source}）已审核，导入不能替换；如需更正，请在数据填报中填写原因提交，由他人审核',
    'en-US':
      'Field "{field}": the current value {current} {unit} (version {version}, {source}) is approved and an import cannot replace it; to correct it, submit a correction with a reason in data entry for someone else to approve',
  },
  stats_import_out_of_scope: {
    'zh-CN': '字段“{field}”：“{unit}”不在您的管辖范围内，不能导入该地区的数值',
    'en-US': 'Field "{field}": "{unit}" is outside your scope; you cannot import figures for it',
  },
  stats_import_top_level: {
    'zh-CN': '字段“{field}”：“{text}”不在区划表中；新增省级（最高级）区划须由全部区划的管理员在区划管理中完成，导入不能新增',
    'en-US':
      'Field "{field}": "{text}" is not an org unit; a new top-level unit (province) can only be added by an administrator of all units under org units, not by an import',
  },
  stats_import_unit_to_add: {
    'zh-CN': '字段“{field}”：“{text}”不在区划表中，确认导入时将新增为省级区划（{code}）',
    'en-US': 'Field "{field}": "{text}" is not an org unit yet; it will be added as a province ({code}) when the import is confirmed',
  },
  stats_import_unit_added: {
    'zh-CN': '字段“{field}”：已新增省级区划“{text}”（{code}）',
    'en-US': 'Field "{field}": added the province "{text}" ({code}) to the org units',
  },
  internal: { 'zh-CN': '服务器内部错误（请求编号 {requestId}）', 'en-US': 'Internal server error (request {requestId})' },
  database_unavailable: {
    'zh-CN': '数据库暂时无法访问，请 {seconds} 秒后重试',
    'en-US': 'The database is temporarily unavailable; please try again in {seconds} s',
  },
  zip_too_large: {
    'zh-CN': '文件解压后过大（“{entry}”解压后 {size}；解压后合计上限 {limit}，压缩比上限 {ratio} 倍），请拆分后再上传',
    'en-US':
      'The file unpacks too large ("{entry}" unpacks to {size}; the limit is {limit} unpacked in all, packed at most {ratio} : 1); split it and upload again',
  },
  zip_size_mismatch: {
    'zh-CN': '文件已损坏：“{entry}”解压后超过其声明的大小（{size}）',
    'en-US': 'The file is damaged: "{entry}" unpacks to more than its declared size ({size})',
  },
  zip_too_many_entries: {
    'zh-CN': '文件包含的部件过多（上限 {max} 个），不是正常的 Excel 文件',
    'en-US': 'The file holds too many parts (at most {max}); it is not an ordinary Excel file',
  },
  bad_request: { 'zh-CN': '请求无效', 'en-US': 'The request is not valid' },
  detail_withheld: { 'zh-CN': '详情已记录（请求编号 {requestId}）', 'en-US': 'details logged (request {requestId})' },
  bad_url: { 'zh-CN': '网址无效（编码不正确）', 'en-US': 'The address is not valid (bad encoding)' },
  url_too_long: { 'zh-CN': '网址中的参数过长', 'en-US': 'A parameter in the address is too long' },
  unsupported_media_type: {
    'zh-CN': '不支持的内容类型：{type}',
    'en-US': 'Unsupported content type: {type}',
  },
  empty_body: { 'zh-CN': '请求内容为空', 'en-US': 'The request body is empty' },
  method_not_allowed: { 'zh-CN': '不支持的请求方法', 'en-US': 'Method not allowed' },
  db_invalid_text: {
    'zh-CN': '请求中有值的格式不正确（如编号、日期或数字）',
    'en-US': 'A value in the request has the wrong format (an id, a date or a number)',
  },
  db_out_of_range: { 'zh-CN': '请求中有数值超出允许范围', 'en-US': 'A number in the request is out of range' },
  db_too_long: { 'zh-CN': '请求中有文本过长', 'en-US': 'A text in the request is too long' },
  db_bad_date: { 'zh-CN': '请求中有日期无效', 'en-US': 'A date in the request is not a valid date' },
  db_bad_character: {
    'zh-CN': '请求中有文本含不允许的字符（如 NUL 控制字符）',
    'en-US': 'A text in the request contains a character that is not allowed (such as NUL)',
  },
  db_duplicate: { 'zh-CN': '已存在相同的记录', 'en-US': 'The same record already exists' },
  db_reference: {
    'zh-CN': '引用的记录不存在，或该记录仍被其他记录引用',
    'en-US': 'A record it refers to does not exist, or the record is still referred to',
  },
  db_required: { 'zh-CN': '缺少必填的值', 'en-US': 'A required value is missing' },
  db_check: { 'zh-CN': '请求中的值不符合规则', 'en-US': 'A value in the request breaks a rule' },
};

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
};

export const TYPE_NAMES: Dict = {
  string: { 'zh-CN': '文本', 'en-US': 'text' },
  number: { 'zh-CN': '数字', 'en-US': 'a number' },
  boolean: { 'zh-CN': '是/否', 'en-US': 'true or false' },
  array: { 'zh-CN': '列表', 'en-US': 'a list' },
  object: { 'zh-CN': '对象', 'en-US': 'an object' },
};

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
};

function listItem(v: unknown, locale: Locale): string {
  if (isLocalised(v)) return v[locale] ?? v['zh-CN'];
  if (typeof v === 'object' && v !== null && 'code' in v) {
    const { code, params } = v as { code: string; params?: Record<string, unknown> };
    return LIST_ITEM_LABELS[code] ? fill(LIST_ITEM_LABELS[code][locale], params, locale) : code;
  }
  return LIST_ITEM_LABELS[String(v)]?.[locale] ?? String(v);
}

/** Integer fen as yuan with two decimals and thousands separators: 123456789 → "1,234,567.89". */
export function fenAsYuan(fen: number): string {
  if (!Number.isFinite(fen)) return String(fen);
  const whole = Math.round(fen);
  const abs = Math.abs(whole);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole < 0 ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** `{name|format}` in a template: the parameter shown as money or as a label instead of its raw code. */
const FORMATS: Record<string, (value: unknown, locale: Locale) => string> = {
  yuan: (v) => (typeof v === 'number' ? fenAsYuan(v) : String(v)),
  status: (v, locale) => STATUS_LABELS[String(v)]?.[locale] ?? String(v),
  action: (v, locale) => ACTION_LABELS[String(v)]?.[locale] ?? String(v),
  list: (v, locale) => (Array.isArray(v) ? v.map((x) => listItem(x, locale)).join(locale === 'zh-CN' ? '、' : ', ') : listItem(v, locale)),
};

/** A parameter given in both languages ({ 'zh-CN': …, 'en-US': … }) shows in the reader's. */
const isLocalised = (v: unknown): v is Record<Locale, string> =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['zh-CN'] === 'string';

export function fill(template: string, params: Record<string, unknown> = {}, locale: Locale = 'zh-CN'): string {
  return template.replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, k: string, format: string | undefined) => {
    if (!(k in params)) return whole;
    const v = params[k];
    if (isLocalised(v)) return v[locale] ?? v['zh-CN'];
    const f = format ? FORMATS[format] : undefined;
    return f ? f(v, locale) : String(v);
  });
}

export function translate(dict: Dict, key: string, locale: Locale, params?: Record<string, unknown>): string {
  const entry = dict[key];
  if (!entry) return key;
  return fill(entry[locale], params, locale);
}

export function fieldLabel(path: string, locale: Locale): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  const label = FIELD_LABELS[last]?.[locale] ?? last;
  const parts = path.split('.');
  const idx = parts.findIndex((p) => /^\d+$/.test(p));
  if (idx < 0) return label;
  const n = Number(parts[idx]) + 1;
  // Imports name spreadsheet rows ("rows.6.value" → 第 7 行), API batches name items.
  const rows = parts[idx - 1] === 'rows';
  if (idx === parts.length - 1)
    return rows ? (locale === 'zh-CN' ? `第 ${n} 行` : `row ${n}`) : locale === 'zh-CN' ? `第 ${n} 项` : `item ${n}`;
  if (rows) return locale === 'zh-CN' ? `第 ${n} 行的${label}` : `${label} in row ${n}`;
  return locale === 'zh-CN' ? `第 ${n} 项的${label}` : `${label} of item ${n}`;
}
