import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type z } from 'zod';
import { importMessage } from '../../../common/contracts/registry-import.js';
import {
  enterpriseInput,
  parkMembership,
  patentInput,
  platformInput,
  qualificationInput,
  statsInput,
} from '../../../common/contracts/registry.js';
import { creditCodeCheckChar } from '../../../common/registry/index.js';
import { IMPORT_MESSAGE_CODES, IMPORT_PROBLEMS } from '../../../common/values/registry.js';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';
import { COLUMNS } from './import.js';

/**
 * The import report speaks in codes (issue #13): every problem of every row carries a code the web can render
 * (IMPORT_MESSAGE_CODES, which features/registry/import/reportText.test.ts checks against the web dictionary),
 * its parameters, and a field the web can name. Files with one mistake of each kind walk every code.
 */
let t: TestContext;
let county: Agent;
const code = (first17: string) => first17 + creditCodeCheckChar(first17);

beforeAll(async () => {
  t = await createTestApp();
  county = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500241' }])).agent;
});
afterAll(() => t.close());

async function check(kind: string, lines: string[], dryRun = true, query = '') {
  const res = await county.request({
    method: 'POST',
    url: `/api/registry/imports?kind=${kind}&dryRun=${dryRun}${query}`,
    headers: { 'content-type': 'text/csv' },
    payload: Buffer.from(lines.join('\n')),
  });
  expect(res.statusCode).toBe(202);
  for (;;) {
    const job = (await county.get(`/api/registry/imports/${res.json().jobId}`)).json();
    if (job.state !== 'running') {
      expect(job.state).toBe('done');
      return job.report as { committed: boolean; rows: { row: number; status: string; messages: z.infer<typeof importMessage>[] }[] };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

const header = (kind: keyof typeof COLUMNS) => COLUMNS[kind].map((c) => c.zh).join(',');
// A field a report may name: an input's key (its last part, without item numbers) or a template column.
const FIELDS = new Set([
  ...[enterpriseInput, parkMembership, qualificationInput, platformInput, patentInput, statsInput].flatMap((s) =>
    Object.keys((s as unknown as z.ZodObject).shape),
  ),
  ...Object.values(COLUMNS).flatMap((cols) => cols.map((c) => c.key)),
  'body',
  'row',
]);
// Codes no file here produces, and why.
const NOT_WALKED: Record<string, string> = {
  import_ambiguous_unit: 'the seed has no two units the same name resolves to',
  not_in_scope_unit: 'a unit resolved from the file always exists',
};

describe('import report: codes and parameters', () => {
  it('every problem of every row carries a code, parameters and a field the web can render', async () => {
    const seen = new Set<string>();
    const problems = new Set<string>();
    const walk = (report: Awaited<ReturnType<typeof check>>) => {
      for (const r of report.rows) {
        if (r.status === 'error') expect(r.messages.length, `row ${r.row}`).toBeGreaterThan(0);
        for (const m of r.messages) {
          expect(() => importMessage.parse(m), JSON.stringify(m)).not.toThrow();
          expect(IMPORT_MESSAGE_CODES, JSON.stringify(m)).toContain(m.code);
          expect(m.message).not.toBe('');
          if (m.field)
            expect(FIELDS, `${m.code}: ${m.field}`).toContain(
              m.field
                .split('.')
                .filter((p) => !/^\d+$/.test(p))
                .pop(),
            );
          if ('problem' in m.params) {
            expect(IMPORT_PROBLEMS).toContain(m.params.problem);
            problems.add(String(m.params.problem));
          }
          seen.add(m.code);
        }
      }
    };
    const a = code('91500241MA6R00AA1');
    const b = code('91500241MA6R00BB1');
    const beibei = code('91500109MA6R00CC1');
    walk(
      await check(
        'enterprises',
        [
          header('enterprises'),
          `${a},秀山县报告一号有限公司,,2019-04-01,中和街道,,,,,,,,`,
          `${a},秀山县重复有限公司,,2019-04-01,中和街道,,,,,,,,`,
          `ABC,秀山县短码有限公司,,,中和街道,,,,,,,,`,
          `91500241MA6R0I0AAX,秀山县错字有限公司,,,中和街道,,,,,,,,`,
          `${a.slice(0, 17)}${a.endsWith('0') ? '1' : '0'},秀山县校验有限公司,,,中和街道,,,,,,,,`,
          `${b},秀山县火星有限公司,,,火星镇,,,,,,,,`,
          `${b},秀山县无地有限公司,,,,,,,,,,,`,
          `${b},,,not-a-date,中和街道,,不存在的标签,巨型,,,,,`,
          `${b},${'长'.repeat(2001)},,,中和街道,,,,,,,,`,
          `${beibei},北碚区越权有限公司,,,500109,,,,,,,,`,
        ],
        true,
        '&orgUnit=500000',
      ),
    );
    // Saved, so the next files find them registered.
    const saved = await check('enterprises', [header('enterprises'), `${a},秀山县报告一号有限公司,,2019-04-01,中和街道,,,,,,,,`], false);
    expect(saved.committed).toBe(true);
    walk(await check('enterprises', [header('enterprises'), `${a},秀山县报告一号有限公司,,2019-04-01,中和街道,,,,,,,,`]));
    walk(
      await check('qualifications', [
        header('qualifications'),
        `${b},高新技术企业,,2023-11-20,`,
        `${a},不存在的资质,,2023-11-20,`,
        `${a},高新技术企业,,2023-11-20,2022-01-01`,
        `${a},高新技术企业,,2023-13-45,`,
      ]),
    );
    walk(await check('platforms', [header('platforms'), `报告平台,工程技术研究中心,市级,,,中和街道,2022-06-01,2021-01-01,`]));
    const patent = '202110123456.7';
    expect((await check('patents', [header('patents'), `${patent},报告专利,2021-03-02,,有效,${a}`], false)).committed).toBe(true);
    walk(
      await check('patents', [
        header('patents'),
        `123,格式不对,2021-03-02,,有效,${a}`,
        `202110123456.8,校验不对,2021-03-02,,有效,${a}`,
        `CN202110123457,缺校验位,2021-03-02,,有效,${a}`,
        `${patent},已登记,2021-03-02,,有效,${a}`,
        `202210123456.1,日期颠倒,2022-03-02,2021-01-01,有效,${a}`,
        `ZL202310123456.1,无人认领,2023-03-02,,有效,${beibei}`,
      ]),
    );
    const ent = (await county.get(`/api/enterprises/${a}`)).json() as { id: string };
    const figures = { avgEmployees: 10, stStaff: 1, revenue: 100, productSales: 1, newProductSales: 1, highTechRevenue: 1 };
    const figuresBody = { ...figures, rdExpense: 1, rdExpenseDomestic: 1, totalCost: 1, netAssets: 1, totalAssets: 1 };
    expect(
      (await county.request({ method: 'PUT', url: `/api/enterprises/${ent.id}/stats/2023`, payload: figuresBody })).statusCode,
    ).toBeLessThan(300);
    expect((await county.post(`/api/enterprises/${ent.id}/stats/2023/approve`, {})).statusCode).toBeLessThan(300);
    walk(
      await check('stats', [
        '统一社会信用代码,年度,平均职工人数,科技人员数,营业收入（万元）',
        `${a},公元,1,1,1`,
        `${b},2024,1,1,1`,
        `${a},2023,1,1,1`,
        `${a},2024,很多,1,1`,
      ]),
    );
    expect([...seen, ...Object.keys(NOT_WALKED)].sort()).toEqual([...IMPORT_MESSAGE_CODES].sort());
    expect([...problems].sort()).toEqual(expect.arrayContaining(['date', 'patent_check', 'patent_format', 'patent_missing_check', 'type']));
  }, 120_000);
});
