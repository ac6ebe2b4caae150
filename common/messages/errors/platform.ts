import type { Dict } from '../dict.js';

/** Error messages: The platform: server and database failures, request shapes, shared field rules. */
export const platformErrors: Dict = {
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
