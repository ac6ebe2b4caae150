/**
 * npm run bench:scope — issue #12: scope must not cost speed. On PostgreSQL (BENCH_DATABASE_URL or
 * TEST_DATABASE_URL), in a scratch database dropped at the end:
 *  - a synthetic province of 3 011 units (1 province → 10 prefectures → 100 counties → 2 900 towns), 100 000
 *    enterprises over the towns, 2 policies per county and 2 of the province (approved versions), 50 000
 *    claims (each enterprise of every other row; 1 in 5 under a province policy, the rest under its
 *    county's), 200 000 audit events (one per enterprise, one per claim, 50 000 sign-ins and edits of staff),
 *    each with the org unit it concerns when audit_events has a column for it (migration 0016);
 *  - through the real HTTP API (buildApp + inject, sessions from a real sign-in): the enterprise list (first
 *    page, default sort), the claim list, the audit log's first page and the audit search (entity = claim),
 *    each as an auditor of ONE county and as an admin + auditor of the whole province; warm-up, then
 *    BENCH_SCOPE_RUNS (30) rounds that alternate the two users; median and p95 of each; county ÷ province at
 *    the median (goal ≤ 1.1×);
 *  - then runs `tsx bench/monitoring.ts` (BENCH_SCOPE_MONITORING=0 skips it) and prints its
 *    dashboard ÷ health figures (goal ≥ 30 %).
 * The synthetic province is built by bench/scope-province.ts. BENCH_KEEP_DB=1 keeps the scratch database (its
 * URL is printed) for EXPLAIN ANALYZE; BENCH_SCOPE_SQL runs statements on it before the measurement (to try an
 * index).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import type { Role } from '../common/enums.js';
import { buildApp } from '../server/app.js';
import { users } from '../server/db/schema/index.js';
import { createUser } from '../server/modules/accounts/index.js';
import { systemContext } from '../server/platform/audit.js';
import { loadConfig } from '../server/platform/config.js';
import { openDatabase, type Database } from '../server/platform/db.js';
import { median } from './lib.js';
import { COUNTIES, PREFECTURES, ROOT, TOWNS, countyCode, populate } from './scope-province.js';

const RUNS = Number(process.env.BENCH_SCOPE_RUNS ?? 30);
const WARMUP = 5;
const GOAL = 1.1;

interface Client {
  label: string;
  cookie: string;
}

async function signIn(
  database: Database,
  app: Awaited<ReturnType<typeof buildApp>>,
  label: string,
  roles: { role: Role; orgUnitCode: string }[],
) {
  const password = 'Bench-scope-pass-1';
  const { user } = await createUser(database.db, systemContext('bench'), () => true, {
    username: `bench_${label}_${randomBytes(3).toString('hex')}`,
    displayName: `bench ${label}`,
    password,
    roles,
  });
  // A password an administrator chose must be changed first; the benchmark's users have done so.
  await database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${label} failed: ${res.statusCode} ${res.body}`);
  const cookie = (res.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join('; ');
  return { label, cookie } satisfies Client;
}

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
};

/** How many rows an answer holds (items of a page, or the array), and the total it reports. */
function sizeOf(body: string): string {
  try {
    const j = JSON.parse(body) as unknown;
    if (Array.isArray(j)) return `${j.length} rows`;
    const o = j as { items?: unknown[]; total?: number };
    return `${o.items?.length ?? '?'} rows of ${o.total ?? '?'}`;
  } catch {
    return '?';
  }
}

async function measure(app: Awaited<ReturnType<typeof buildApp>>, scoped: Client, wide: Client, url: string) {
  const once = async (c: Client) => {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
    return { ms: performance.now() - t0, status: res.statusCode, body: res.body };
  };
  const first = { scoped: await once(scoped), wide: await once(wide) };
  for (const [who, r] of Object.entries(first))
    if (r.status !== 200) return { url, error: `${who}: ${r.status} ${r.body.slice(0, 200)}` } as const;
  for (let i = 0; i < WARMUP; i++) {
    await once(scoped);
    await once(wide);
  }
  const times = { scoped: [] as number[], wide: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    // Alternate who goes first, so neither always finds the caches the other just warmed.
    const order = i % 2 ? (['scoped', 'wide'] as const) : (['wide', 'scoped'] as const);
    for (const who of order) {
      const r = await once(who === 'scoped' ? scoped : wide);
      if (r.status !== 200) return { url, error: `${who}: ${r.status} ${r.body.slice(0, 200)}` } as const;
      times[who].push(r.ms);
    }
  }
  return { url, times, rows: { scoped: sizeOf(first.scoped.body), wide: sizeOf(first.wide.body) } } as const;
}

