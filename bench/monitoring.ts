/**
 * npm run bench:monitoring — issue #3's figures, on PGlite and (when BENCH_DATABASE_URL or TEST_DATABASE_URL
 * is set) on PostgreSQL:
 *  (a) full recompute of every indicator × org unit × year from 500 000 stored values
 *  (b) one plain SQL GROUP BY over the same values (the database's own floor), and a/b (goal ≤ 2)
 *  (c) dashboard throughput, 20 concurrent connections for 10 s, against /api/health measured the same way
 *      (goal ≥ 30 %)
 * Synthetic province: 1 root, 20 counties, 50 towns each (1 021 units, 1 000 leaves); 50 data elements;
 * 10 years; values at the 1 000 towns = 500 000 values; 25 ratio indicators over pairs of data elements.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { buildApp } from '../server/app.js';
import { users } from '../server/db/schema/index.js';
import { seedReferenceData } from '../server/db/seed/index.js';
import { createUser } from '../server/modules/accounts/index.js';
import { compileIndicator, loadLayered, seriesOf } from '../server/modules/analytics/index.js';
import { importPlan } from '../server/modules/plans/index.js';
import { insertUnits } from '../server/modules/orgunits/index.js';
import { systemContext } from '../server/platform/audit.js';
import { loadConfig } from '../server/platform/config.js';
import { openDatabase, rowsOf, type Database } from '../server/platform/db.js';
import { freePort, median } from './lib.js';

const COUNTIES = 20;
const TOWNS = 50;
const DES = 50;
const YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i);
const RUNS = 3;

function syntheticUnits() {
  const units = [
    { code: '990000', name: '合成省', level: 'province', parentCode: null as string | null, path: '/990000/', aliases: [] as string[] },
  ];
  for (let c = 1; c <= COUNTIES; c++) {
    const cc = `9901${String(c).padStart(2, '0')}`;
    units.push({ code: cc, name: `合成县${c}`, level: 'county', parentCode: '990000', path: `/990000/${cc}/`, aliases: [] });
    for (let t = 1; t <= TOWNS; t++) {
      const tc = `${cc}${String(t).padStart(3, '0')}`;
      units.push({ code: tc, name: `合成县${c}镇${t}`, level: 'township', parentCode: cc, path: `/990000/${cc}/${tc}/`, aliases: [] });
    }
  }
  return units;
}

const deCode = (i: number) => `bench_de_${String(i).padStart(2, '0')}`;

async function populate(database: Database) {
  const db = database.db;
  await database.migrate();
  await seedReferenceData(db);
  const units = syntheticUnits();
  await insertUnits(db, units);
  await importPlan(db, systemContext('bench'), {
    plan: {
      code: 'bench-province',
      titleZh: '合成省基准规划',
      titleEn: 'Synthetic benchmark plan',
      regionCode: '990000',
      periodStart: 2021,
      periodEnd: 2025,
      baselineYear: 2020,
    },
    goals: [],
    tasks: [],
    dataElements: Array.from({ length: DES }, (_, i) => ({
      code: deCode(i),
      nameZh: `合成数据${i}`,
      nameEn: `Synthetic ${i}`,
      unit: '万元',
      aggregation: 'sum' as const,
      definitionZh: '',
    })),
    indicators: Array.from({ length: DES / 2 }, (_, k) => ({
      code: `B-${k + 1}`,
      table1No: k < 10 ? k + 1 : null,
      nameZh: `合成比率${k + 1}`,
      nameEn: `Synthetic ratio ${k + 1}`,
      unit: '%',
      decimals: 2,
      direction: 'increase' as const,
      expression: `#{${deCode(2 * k)}} / #{${deCode(2 * k + 1)}} * 100`,
      goalNo: null,
      taskNo: null,
      definitionZh: '',
      responsibleDepartments: [],
    })),
    statements: Array.from({ length: DES / 2 }, (_, k) => [
      {
        indicator: `B-${k + 1}`,
        kind: 'baseline' as const,
        orgUnitCode: '990000',
        year: 2020,
        value: 40,
        comparator: '=' as const,
        section: 'bench',
        clause: 'bench',
      },
      {
        indicator: `B-${k + 1}`,
        kind: 'target' as const,
        orgUnitCode: '990000',
        year: 2025,
        value: 60,
        comparator: '=' as const,
        section: 'bench',
        clause: 'bench',
      },
    ]).flat(),
    facts: [],
  });
  const leaves = units.filter((u) => u.level === 'township').map((u) => u.code);
  let seed = 42;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const batch: { de: string[]; ou: string[]; period: string[]; value: number[] } = { de: [], ou: [], period: [], value: [] };
  const flush = async () => {
    if (!batch.de.length) return;
    const arr = (xs: (string | number)[]) => `{${xs.join(',')}}`;
    await db.execute(sql`insert into data_values (data_element_code, org_unit_code, period, value, version, is_current, status, source)
      select de, ou, p, v, 1, true, 'approved', 'official'
      from unnest(${arr(batch.de)}::text[], ${arr(batch.ou)}::text[], ${arr(batch.period)}::text[], ${arr(batch.value)}::float8[]) as t(de, ou, p, v)`);
    batch.de = [];
    batch.ou = [];
    batch.period = [];
    batch.value = [];
  };
  for (const ou of leaves) {
    for (let d = 0; d < DES; d++) {
      for (const y of YEARS) {
        batch.de.push(deCode(d));
        batch.ou.push(ou);
        batch.period.push(String(y));
        batch.value.push(Math.round((50 + rand() * 1000) * 100) / 100);
      }
    }
    if (batch.de.length >= 50_000) await flush();
  }
  await flush();
  await db.execute(sql`analyze`);
  const [n] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from data_values where data_element_code like 'bench_de_%'`),
  );
  return { units: units.length, leaves: leaves.length, values: n!.n };
}

async function timeIt<T>(f: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await f();
  return { ms: performance.now() - t0, result };
}

async function fullRecompute(database: Database) {
  const root = { code: '990000', name: '合成省', path: '/990000/' };
  // The same layered load the dashboard uses: reported values over the register's (empty here) figures.
  const cube = await loadLayered(database.db, root, false, YEARS[0]!);
  const units = rowsOf<{ code: string }>(await database.db.execute(sql`select code from org_units where path like '/990000/%'`));
  let computed = 0;
  for (let k = 0; k < DES / 2; k++) {
    const ind = compileIndicator(`#{${deCode(2 * k)}} / #{${deCode(2 * k + 1)}} * 100`);
    for (const u of units) computed += seriesOf(ind, cube, u.code).filter((y) => y.result.value !== null).length;
  }
  return computed;
}

async function plainGroupBy(database: Database) {
  const res = await database.db.execute(
    sql`select data_element_code, org_unit_code, period, sum(value) as v from data_values group by 1, 2, 3`,
  );
  return rowsOf(res).length;
}

function load(url: string, cookie?: string): Promise<{ rps: number; errors: number; p50: number; p99: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/load.mjs', url, '20', '10', ...(cookie ? [cookie] : [])], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as { rps: number; errors: number; p50: number; p99: number })
        : reject(new Error(`load exited ${code}`)),
    );
  });
}

async function run(label: string, database: Database) {
  console.log(`\n== ${label}`);
  const t0 = performance.now();
  const size = await populate(database);
  console.log(
    `synthetic data: ${size.units} org units (${size.leaves} towns), ${DES} data elements, ${YEARS.length} years → ${size.values} values (loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  await fullRecompute(database); // warm-up (JIT, caches)
  await plainGroupBy(database);
  const a: number[] = [];
  const b: number[] = [];
  let computed = 0;
  for (let i = 0; i < RUNS; i++) {
    const x = await timeIt(() => fullRecompute(database));
    computed = x.result;
    a.push(x.ms);
    b.push((await timeIt(() => plainGroupBy(database))).ms);
  }
  const ma = median(a);
  const mb = median(b);
  console.log(
    `(a) full recompute: ${computed} indicator values (25 indicators × 1 021 units × 10 years), median ${ma.toFixed(0)} ms  [${a.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `(b) plain SQL GROUP BY (element, unit, period) over the values: median ${mb.toFixed(0)} ms  [${b.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(`    ratio a/b = ${(ma / mb).toFixed(2)}  (goal ≤ 2)`);

  const config = { ...loadConfig({ KECHUANG_WEB_DIR: '/nonexistent', LOG_LEVEL: 'warn' }) };
  const app = await buildApp({ database, config });
  const port = await freePort();
  await app.listen({ host: '127.0.0.1', port });
  const password = 'Bench-leader-pass-1';
  await createUser(database.db, systemContext('bench'), () => true, {
    username: `bench_${randomBytes(3).toString('hex')}`,
    displayName: 'bench',
    password,
    roles: [{ role: 'leader', orgUnitCode: '990000' }],
  }).then(async ({ user }) => {
    // A password an administrator chose must be changed before anything else (issue #12); this one was.
    await database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password }),
    });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const plans = (await (await fetch(`http://127.0.0.1:${port}/api/plans`, { headers: { cookie } })).json()) as {
      id: string;
      code: string;
    }[];
    const plan = plans.find((p) => p.code === 'bench-province')!;
    const dashUrl = `http://127.0.0.1:${port}/api/plans/${plan.id}/dashboard?year=2025`;
    const first = await timeIt(() => fetch(dashUrl, { headers: { cookie } }).then((r) => r.json()));
    console.log(
      `dashboard (province, 10 cards + 15 key-task indicators) computed from scratch: ${first.ms.toFixed(0)} ms; later requests reuse it until any value changes (revision check per request)`,
    );
    const health = await load(`http://127.0.0.1:${port}/api/health`);
    const dash = await load(dashUrl, cookie);
    console.log(
      `(c) /api/health: ${health.rps.toFixed(0)} req/s (p50 ${health.p50.toFixed(1)} ms, p99 ${health.p99.toFixed(1)} ms, errors ${health.errors})`,
    );
    console.log(
      `    dashboard:   ${dash.rps.toFixed(0)} req/s (p50 ${dash.p50.toFixed(1)} ms, p99 ${dash.p99.toFixed(1)} ms, errors ${dash.errors})`,
    );
    console.log(`    dashboard / health = ${((dash.rps / health.rps) * 100).toFixed(0)} %  (goal ≥ 30 %)`);
  });
  await app.close();
}

const pglite = await openDatabase({});
await run('PGlite (embedded)', pglite);
await pglite.close();

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) {
  const name = `kc_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const pg = await openDatabase({ url: u.toString() });
  try {
    await run('PostgreSQL', pg);
  } finally {
    await pg.close();
    await admin.unsafe(`drop database "${name}" with (force)`);
    await admin.end();
  }
} else {
  console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
}
