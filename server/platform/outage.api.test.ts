/**
 * A database outage is not a crash (issue #12, point 8). A throwaway PostgreSQL cluster of its own (never the
 * shared one) is stopped — fast, then immediate (a crash, recovered at the next start) — and started again
 * while 12 clients of mixed reads and writes use a real server process (server/main.ts) on loopback. Before
 * the fix the server died (porsager/postgres#1208), answered 500 and hung past 15 s.
 *
 * It needs pg_createcluster (Debian's postgresql-common) and root. Where they are missing it skips itself and
 * says why, unless KC_REQUIRE_OUTAGE_TEST=1 (.ci/run sets it), which makes that a failure. It runs in the
 * api-postgres project only (it has nothing to do with the template database; once is enough).
 */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from '../../test/db-template.js';
import { PROJECT_ROOT } from './config.js';
import postgres, { type Sql } from './postgres.js';

const run = promisify(execFile);
const REQUIRED = process.env.KC_REQUIRE_OUTAGE_TEST === '1';
const CLIENTS = 12;
const PASSWORD = 'Outage-Test-Passw0rd-7';
/** The longest any request may take, outage or not (the issue saw requests hang past 15 s). */
const HARD_LIMIT_MS = 15_000;
/** The longest a 503 may take: connect timeout (3 s) + reconnection delay, with room for a loaded machine. */
const UNAVAILABLE_LIMIT_MS = 8_000;

