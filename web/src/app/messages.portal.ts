import type { Entry } from './messages';

/** The registry's bulk import and the enterprise portal. */
export const portalMessages = {
  'regImport.title': { zh: '批量导入', en: 'Bulk import' },
  'regImport.steps': {
    zh: '① 选择数据类型并下载模板；② 按模板填写（可另存为 .xlsx 或 .csv）；③ 上传后系统逐行检查并显示预览；④ 没有错误时确认导入。导入是“全部或全不”：只要有一行出错，就不保存任何数据。',
    en: '① Choose the kind of data and download its template; ② fill it in (save as .xlsx or .csv); ③ upload it: every row is checked and previewed; ④ confirm when there are no errors. The import is all or nothing: one bad row and nothing is saved.',
  },
  'regImport.kind': { zh: '数据类型', en: 'Kind of data' },
  'regImport.kind.enterprises': { zh: '企业', en: 'Enterprises' },
  'regImport.kind.qualifications': { zh: '资质', en: 'Qualifications' },
  'regImport.kind.platforms': { zh: '平台与机构', en: 'Platforms' },
  'regImport.kind.patents': { zh: '专利', en: 'Patents' },
  'regImport.kind.stats': { zh: '年度统计数据', en: 'Annual statistics' },
  'regImport.template': { zh: '下载模板', en: 'Download the template' },
  'regImport.file': { zh: '上传填好的文件（.xlsx 或 .csv）', en: 'Upload the filled file (.xlsx or .csv)' },
  'regImport.progress': { zh: '处理进度', en: 'Progress' },
  'regImport.checking': { zh: '正在检查：已检查 {processed} 行', en: 'Checking: {processed} rows checked' },
  'regImport.importing': { zh: '正在导入：已处理 {processed} 行', en: 'Importing: {processed} rows processed' },
  'regImport.counts': {
    zh: '“{file}”检查结果：可导入 {ok} 行，错误 {error} 行，空行 {empty} 行。',
    en: '“{file}” checked: {ok} to import, {error} errors, {empty} empty.',
  },
  'regImport.row': { zh: '行号', en: 'Row' },
  'regImport.status': { zh: '检查结果', en: 'Result' },
  'regImport.status.ok': { zh: '可导入', en: 'OK' },
  'regImport.status.error': { zh: '错误', en: 'Error' },
  'regImport.status.empty': { zh: '空行', en: 'Empty' },
  'regImport.messages': { zh: '说明', en: 'Messages' },
  'regImport.showEmpty': { zh: '显示空行', en: 'Show empty rows' },
  'regImport.confirm': { zh: '确认导入（{n} 行）', en: 'Import ({n} rows)' },
  'regImport.fixFirst': {
    zh: '有 {n} 行错误：请改正后重新上传；没有错误时才能确认导入。',
    en: '{n} rows have errors: correct them and upload again; you can import only when there are none.',
  },
  'regImport.done': { zh: '导入完成：已保存 {n} 行。', en: 'Imported: {n} rows saved.' },
  'regImport.notCommitted': {
    zh: '没有导入：检查发现 {n} 行错误，没有保存任何数据。',
    en: 'Nothing imported: {n} rows have errors, so nothing was saved.',
  },
  'regImport.exportTitle': { zh: '导入检查 {file}', en: 'Import check {file}' },
  'regImport.cancel': { zh: '放弃本次导入', en: 'Discard' },

  'my.title': { zh: '我的企业', en: 'My enterprise' },
  'my.titleWith': { zh: '我的企业：{name}', en: 'My enterprise: {name}' },
  'my.sections': { zh: '我的企业分类', en: 'Sections' },
  'my.tab.profile': { zh: '企业信息', en: 'Profile' },
  'my.tab.stats': { zh: '年度统计', en: 'Annual statistics' },
  'my.tab.quals': { zh: '资质与预审', en: 'Qualifications & prechecks' },
  'my.tab.patents': { zh: '我的专利', en: 'My patents' },
  'my.profileHint': {
    zh: '名称、信用代码、所在区划和入驻园区由科技局登记；如有变化请联系科技局。联系人、联系电话、地址和法定代表人可以自己修改。',
    en: 'The name, credit code, location and parks are registered by the bureau; tell the bureau about changes. You may change the contact person, phone, address and legal representative yourself.',
  },
  'my.contacts': { zh: '联系信息', en: 'Contact details' },
  'my.profileSaved': { zh: '已保存联系信息', en: 'Contact details saved' },
  'my.statsIntro': {
    zh: '按年度填写本企业的统计数据。保存草稿后可以继续修改；提交后由科技局审核，审核通过后数据锁定。',
    en: 'Enter your figures year by year. A draft can still be changed; submitted figures go to the bureau, and approved figures are locked.',
  },
  'my.quals': { zh: '我的资质', en: 'My qualifications' },
} satisfies Record<string, Entry>;
