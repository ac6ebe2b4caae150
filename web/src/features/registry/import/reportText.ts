import { IMPORT_PROBLEMS, type ImportProblem } from '../../../../../common/values/registry';
import type { ImportMessage } from '../../../api/imports';
import type { TFunction, TParams } from '../../../app/i18n';
import { isMessageKey } from '../../../app/messages';

const TYPES = ['string', 'number', 'boolean', 'array', 'object'] as const;

const isProblem = (v: unknown): v is ImportProblem => (IMPORT_PROBLEMS as readonly unknown[]).includes(v);

/** A parameter as the text it fills in (codes, numbers and names come as they are; a list is joined). */
function scalar(v: unknown): string | number {
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(scalar).join(', ');
  return v === null || v === undefined ? '' : JSON.stringify(v);
}

/** A report's field as the template's column names it: `creditCode` → 统一社会信用代码, `owners.1` → …第 2 项. */
export function fieldText(field: string, t: TFunction): string {
  const parts = field.split('.');
  const name = parts.filter((p) => !/^\d+$/.test(p)).pop() ?? field;
  const key = `regImport.field.${name}`;
  const label = isMessageKey(key) ? t(key) : name;
  const index = parts.find((p) => /^\d+$/.test(p));
  return index === undefined ? label : t('regImport.fieldItem', { label, n: Number(index) + 1 });
}

/** One problem of an import row in the reader's language, from its code and parameters. */
export function importMessageText(m: ImportMessage, t: TFunction): string {
  const params: TParams = Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, scalar(v)]));
  const problem = m.params.problem;
  if (isProblem(problem)) {
    const expected = m.params.expected;
    const typeName = (TYPES as readonly unknown[]).includes(expected)
      ? t(`regImport.type.${expected as (typeof TYPES)[number]}`)
      : undefined;
    params.problem = t(`regImport.problem.${problem}`, typeName ? { ...params, expected: typeName } : params);
  }
  params.field = m.field ? fieldText(m.field, t) : '';
  return t(`regImport.code.${m.code}`, params);
}
