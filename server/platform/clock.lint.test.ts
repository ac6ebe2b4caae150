import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './config.js';

/**
 * The lint ban of issue #13 (one clock): each planted snippet is linted with the repository's own
 * eslint.config.js as if it were a service file, and must be refused by the clock rule.
 */
const eslint = new ESLint({ cwd: PROJECT_ROOT });
// An existing file's path, so the typed rules find it in the project; its text is the planted snippet.
const filePath = path.join(PROJECT_ROOT, 'server/modules/audit/audit.service.ts');

async function clockErrors(code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && /come from the clock/.test(m.message)).length;
}

const PLANTED: Record<string, string> = {
  'UTC today by slicing': 'export const a = new Date().toISOString().slice(0, 10);',
  'substring of an ISO string': 'export const a = (d: Date) => d.toISOString().substring(0, 10);',
  'split at T': "export const a = (d: Date) => d.toISOString().split('T')[0];",
  'the browser zone offset': 'export const a = new Date().getTimezoneOffset();',
  'the year in the local zone': 'export const a = new Date().getFullYear();',
  'a day in the local zone': 'export const a = (d: Date) => d.setDate(d.getDate() + 1);',
  'a literal +08:00 offset': 'export const a = (d: string) => new Date(`${d}T00:00:00+08:00`);',
  'a literal offset string': "export const a = '+08:00';",
  'a zone named in code': "export const a = 'Asia/Shanghai';",
  'eight hours in milliseconds': 'export const a = Date.now() + 8 * 3600_000;',
  'eight hours in seconds': 'export const a = Date.now() + 8 * 3600 * 1000;',
  'eight hours in minutes': 'export const a = Date.now() + 8 * 60 * 60 * 1000;',
};

describe('lint bans ad-hoc dates and zones outside common/clock.ts', { timeout: 120_000 }, () => {
  for (const [name, code] of Object.entries(PLANTED)) {
    it(`refuses ${name}`, async () => {
      expect(await clockErrors(code)).toBeGreaterThan(0);
    });
  }

  it('accepts the clock', async () => {
    const code = [
      "import { addMonths } from '../../../common/clock.js';",
      "import { today, dateTimeIn } from '../../platform/clock.js';",
      'export const a = [addMonths(today(), 6), dateTimeIn(new Date()), new Date().toISOString()];',
    ].join('\n');
    expect(await clockErrors(code)).toBe(0);
  });
});
