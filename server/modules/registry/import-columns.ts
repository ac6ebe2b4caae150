/** The registry imports' columns per kind and their xlsx template. */
import type { Locale } from '../../../common/enums.js';
import type { ImportKind } from '../../../common/values/registry.js';
import ExcelJS from '../../platform/exceljs.js';

type Col = { key: string; zh: string; en: string; example: string };
const c = (key: string, zh: string, en: string, example = ''): Col => ({ key, zh, en, example });

export const COLUMNS: Record<ImportKind, Col[]> = {
  enterprises: [
    c('creditCode', '统一社会信用代码', 'Credit code', '91500241MA5U3XXXXX'),
    c('name', '企业名称', 'Name', '秀山县某某科技有限公司'),
    c('legalRepresentative', '法定代表人', 'Legal representative'),
    c('foundedOn', '成立日期', 'Founded on', '2018-05-01'),
    c('town', '注册地（乡镇街道）', 'Registered in (town)', '中和街道'),
    c('industryCode', '行业代码', 'Industry code (GB/T 4754)', 'C27'),
    c('tags', '产业标签', 'Industry tags', '中医药、数字经济'),
    c('sizeClass', '企业规模', 'Size', '小型'),
    c('contactName', '联系人', 'Contact'),
    c('contactPhone', '联系电话', 'Phone'),
    c('address', '地址', 'Address'),
    c('park', '所在园区', 'Park', '秀山工业园区'),
    c('parkFrom', '入园日期', 'In the park since', '2019-01-01'),
  ],
  qualifications: [
    c('creditCode', '统一社会信用代码', 'Credit code'),
    c('type', '资质类型', 'Qualification type', '高新技术企业'),
    c('number', '证书编号', 'Certificate number'),
    c('issuedOn', '发证日期', 'Issued on', '2023-11-20'),
    c('revokedOn', '撤销日期', 'Revoked on'),
  ],
  platforms: [
    c('name', '平台名称', 'Name'),
    c('type', '平台类型', 'Type', '工程技术研究中心'),
    c('level', '级别', 'Level', '市级'),
    c('hostCreditCode', '依托单位信用代码', 'Host credit code'),
    c('hostName', '依托单位名称', 'Host name'),
    c('unit', '所在区划', 'Org unit', '中和街道'),
    c('recognizedOn', '认定日期', 'Recognised on', '2022-06-01'),
    c('revokedOn', '撤销日期', 'Revoked on'),
    c('floorArea', '孵化面积（平方米）', 'Floor area (m²)'),
  ],
  patents: [
    c('number', '专利号', 'Patent number', 'ZL202110123456.X'),
    c('title', '专利名称', 'Title'),
    c('filedOn', '申请日', 'Filed on', '2021-03-02'),
    c('grantedOn', '授权日', 'Granted on'),
    c('status', '法律状态', 'Status', '有效'),
    c('owners', '专利权人信用代码', 'Owner credit codes', '91500241…、91500241…'),
  ],
  stats: [
    c('creditCode', '统一社会信用代码', 'Credit code'),
    c('year', '年度', 'Year', '2024'),
    c('avgEmployees', '平均职工人数', 'Average employees'),
    c('stStaff', '科技人员数', 'S&T staff'),
    c('revenue', '营业收入（万元）', 'Revenue (10k yuan)'),
    c('productSales', '产品销售收入（万元）', 'Product sales'),
    c('newProductSales', '新产品销售收入（万元）', 'New-product sales'),
    c('highTechRevenue', '高新技术产品（服务）收入（万元）', 'High-tech revenue'),
    c('rdExpense', '研发费用（万元）', 'R&D expense'),
    c('rdExpenseDomestic', '境内研发费用（万元）', 'R&D in China'),
    c('totalCost', '成本费用总额（万元）', 'Total cost'),
    c('netAssets', '净资产（万元）', 'Net assets'),
    c('totalAssets', '资产总额（万元）', 'Total assets'),
  ],
};

export async function importTemplate(kind: ImportKind, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang';
  const ws = wb.addWorksheet(locale === 'zh-CN' ? '导入' : 'Import');
  ws.addRow(COLUMNS[kind].map((col) => `${col.zh} ${col.en}`)).font = { bold: true };
  ws.columns.forEach((col) => (col.width = 24));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet(locale === 'zh-CN' ? '说明' : 'Instructions');
  help.addRow([
    locale === 'zh-CN'
      ? '每行一条记录；日期写成 2024-05-01；金额单位为万元；区划可写名称或代码。'
      : 'One record per row; dates as 2024-05-01; money in 10 000 yuan; org units by name or code.',
  ]);
  help.addRow([locale === 'zh-CN' ? '示例：' : 'Example:']);
  help.addRow(COLUMNS[kind].map((col) => col.example));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
