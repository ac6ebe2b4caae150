import type { Dict } from '../dict.js';

/** Error messages: The plan, data values and their spreadsheet import. */
export const plansErrors: Dict = {
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
  dv_implausible: {
    'zh-CN': '有 {count} 项数值与上年值相差过大或像是单位填错，请核对；确认无误后再保存',
    'en-US':
      '{count, plural, one {# value differs} other {# values differ}} greatly from the previous year or look like the wrong unit; check, then confirm to save',
  },
  dv_jump: {
    'zh-CN': '字段“{field}”：{value} 是上年值 {previous} 的 {ratio} 倍，超出 {factor} 倍的合理变化范围，请核对',
    'en-US':
      'Field "{field}": {value} is {ratio} times the previous value {previous}, beyond the plausible factor of {factor}; please check',
  },
  dv_wrong_unit: {
    'zh-CN': '字段“{field}”：{value} 约为上年值 {previous} 的 {ratio} 倍，像是按“{likelyUnit}”填写的（应为 {corrected} {unit}？）',
    'en-US':
      'Field "{field}": {value} is about {ratio} times the previous value {previous}, as if given in {likelyUnit} (should it be {corrected} {unit}?)',
  },
  dv_magnitude: {
    'zh-CN': '字段“{field}”：{value} {unit} 超出县级统计的常见量级（{typicalMax} {unit}），请核对单位',
    'en-US': 'Field "{field}": {value} {unit} is beyond what a county reports ({typicalMax} {unit}); please check the unit',
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
};
