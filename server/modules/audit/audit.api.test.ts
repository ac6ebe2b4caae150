import ExcelJS from '../../platform/exceljs.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db.js';
import { today as clockToday } from '../../platform/clock.js';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';

let t: TestContext;
let admin: Agent;
let auditor: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500000' }])).agent;
  auditor = (await agentWith(t, ['auditor'])).agent;
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records every mutation with who, what, before/after and the request id', async () => {
    const res = await admin.patch('/api/org-units/500241003', { aliases: ['平凯'] });
    const requestId = res.headers['x-request-id'];
    const log = (await auditor.get('/api/audit?entity=org_unit&entityId=500241003')).json();
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({
      action: 'update',
      entity: 'org_unit',
      entityId: '500241003',
      requestId,
      changes: { aliases: { before: [], after: ['平凯'] } },
    });
    expect(log.items[0].username).toMatch(/^u\d+_/);
  });

  it('never shows password hashes, only that they changed', async () => {
    const created = (
      await admin.post('/api/users', { username: 'hashcheck', displayName: 'x', roles: [{ role: 'expert', orgUnitCode: '500241' }] })
    ).json();
    const log = (await auditor.get(`/api/audit?entity=user&entityId=${created.user.id}`)).json();
    expect(log.items[0].changes.passwordHash).toEqual({ before: null, after: '***' });
    expect(JSON.stringify(log)).not.toContain('$argon2');
  });

  it('a failed mutation writes nothing', async () => {
    const before = (await auditor.get('/api/audit?entity=org_unit')).json().total;
    const bad = await admin.post('/api/org-units', { code: '500241P05', name: 'x', level: 'county', parentCode: '500241' });
    expect(bad.statusCode).toBe(400);
    expect((await auditor.get('/api/audit?entity=org_unit')).json().total).toBe(before);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are rejected', async () => {
    const db = t.database.db;
    // Drizzle wraps the driver's error; the database's own message is its cause.
    // On PostgreSQL the server's role may not even try (least privilege: server/platform/privileges.api.test.ts).
    const reason = (q: ReturnType<typeof sql>) =>
      db.execute(q).then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await reason(sql`update audit_events set action = 'x'`)).toMatch(
      /append-only: UPDATE rejected|permission denied for table audit_events/,
    );
    expect(await reason(sql`delete from audit_events`)).toMatch(/append-only: DELETE rejected|permission denied for table audit_events/);
    expect(await reason(sql`truncate audit_events`)).toMatch(/append-only: TRUNCATE rejected|permission denied for table audit_events/);
    expect((await auditor.get('/api/audit')).json().total).toBeGreaterThan(0);
  });

  it('GET /api/audit: 401, 400, 403, filters by user and date', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
    expect((await auditor.get('/api/audit?from=yesterday')).statusCode).toBe(400);
    const { agent } = await agentWith(t, ['bureau']);
    expect((await agent.get('/api/audit')).statusCode).toBe(403);
    const today = clockToday();
    const byDate = (await auditor.get(`/api/audit?from=${today}&to=${today}`)).json();
    expect(byDate.total).toBeGreaterThan(0);
    expect((await auditor.get('/api/audit?to=2020-01-01')).json().total).toBe(0);
    const me = (await auditor.get('/api/auth/me')).json();
    const mine = (await admin.get(`/api/audit?username=${me.username}`)).json();
    expect(mine.items.every((e: { username: string }) => e.username === me.username)).toBe(true);
    expect(mine.items.map((e: { action: string }) => e.action)).toContain('login');
    expect((await auditor.get('/api/audit/entities')).json()).toEqual(expect.arrayContaining(['org_unit', 'user']));
  });

  it('GET /api/audit/export: 401, 400, 403 and an xlsx of the filtered rows', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/audit/export' })).statusCode).toBe(401);
    expect((await auditor.get('/api/audit/export?pageSize=0')).statusCode).toBe(400);
    const { agent } = await agentWith(t, ['leader']);
    expect((await agent.get('/api/audit/export')).statusCode).toBe(403);
    const res = await auditor.get('/api/audit/export?entity=org_unit');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('审计日志');
    expect(ws.getRow(1).getCell(4).value).toBe('操作');
    // The default zone (Asia/Shanghai) by its usual name; another zone: audit.zone.api.test.ts.
    expect(ws.getRow(1).getCell(2).value).toBe('时间（北京时间）');
    const total = (await auditor.get('/api/audit?entity=org_unit')).json().total;
    expect(ws.rowCount - 1).toBe(total);
    expect(String(ws.getRow(2).getCell(5).value)).toBe('org_unit');
  });
});

