import type { Dict } from '../dict.js';

/** Error messages: Enterprise statistics and the registry's bulk import. */
export const registryImportErrors: Dict = {
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
};