function whyNot(): string | undefined {
  if (backend() !== 'postgres') return 'runs in the api-postgres project only';
  if (spawnSync('pg_createcluster', ['--help'], { stdio: 'ignore' }).error) return 'pg_createcluster is not installed';
  if (process.getuid?.() !== 0) return 'pg_createcluster needs root';
  return undefined;
}
const skip = whyNot();
if (skip && REQUIRED && backend() === 'postgres') throw new Error(`KC_REQUIRE_OUTAGE_TEST=1 but the outage test cannot run: ${skip}`);
if (skip) console.log(`[outage] skipped: ${skip}`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Sample {
  kind: string;
  status: number;
  ms: number;
  start: number;
  retryAfter: string | null;
  code: string | undefined;
}

describe.skipIf(skip !== undefined)('a database outage is not a crash', () => {
  const version = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))[0]!
    : '';
  const cluster = `kc_outage_${process.pid}`;
  let pgPort = 0;
  let httpPort = 0;
  let dataDir = '';
  let server: ChildProcess | undefined;
  let exited: { code: number | null; signal: string | null } | undefined;
  let output = '';
  let owner: Sql | undefined;
  const ctl = (action: string, ...args: string[]) => run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, action, ...args]);

  beforeAll(async () => {
    pgPort = await freePort();
    httpPort = await freePort();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kc-outage-'));
    // Loopback only (listen_addresses stays 'localhost'); trust, as the cluster lives for this test alone.
    await run('pg_createcluster', [version, cluster, '-p', String(pgPort), '--', '--auth-host=trust', '--auth-local=trust']);
    await ctl('start');
    const admin = postgres(`postgres://postgres@127.0.0.1:${pgPort}/postgres`, { max: 1, onnotice: () => undefined });
    try {
      // The two roles of docs/OPERATIONS.md: the owner migrates, the server runs as a role owning nothing.
      await admin.unsafe(`CREATE ROLE kc_owner LOGIN`);
      await admin.unsafe(`CREATE ROLE kc_app LOGIN`);
      await admin.unsafe(`CREATE DATABASE kechuang OWNER kc_owner`);
    } finally {
      await admin.end();
    }
    server = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(PROJECT_ROOT, 'server', 'main.ts')],
      {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(httpPort),
          DATABASE_URL: `postgres://kc_app@127.0.0.1:${pgPort}/kechuang`,
          DATABASE_MIGRATE_URL: `postgres://kc_owner@127.0.0.1:${pgPort}/kechuang`,
          KECHUANG_DATA_DIR: dataDir,
          KECHUANG_ADMIN_PASSWORD: PASSWORD,
          KECHUANG_DEMO: '0',
          KECHUANG_WEB_DIR: '/nonexistent',
          KECHUANG_RATE_LIMIT_LOGIN: 'off',
          KECHUANG_RATE_LIMIT_ANONYMOUS_READ: 'off',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    server.on('exit', (code, signal) => (exited = { code, signal }));
    const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
    server.stdout!.on('data', keep);
    server.stderr!.on('data', keep);
    for (let waited = 0; ; waited += 250) {
      if (exited) throw new Error(`the server exited at start: ${JSON.stringify(exited)}\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${httpPort}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (waited > 120_000) throw new Error(`the server did not start in 120 s\n${output}`);
      await sleep(250);
    }
    owner = postgres(`postgres://kc_owner@127.0.0.1:${pgPort}/kechuang`, { max: 1, onnotice: () => undefined, connect_timeout: 3 });
  }, 240_000);

  afterAll(async () => {
    await owner?.end({ timeout: 1 }).catch(() => undefined);
    if (server && !exited) {
      server.kill('SIGTERM');
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited) server.kill('SIGKILL');
    }
    await run('pg_dropcluster', ['--stop', version, cluster]).catch((e: unknown) => console.log(`[outage] pg_dropcluster: ${String(e)}`));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('stays up; answers 503 with Retry-After, in bounded time; comes back with sessions, pages and writes intact', async () => {
    const base = `http://127.0.0.1:${httpPort}`;
    const T0 = performance.now();
    const now = () => performance.now() - T0;

    // Every client signs in as itself: a session of its own, checked after each restart.
    const sessions: { cookie: string; csrf: string }[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: PASSWORD }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
      sessions.push({ cookie: cookies.join('; '), csrf: cookies.find((c) => c.startsWith('kc_csrf='))!.slice('kc_csrf='.length) });
    }
    const [plan] = await owner!<{ id: string }[]>`select id::text from plans order by id limit 1`;
    const pages = ['/api/auth/me', '/api/org-units/500241', ...(plan ? [`/api/plans/${plan.id}/dashboard`] : [])];
    const get = (url: string, s?: { cookie: string }) =>
      fetch(`${base}${url}`, { headers: s ? { cookie: s.cookie } : {}, signal: AbortSignal.timeout(HARD_LIMIT_MS + 5_000) });
    // The dashboard carries the data revision, which every write (the load's org units) advances.
    const comparable = (text: string) => {
      try {
        const { revision: _revision, ...rest } = JSON.parse(text) as Record<string, unknown>;
        return rest;
      } catch {
        return text;
      }
    };
    const snapshot = async () =>
      Promise.all(
        pages.map(async (p) => ({
          page: p,
          ...(await get(p, sessions[0]).then(async (r) => ({ status: r.status, body: comparable(await r.text()) }))),
        })),
      );
    const before = await snapshot();
    for (const b of before.filter((x) => x.page !== pages[2])) expect(b.status, `${b.page}: ${b.body}`).toBe(200);

    // The load: each client reads (its own session, Xiushan's org unit, Xiushan's dashboard, the health check)
    // and writes (an org unit of a code of its own, under 万州, so that the pages read stay as they were) in turn,
    // without pause.
    const samples: Sample[] = [];
    const writes = new Map<string, number[]>();
    const counters = Array<number>(CLIENTS).fill(0);
    const letters = 'ABCDEFGHJKLM';
    let stop = false;
    const write = async (k: number, code: string) => {
      const s = sessions[k]!;
      return fetch(`${base}/api/org-units`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ code, name: `停机测试 ${code}`, level: 'township', parentCode: '500101' }),
        signal: AbortSignal.timeout(HARD_LIMIT_MS + 5_000),
      });
    };
    const client = async (k: number) => {
      for (let n = 0; !stop && !exited; n++) {
        const kind = ['write', 'me', 'unit', 'dashboard', 'health'][n % 5]!;
        const start = now();
        let res: Response;
        try {
          if (kind === 'write') {
            const code = `500101${letters[k]}${String(counters[k]!++).padStart(3, '0')}`;
            res = await write(k, code);
            writes.set(code, [...(writes.get(code) ?? []), res.status]);
          } else {
            const url =
              kind === 'me' ? pages[0]! : kind === 'unit' ? pages[1]! : kind === 'dashboard' ? (pages[2] ?? pages[0]!) : '/api/health';
            res = await get(url, kind === 'health' ? undefined : sessions[k]);
          }
        } catch (e) {
          samples.push({ kind, status: 0, ms: now() - start, start, retryAfter: null, code: String(e) });
          continue;
        }
        const text = await res.text();
        let code: string | undefined;
        try {
          const body = JSON.parse(text) as { error?: { code?: string } };
          code = body.error?.code;
        } catch {
          code = undefined;
        }
        samples.push({ kind, status: res.status, ms: now() - start, start, retryAfter: res.headers.get('retry-after'), code });
      }
    };
    const load = Array.from({ length: CLIENTS }, (_, k) => client(k));

    const windows: { stopped: number; starting: number }[] = [];
    const waitHealthy = async () => {
      for (let waited = 0; ; waited += 200) {
        const r = await get('/api/health').then(
          (x) => x.status,
          () => 0,
        );
        if (r === 200) return;
        if (waited > 90_000) throw new Error('the server did not see the database back within 90 s');
        await sleep(200);
      }
    };
    try {
      await sleep(2_000);
      for (const mode of ['fast', 'immediate']) {
        await ctl('stop', '-m', mode);
        const stopped = now();
        await sleep(4_000);
        // The monitor's view while down: 503, and a body that says so.
        const health = await get('/api/health');
        expect(health.status).toBe(503);
        expect(health.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(await health.json()).toMatchObject({ status: 'down', database: 'postgres', error: { code: 'database_unavailable' } });
        windows.push({ stopped, starting: now() });
        await ctl('start');
        await waitHealthy();
        await sleep(3_000);
      }
    } finally {
      stop = true;
      await Promise.all(load);
    }

    const summary = Object.entries(
      samples.reduce<Record<string, number>>(
        (acc, s) => ((acc[`${s.kind} ${s.status}`] = (acc[`${s.kind} ${s.status}`] ?? 0) + 1), acc),
        {},
      ),
    ).sort();
    const unavailable = samples.filter((s) => s.status === 503);
    console.log(
      `[outage] ${samples.length} requests; ${JSON.stringify(Object.fromEntries(summary))}; slowest ${Math.round(Math.max(...samples.map((s) => s.ms)))} ms, slowest 503 ${Math.round(Math.max(0, ...unavailable.map((s) => s.ms)))} ms`,
    );

    // The process stayed up.
    expect(exited, output).toBeUndefined();
    // No request failed outright, none answered 500 or any 5xx but 503, none took past the hard limit.
    expect(samples.filter((s) => s.status === 0)).toEqual([]);
    expect(samples.filter((s) => s.status >= 500 && s.status !== 503)).toEqual([]);
    expect(samples.filter((s) => s.ms > HARD_LIMIT_MS)).toEqual([]);
    // A 503 says why and when to come back, soon enough.
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.filter((s) => s.code !== 'database_unavailable' && s.kind !== 'health')).toEqual([]);
    expect(unavailable.filter((s) => !/^\d+$/.test(s.retryAfter ?? ''))).toEqual([]);
    expect(unavailable.filter((s) => s.ms > UNAVAILABLE_LIMIT_MS)).toEqual([]);
    // While the database was down every request begun then was refused — but the signed-in user's own record
    // (GET /api/auth/me), which the session cache (auth.ts, 2 s) may still answer.
    const whileDown = samples.filter((s) => windows.some((w) => s.start > w.stopped + 500 && s.start + s.ms < w.starting));
    expect(whileDown.length).toBeGreaterThan(0);
    expect(whileDown.filter((s) => s.status !== 503 && !(s.kind === 'me' && s.status === 200))).toEqual([]);
    // Otherwise: a valid session is never refused, an existing page never missing.
    expect(samples.filter((s) => s.status === 401 || s.status === 404)).toEqual([]);

    // After the restarts: every session and page as before.
    for (const s of sessions) expect((await get('/api/auth/me', s)).status).toBe(200);
    expect(await snapshot()).toEqual(before);

    // Writes: the client tries again what was refused (as Retry-After invites). The retry either writes it (the
    // refused attempt wrote nothing) or finds it there (the attempt was committed as the connection died).
    const refused = [...writes].filter(([, statuses]) => statuses.at(-1) !== 201);
    for (const [code] of refused) {
      const k = letters.indexOf(code[6]!);
      const res = await write(k, code);
      expect([201, 409], `${code}: ${await res.clone().text()}`).toContain(res.status);
    }
    // Nothing lost, nothing twice: each code tried exists once, with one audit event of its creation.
    const codes = [...writes.keys()];
    const units = await owner!<{ code: string }[]>`select code from org_units where code in ${owner!(codes)}`;
    expect(units.map((u) => u.code).sort()).toEqual([...codes].sort());
    const events = await owner!<{ code: string; n: number }[]>`
      select entity_id as code, count(*)::int as n from audit_events
      where entity = 'org_unit' and action = 'create' and entity_id in ${owner!(codes)} group by entity_id`;
    expect(events.filter((e) => e.n !== 1)).toEqual([]);
    expect(events.length).toBe(codes.length);
  }, 300_000);
});