describe('audit log scope (issue #12)', () => {
  it('auditors and admins of one town or another county read only the events of their subtree, login IPs included', async () => {
    const town = (await agentWith(t, [{ role: 'auditor', orgUnitCode: '500241001' }])).agent;
    const townAdmin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500241001' }])).agent;
    const wanzhou = (await agentWith(t, [{ role: 'auditor', orgUnitCode: '500101' }])).agent;
    const wanzhouAdmin = (await agentWith(t, [{ role: 'admin', orgUnitCode: '500101' }])).agent;
    // Events of two towns: an org unit edit each, and the sign-in of a user of each town.
    await admin.patch('/api/org-units/500241001', { aliases: ['中和'] });
    await admin.patch('/api/org-units/500241002', { aliases: ['乌杨'] });
    const inTown = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500241001' }])).user;
    const elsewhere = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500241002' }])).user;
    const ids = async (a: Agent, q: string) =>
      (await a.get(`/api/audit?${q}&pageSize=200`)).json().items.map((e: { entityId: string }) => e.entityId) as string[];
    for (const reader of [town, townAdmin]) {
      expect(await ids(reader, 'entity=org_unit')).toEqual(['500241001']);
      const logins = (await reader.get('/api/audit?entity=user&pageSize=200')).json().items as { entityId: string; ip: string }[];
      expect(logins.map((e) => e.entityId)).toContain(inTown.id);
      expect(logins.map((e) => e.entityId)).not.toContain(elsewhere.id);
      expect(logins.find((e) => e.entityId === inTown.id)!.ip).toBeTruthy();
    }
    for (const reader of [wanzhou, wanzhouAdmin]) {
      expect(await ids(reader, 'entity=org_unit')).toEqual([]);
      const users = await ids(reader, 'entity=user');
      expect(users).not.toContain(inTown.id);
      expect(users).not.toContain(elsewhere.id);
    }
    // The county's auditor reads both towns; the city's admin everything, the installation's own events too.
    expect(await ids(auditor, 'entity=org_unit')).toEqual(expect.arrayContaining(['500241001', '500241002']));
    expect(await ids(admin, 'entity=user')).toEqual(expect.arrayContaining([inTown.id, elsewhere.id]));
    // The export is filtered the same way.
    const res = await town.get('/api/audit/export?entity=org_unit');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    expect(String(ws.getRow(2).getCell(6).value)).toBe('500241001');
    const other = await wanzhou.get('/api/audit/export?entity=user');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb2.worksheets[0]!.getSheetValues());
    expect(text).not.toContain(inTown.id);
    expect((await wanzhou.get('/api/audit/entities')).json()).not.toContain('org_unit');
  });

  it('each event carries the org unit it concerns; the append-only trigger still holds', async () => {
    const rows = rowsOf<{ entity: string; entity_id: string; org_unit_code: string | null }>(
      await t.database.db.execute(sql`select entity, entity_id, org_unit_code from audit_events where entity in ('org_unit', 'user')`),
    );
    expect(rows.filter((r) => r.entity === 'org_unit').every((r) => r.org_unit_code === r.entity_id)).toBe(true);
    const reason = await t.database.db.execute(sql`update audit_events set org_unit_code = null`).then(
      () => 'accepted',
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    // PostgreSQL with the least-privilege role refuses it before the trigger does.
    expect(reason).toMatch(/append-only: UPDATE rejected|permission denied for table audit_events/);
  });
});
