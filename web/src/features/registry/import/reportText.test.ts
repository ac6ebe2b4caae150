import { describe, expect, it } from 'vitest';
import { type z } from 'zod';
import {
  enterpriseInput,
  parkMembership,
  patentInput,
  platformInput,
  qualificationInput,
  statsInput,
} from '../../../../../common/contracts/registry';
import type { Locale } from '../../../../../common/enums';
import { IMPORT_MESSAGE_CODES, IMPORT_PROBLEMS } from '../../../../../common/values/registry';
import type { ImportMessage } from '../../../api/imports';
import { formatMessage } from '../../../app/formatMessage';
import type { TFunction } from '../../../app/i18n';
import { registerMessages, type Entry } from '../../../app/messages';
import dictionary from './messages';
import { fieldText, importMessageText } from './reportText';

const dict: Record<string, Entry> = dictionary;
registerMessages(dict);
const tIn = (locale: Locale): TFunction =>
  ((key: string, params?: Record<string, string | number>) => {
    const entry = dict[key];
    if (!entry) throw new Error(`no entry ${key}`);
    return formatMessage(entry[locale === 'zh-CN' ? 'zh' : 'en'], params, locale);
  }) as TFunction;

/** The placeholders of a key's texts, each given a value of its own name. */
const sampleParams = (key: string) =>
  Object.fromEntries(
    [...`${dict[key]!.zh} ${dict[key]!.en}`.matchAll(/\{(\w+)\}/g)]
      .filter((m) => m[1] !== 'field' && m[1] !== 'problem')
      .map((m) => [m[1]!, `<${m[1]}>`]),
  );

// The fields a report can name: every input the import's rows are parsed into, and the template's own columns.
const COLUMN_KEYS = ['creditCode', 'town', 'park', 'parkFrom', 'type', 'unit', 'year', 'owners', 'number', 'body', 'row'];
const FIELDS = [
  ...[enterpriseInput, parkMembership, qualificationInput, platformInput, patentInput, statsInput].flatMap((s) =>
    Object.keys((s as unknown as z.ZodObject).shape),
  ),
  ...COLUMN_KEYS,
];

describe('import report messages (web)', () => {
  it('every code the importer can emit has its words in both languages, every placeholder filled', () => {
    for (const locale of ['zh-CN', 'en-US'] as const)
      for (const code of IMPORT_MESSAGE_CODES) {
        const key = `regImport.code.${code}`;
        expect(dict[key], key).toBeDefined();
        const problems = code === 'validation' || code === 'patent_number' ? IMPORT_PROBLEMS : [undefined];
        for (const problem of problems) {
          const params = { ...sampleParams(key), ...(problem ? { ...sampleParams(`regImport.problem.${problem}`), problem } : {}) };
          const m: ImportMessage = { field: 'owners.1', code, params, message: '' };
          const text = importMessageText(m, tIn(locale));
          expect(text, `${code}/${problem ?? ''} ${locale}`).not.toMatch(/\{\w+\}|regImport\./);
          for (const v of Object.values(params)) if (v !== problem) expect(text, `${code} ${locale}`).toContain(String(v));
          if (dict[key]!.zh.includes('{field}')) expect(text).toContain(fieldText('owners.1', tIn(locale)));
        }
      }
  });

  it('every problem and type a validation message can name has its words', () => {
    for (const p of IMPORT_PROBLEMS) expect(dict[`regImport.problem.${p}`], p).toBeDefined();
    for (const type of ['string', 'number', 'boolean', 'array', 'object']) expect(dict[`regImport.type.${type}`], type).toBeDefined();
    const m: ImportMessage = { field: 'revenue', code: 'validation', params: { problem: 'type', expected: 'number' }, message: '' };
    expect(importMessageText(m, tIn('zh-CN'))).toBe('字段“营业收入（万元）”：应为数字');
    expect(importMessageText(m, tIn('en-US'))).toBe('Field "Revenue (10k yuan)": must be a number');
  });

  it('every field of the import inputs and columns is named in both languages, items by their number', () => {
    for (const f of FIELDS) expect(dict[`regImport.field.${f}`], f).toBeDefined();
    expect(fieldText('owners.1', tIn('zh-CN'))).toBe('专利权人信用代码第 2 项');
    expect(fieldText('parks.0.fromDate', tIn('en-US'))).toBe('In the park since (item 1)');
    const m: ImportMessage = { field: 'creditCode', code: 'import_duplicate_row', params: { other: 2 }, message: '' };
    expect(importMessageText(m, tIn('zh-CN'))).toBe('字段“统一社会信用代码”：与第 2 行重复');
    expect(importMessageText(m, tIn('en-US'))).toBe('Field "Credit code": duplicates row 2');
  });
});
