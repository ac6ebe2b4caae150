/** The statistics import's xlsx template. */
import type { Locale } from '../../../common/enums.js';
import { UNIT_KINDS, UNITS } from '../../../common/units.js';
import ExcelJS from '../../platform/exceljs.js';
import { STATS_COLUMNS } from './stats-read.js';

/** The xlsx template: the header on the first sheet; instructions with an example; the units. */
export async function statsTemplate(locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang';
  const header = STATS_COLUMNS.map((c) => `${c.zh} ${c.en}`);
  const ws = wb.addWorksheet(zh ? '导入' : 'Import');
  ws.addRow(header).font = { bold: true };
  ws.columns.forEach((col, i) => (col.width = [16, 30, 10, 14, 10, 40][i] ?? 16));
  ws.views = [{ state: 'frozen', ySplit: 1 }];

  const help = wb.addWorksheet(zh ? '说明' : 'Instructions');
  const lines = zh
    ? [
        '每行一个数值：地区 × 指标 × 年份。“导入”表第一行是表头，请从第二行开始填写。',
        '地区：区划名称或代码，可简写（九龙坡、忠 县、秀山县）；“全市”即重庆市；只能导入您管辖范围内的地区；不在区划表中的省级行政区（如北京市）仅在全部区划的管理员导入时新增。',
        '指标：数据元素代码（如 rd_expenditure）或中文名称。',
        '单位：本行数值的单位；导入时换算为该指标的单位（如 亿元 → 万元）。百分比不换算；不同种类的单位不能换算。',
        '同一文件同时有 R&D 经费投入强度（公布值）、R&D 经费和地区生产总值时，核对公布值，超出舍入误差的行给出警告（不阻止导入）。',
        '上传后先预览，逐行列出所有问题；确认后全部保存为“已提交”，由另一位工作人员审核；有任何错误则一条都不保存。已审核的数值不能通过导入替换。',
        '示例：',
      ]
    : [
        'One value per row: region × indicator × year. The first row of the Import sheet is the header; fill in from row 2.',
        'Region: an org unit name or code, loosely written (九龙坡, 忠 县, 秀山县); 全市 is Chongqing; only regions within your scope; a province not yet known (e.g. 北京市) is added only when an administrator of all units imports it.',
        'Indicator: a data element code (e.g. rd_expenditure) or its Chinese name.',
        'Unit: the unit of the value in this row; it is converted to the indicator’s unit (e.g. 亿元 → 万元). Percentages are not converted; units of different kinds cannot be.',
        'When a file holds the published R&D intensity with R&D expenditure and GDP, the published figure is checked; rows beyond rounding are warned about (not blocking).',
        'An upload is first previewed with every problem by row; on confirmation everything is saved as submitted, for another staff member to approve, or nothing if any row has an error. Approved values cannot be replaced by an import.',
        'Example:',
      ];
  lines.forEach((l) => help.addRow([l]));
  help.addRow(header).font = { bold: true };
  const note = zh ? '规划表：2020年各区县研究与试验发展（R&D）经费情况' : 'Plan table: R&D by district, 2020';
  help.addRow(['秀山县', 'rd_expenditure', 2020, 0.3005, '亿元', note]);
  help.addRow(['秀山县', '地区生产总值', 2020, 301.27, '亿元', note]);
  help.addRow(['秀山县', 'rd_intensity_published', 2020, 0.1, '%', note]);
  help.getColumn(1).width = 16;

  const unitSheet = wb.addWorksheet(zh ? '单位' : 'Units');
  unitSheet.addRow(zh ? ['单位', '种类', '换算为基本单位', '其他写法'] : ['Unit', 'Kind', 'In the base unit', 'Also written']).font = {
    bold: true,
  };
  for (const d of UNITS) {
    const k = UNIT_KINDS[d.kind];
    const size = d.size[1] === 1 ? String(d.size[0]) : `${d.size[0]}/${d.size[1]}`;
    unitSheet.addRow([d.symbol, zh ? k.zh : k.en, `1 ${d.symbol} = ${size} ${k.base}`, (d.aliases ?? []).join(' ')]);
  }
  unitSheet.columns.forEach((col, i) => (col.width = [12, 12, 30, 24][i] ?? 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
