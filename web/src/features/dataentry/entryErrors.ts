import type { ValueInput } from '../../../../common/contracts/datavalues';
import { ApiError } from '../../api/http';

export interface RowErrors {
  /** Messages per data element code, for the rows they belong to. */
  byCode: Record<string, string[]>;
  /** Some corrected value was approved (locked) and needs a reason. */
  needsReason: boolean;
  /** Messages that belong to no row. */
  general: string[];
}

// The server names the field by its place in the request ("第 3 项的数值"); on the row that is noise.
const withoutFieldName = (message: string) => message.replace(/^(字段“[^”]*”：|Field "[^"]*": )/, '');

/**
 * The server answers a bulk save with one issue per problem, named by the position in the request
 * ("values.3.value"); this puts each back on its row.
 */
export function rowErrors(error: unknown, sent: readonly ValueInput[]): RowErrors {
  const out: RowErrors = { byCode: {}, needsReason: false, general: [] };
  if (!(error instanceof ApiError)) return out;
  const issues = error.details.length > 0 ? error.details : error.field ? [{ field: error.field, message: error.message }] : [];
  for (const issue of issues) {
    const m = /^values\.(\d+)\.(\w+)/.exec(issue.field);
    const code = m ? sent[Number(m[1])]?.dataElement : undefined;
    if (!m || !code) {
      out.general.push(issue.message);
      continue;
    }
    if (m[2] === 'reason') out.needsReason = true;
    (out.byCode[code] ??= []).push(withoutFieldName(issue.message));
  }
  if (issues.length === 0) out.general.push(error.message);
  return out;
}