function runMonitoring(): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/monitoring.ts'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d.toString().replace(/^(?=.)/gm, '  monitoring | '));
    });
    child.on('exit', (code) => {
      const lines = out.split('\n');
      const picked: string[] = [];
      let section = '';
      for (const l of lines) {
        if (l.startsWith('== ')) section = l.slice(3);
        if (/dashboard \/ health/.test(l)) picked.push(`${section}: ${l.trim()}`);
      }
      if (code !== 0) picked.push(`bench/monitoring.ts exited with code ${code}`);
      resolve(picked);
    });
  });
}

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('bench:scope needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  process.exit(0);
}
const name = `kc_bench_scope_${randomBytes(4).toString('hex')}`;
const admin = postgres(url, { max: 1, onnotice: () => undefined });
await admin.unsafe(`create database "${name}"`);
const u = new URL(url);
u.pathname = `/${name}`;
const database = await openDatabase({ url: u.toString() });
let failed = false;
try {
  const t0 = performance.now();
  const size = await populate(database);
  console.log(
    `synthetic province: ${size.units} org units (1 province, ${PREFECTURES} prefectures, ${PREFECTURES * COUNTIES} counties, ${PREFECTURES * COUNTIES * TOWNS} towns), ` +
      `${size.ents} enterprises, ${size.policies} policies, ${size.claims} claims, ${size.audit} audit events ` +
      `(org unit of each event in audit_events.${size.auditColumn?.name ?? '— no such column yet (migration 0016)'}); loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const config = { ...loadConfig({ KECHUANG_WEB_DIR: '/nonexistent', LOG_LEVEL: 'warn' }) };
  const app = await buildApp({ database, config });
  await app.ready();
  const county = countyCode(3, 7);
  const scoped = await signIn(database, app, 'county', [{ role: 'auditor', orgUnitCode: county }]);
  const wide = await signIn(database, app, 'province', [
    { role: 'admin', orgUnitCode: ROOT },
    { role: 'auditor', orgUnitCode: ROOT },
  ]);
  console.log(
    `users: an auditor of county ${county} (${TOWNS} towns) against an admin + auditor of the province ${ROOT}; ` +
      `${WARMUP} warm-up rounds, then ${RUNS} alternating rounds; times are whole requests through app.inject`,
  );
  const queries = [
    { label: 'enterprise list (first page, default sort)', url: '/api/enterprises' },
    { label: 'claim list', url: '/api/claims' },
    { label: 'audit log (first page, no filter)', url: '/api/audit' },
    { label: 'audit search (entity = claim)', url: '/api/audit?entity=claim' },
  ];
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
  for (const q of queries) {
    const r = await measure(app, scoped, wide, q.url);
    if ('error' in r) {
      failed = true;
      console.log(`${pad(q.label, 44)} NOT MEASURED: ${r.error}`);
      continue;
    }
    const ms = median(r.times.scoped);
    const mw = median(r.times.wide);
    const ratio = ms / mw;
    if (ratio > GOAL) failed = true;
    console.log(
      `${pad(q.label, 44)} county: median ${ms.toFixed(1)} ms, p95 ${p95(r.times.scoped).toFixed(1)} ms (${r.rows.scoped}) | ` +
        `province: median ${mw.toFixed(1)} ms, p95 ${p95(r.times.wide).toFixed(1)} ms (${r.rows.wide}) | ` +
        `county ÷ province ${ratio.toFixed(2)}× ${ratio <= GOAL ? 'PASS' : 'FAIL'} (goal ≤ ${GOAL}×)` +
        (r.rows.scoped === r.rows.wide ? ' — the county user got as many rows as the province: is this list scoped?' : ''),
    );
  }
  await app.close();
} finally {
  await database.close();
  if (process.env.BENCH_KEEP_DB) console.log(`scratch database kept: ${u.toString()}`);
  else await admin.unsafe(`drop database "${name}" with (force)`);
  await admin.end();
}

if (process.env.BENCH_SCOPE_MONITORING !== '0') {
  console.log('\nbench:monitoring (tsx bench/monitoring.ts), for its dashboard ÷ health figure (goal ≥ 30 %):');
  const picked = await runMonitoring();
  for (const l of picked) {
    const m = /= (\d+) %/.exec(l);
    const pass = m ? Number(m[1]) >= 30 : false;
    if (!pass) failed = true;
    console.log(`${l}  ${m ? (pass ? 'PASS' : 'FAIL') : ''}`);
  }
}
if (failed) process.exitCode = 1;
