import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, dateTimeIn } from '../../../common/clock.js';
import { agentWith, createTestApp, login, type TestContext } from '../../../test/harness.js';
import { users } from '../../db/schema/accounts.js';
import ExcelJS from '../../platform/exceljs.js';

/**
 * The export's times are on the installation's wall clock (KECHUANG_TIME_ZONE), and its heading names that zone:
 * an installation in Berlin is not told its times are Beijing's.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ timeZone: 'Europe/Berlin' });
});
afterAll(() => t.close());

const sheetOf = async (res: { rawPayload: Buffer }) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
};

describe('audit export in another time zone', () => {
  it("heads the time column with the installation's zone and writes each time on its wall clock, in both languages", async () => {
    const admin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500000' }])).agent;
    expect((await admin.patch('/api/org-units/500241003', { aliases: ['时区'] })).statusCode).toBe(200);
    const { user, agent: auditor } = await agentWith(t, ['auditor']);
    const [event] = (await auditor.get('/api/audit?entity=org_unit&entityId=500241003')).json().items as { id: string; at: string }[];

    const zh = await sheetOf(await auditor.get('/api/audit/export?entity=org_unit&entityId=500241003'));
    expect(zh.getRow(1).getCell(2).value).toBe('时间（Europe/Berlin）');
    expect(String(zh.getRow(2).getCell(1).value)).toBe(event!.id);
    expect(zh.getRow(2).getCell(2).value).toBe(dateTimeIn(event!.at, 'Europe/Berlin'));
    // Seven or six hours from Beijing's wall clock: the zone is not ignored.
    expect(zh.getRow(2).getCell(2).value).not.toBe(dateTimeIn(event!.at, DEFAULT_TIME_ZONE));

    // An English reader (signed in again: a session keeps the user it was opened with for a while).
    await t.database.db.update(users).set({ locale: 'en-US' }).where(eq(users.id, user.id));
    const english = await login(t, user.username);
    const en = await sheetOf(await english.get('/api/audit/export?entity=org_unit&entityId=500241003'));
    expect(en.getRow(1).getCell(2).value).toBe('Time (Europe/Berlin)');
    expect(en.getRow(2).getCell(2).value).toBe(dateTimeIn(event!.at, 'Europe/Berlin'));
  });
});
