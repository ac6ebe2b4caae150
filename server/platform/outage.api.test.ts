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

/** The throwaway cluster and the real server process on it. */
class Rig {
  readonly version = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))[0]!
    : '';
  readonly cluster = `kc_outage_${process.pid}`;
  pgPort = 0;
  httpPort = 0;
  dataDir = '';
  server: ChildProcess | undefined;
  exited: { code: number | null; signal: string | null } | undefined;
  output = '';
  owner: Sql | undefined;

  get base(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  ctl(action: string, ...args: string[]) {
    return run('pg_ctlcluster', ['--skip-systemctl-redirect', this.version, this.cluster, action, ...args]);
  }

  async start(): Promise<void> {
    this.pgPort = await freePort();
    this.httpPort = await freePort();
    this.dataDir = mkdtempSync(path.join(os.tmpdir(), 'kc-outage-'));
    // Loopback only (listen_addresses stays 'localhost'); trust, as the cluster lives for this test alone.
    await run('pg_createcluster', [this.version, this.cluster, '-p', String(this.pgPort), '--', '--auth-host=trust', '--auth-local=trust']);
    await this.ctl('start');
    const admin = postgres(`postgres://postgres@127.0.0.1:${this.pgPort}/postgres`, { max: 1, onnotice: () => undefined });
    try {
      // The two roles of docs/OPERATIONS.md: the owner migrates, the server runs as a role owning nothing.
      await admin.unsafe(`CREATE ROLE kc_owner LOGIN`);
      await admin.unsafe(`CREATE ROLE kc_app LOGIN`);
      await admin.unsafe(`CREATE DATABASE kechuang OWNER kc_owner`);
    } finally {
      await admin.end();
    }
    this.spawnServer();
    for (let waited = 0; ; waited += 250) {
      if (this.exited) throw new Error(`the server exited at start: ${JSON.stringify(this.exited)}\n${this.output}`);
      const ok = await fetch(`${this.base}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (waited > 120_000) throw new Error(`the server did not start in 120 s\n${this.output}`);
      await sleep(250);
    }
    this.owner = postgres(`postgres://kc_owner@127.0.0.1:${this.pgPort}/kechuang`, {
      max: 1,
      onnotice: () => undefined,
      connect_timeout: 3,
    });
  }

  private spawnServer(): void {
    const server = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(PROJECT_ROOT, 'server', 'main.ts')],
      {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(this.httpPort),
          DATABASE_URL: `postgres://kc_app@127.0.0.1:${this.pgPort}/kechuang`,
          DATABASE_MIGRATE_URL: `postgres://kc_owner@127.0.0.1:${this.pgPort}/kechuang`,
          KECHUANG_DATA_DIR: this.dataDir,
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
    this.server = server;
    server.on('exit', (code, signal) => (this.exited = { code, signal }));
    const keep = (d: Buffer) => (this.output = (this.output + d.toString()).slice(-20_000));
    server.stdout!.on('data', keep);
    server.stderr!.on('data', keep);
  }

  async stop(): Promise<void> {
    await this.owner?.end({ timeout: 1 }).catch(() => undefined);
    if (this.server && !this.exited) {
      this.server.kill('SIGTERM');
      for (let i = 0; i < 50 && !this.exited; i++) await sleep(100);
      if (!this.exited) this.server.kill('SIGKILL');
    }
    await run('pg_dropcluster', ['--stop', this.version, this.cluster]).catch((e: unknown) =>
      console.log(`[outage] pg_dropcluster: ${String(e)}`),
    );
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  get(url: string, s?: { cookie: string }) {
    return fetch(`${this.base}${url}`, { headers: s ? { cookie: s.cookie } : {}, signal: AbortSignal.timeout(HARD_LIMIT_MS + 5_000) });
  }
}

interface Session {
  cookie: string;
  csrf: string;
}

/** Every client signs in as itself: a session of its own, checked after each restart. */
async function signIn(rig: Rig): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const res = await fetch(`${rig.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
    sessions.push({ cookie: cookies.join('; '), csrf: cookies.find((c) => c.startsWith('kc_csrf='))!.slice('kc_csrf='.length) });
  }
  return sessions;
}

/** The dashboard carries the data revision, which every write (the load's org units) advances. */
function comparable(text: string) {
  try {
    const { revision: _revision, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return rest;
  } catch {
    return text;
  }
}

const LETTERS = 'ABCDEFGHJKLM';

function writeUnit(rig: Rig, s: Session, code: string) {
  return fetch(`${rig.base}/api/org-units`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ code, name: `停机测试 ${code}`, level: 'township', parentCode: '500101' }),
    signal: AbortSignal.timeout(HARD_LIMIT_MS + 5_000),
  });
}

/**
 * The load: each client reads (its own session, Xiushan's org unit, Xiushan's dashboard, the health check) and
 * writes (an org unit of a code of its own, under 万州, so that the pages read stay as they were) in turn, without
 * pause, until stopped.
 */
function startLoad(rig: Rig, sessions: Session[], pages: string[], now: () => number) {
  const samples: Sample[] = [];
  const writes = new Map<string, number[]>();
  const counters = Array<number>(CLIENTS).fill(0);
  let stopped = false;
  const request = async (k: number, kind: string): Promise<Response> => {
    if (kind === 'write') {
      const code = `500101${LETTERS[k]}${String(counters[k]!++).padStart(3, '0')}`;
      const res = await writeUnit(rig, sessions[k]!, code);
      writes.set(code, [...(writes.get(code) ?? []), res.status]);
      return res;
    }
    const url = kind === 'me' ? pages[0]! : kind === 'unit' ? pages[1]! : kind === 'dashboard' ? (pages[2] ?? pages[0]!) : '/api/health';
    return rig.get(url, kind === 'health' ? undefined : sessions[k]);
  };
  const client = async (k: number) => {
    for (let n = 0; !stopped && !rig.exited; n++) {
      const kind = ['write', 'me', 'unit', 'dashboard', 'health'][n % 5]!;
      const start = now();
      let res: Response;
      try {
        res = await request(k, kind);
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
  return {
    samples,
    writes,
    stop: async () => {
      stopped = true;
      await Promise.all(load);
    },
  };
}

/** Stops the database fast, then immediately (a crash), and starts it again: the windows it was down. */
async function outages(rig: Rig, now: () => number): Promise<{ stopped: number; starting: number }[]> {
  const windows: { stopped: number; starting: number }[] = [];
  const waitHealthy = async () => {
    for (let waited = 0; ; waited += 200) {
      const r = await rig.get('/api/health').then(
        (x) => x.status,
        () => 0,
      );
      if (r === 200) return;
      if (waited > 90_000) throw new Error('the server did not see the database back within 90 s');
      await sleep(200);
    }
  };
  await sleep(2_000);
  for (const mode of ['fast', 'immediate']) {
    await rig.ctl('stop', '-m', mode);
    const stopped = now();
    await sleep(4_000);
    // The monitor's view while down: 503, and a body that says so.
    const health = await rig.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await health.json()).toMatchObject({ status: 'down', database: 'postgres', error: { code: 'database_unavailable' } });
    windows.push({ stopped, starting: now() });
    await rig.ctl('start');
    await waitHealthy();
    await sleep(3_000);
  }
  return windows;
}

/** What every request met: up, in bounded time, a 503 that says why and when, and nothing refused that should not be. */
function expectServed(rig: Rig, samples: Sample[], windows: { stopped: number; starting: number }[]) {
  const summary = Object.entries(
    samples.reduce<Record<string, number>>((acc, s) => ((acc[`${s.kind} ${s.status}`] = (acc[`${s.kind} ${s.status}`] ?? 0) + 1), acc), {}),
  ).sort();
  const unavailable = samples.filter((s) => s.status === 503);
  console.log(
    `[outage] ${samples.length} requests; ${JSON.stringify(Object.fromEntries(summary))}; slowest ${Math.round(Math.max(...samples.map((s) => s.ms)))} ms, slowest 503 ${Math.round(Math.max(0, ...unavailable.map((s) => s.ms)))} ms`,
  );

  // The process stayed up.
  expect(rig.exited, rig.output).toBeUndefined();
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
}

/**
 * Writes: the client tries again what was refused (as Retry-After invites). The retry either writes it (the
 * refused attempt wrote nothing) or finds it there (the attempt was committed as the connection died). Nothing
 * lost, nothing twice: each code tried exists once, with one audit event of its creation.
 */
async function expectWritesOnce(rig: Rig, sessions: Session[], writes: Map<string, number[]>) {
  const refused = [...writes].filter(([, statuses]) => statuses.at(-1) !== 201);
  for (const [code] of refused) {
    const k = LETTERS.indexOf(code[6]!);
    const res = await writeUnit(rig, sessions[k]!, code);
    expect([201, 409], `${code}: ${await res.clone().text()}`).toContain(res.status);
  }
  const owner = rig.owner!;
  const codes = [...writes.keys()];
  const units = await owner<{ code: string }[]>`select code from org_units where code in ${owner(codes)}`;
  expect(units.map((u) => u.code).sort()).toEqual([...codes].sort());
  const events = await owner<{ code: string; n: number }[]>`
    select entity_id as code, count(*)::int as n from audit_events
    where entity = 'org_unit' and action = 'create' and entity_id in ${owner(codes)} group by entity_id`;
  expect(events.filter((e) => e.n !== 1)).toEqual([]);
  expect(events.length).toBe(codes.length);
}

describe.skipIf(skip !== undefined)('a database outage is not a crash', () => {
  const rig = new Rig();
  beforeAll(() => rig.start(), 240_000);
  afterAll(() => rig.stop(), 60_000);

  it('stays up; answers 503 with Retry-After, in bounded time; comes back with sessions, pages and writes intact', async () => {
    const T0 = performance.now();
    const now = () => performance.now() - T0;
    const sessions = await signIn(rig);
    const [plan] = await rig.owner!<{ id: string }[]>`select id::text from plans order by id limit 1`;
    const pages = ['/api/auth/me', '/api/org-units/500241', ...(plan ? [`/api/plans/${plan.id}/dashboard`] : [])];
    const snapshot = async () =>
      Promise.all(
        pages.map(async (p) => ({
          page: p,
          ...(await rig.get(p, sessions[0]).then(async (r) => ({ status: r.status, body: comparable(await r.text()) }))),
        })),
      );
    const before = await snapshot();
    for (const b of before.filter((x) => x.page !== pages[2])) expect(b.status, `${b.page}: ${b.body}`).toBe(200);

    const load = startLoad(rig, sessions, pages, now);
    let windows: { stopped: number; starting: number }[];
    try {
      windows = await outages(rig, now);
    } finally {
      await load.stop();
    }
    expectServed(rig, load.samples, windows);

    // After the restarts: every session and page as before.
    for (const s of sessions) expect((await rig.get('/api/auth/me', s)).status).toBe(200);
    expect(await snapshot()).toEqual(before);
    await expectWritesOnce(rig, sessions, load.writes);
  }, 300_000);
});
