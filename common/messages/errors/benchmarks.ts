import type { Dict } from '../dict.js';

/** Error messages: The statistics import of regional benchmarking. */
export const benchmarksErrors: Dict = {
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
};
