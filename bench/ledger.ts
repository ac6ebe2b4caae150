/**
 * npm run bench:ledger — claim payments per second against PostgreSQL's own TPC-B-like figure, on the same
 * server (BENCH_DATABASE_URL or TEST_DATABASE_URL):
 *  - a scratch database, migrated and seeded, with funded budgets and approved claims (their reservations
 *    made as approveClaim makes them); each run pays from a fresh copy of it with 20 concurrent workers
 *    calling payClaim for ~10 s; the median of 3 runs;
 *  - pgbench's built-in TPC-B-like workload on another scratch database (pgbench -i -s 10, then
 *    pgbench -c 20 -j 2 -T 10 -n, the median of 3 runs);
 *  - the ratio payments/s ÷ pgbench tps (goal ≥ 0.3). Both databases are dropped at the end.
 * BENCH_LEDGER_CLAIMS (claims per run, default 30 000), BENCH_LEDGER_SECONDS (default 10), BENCH_ROUNDS (3).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { seedReferenceData } from '../server/db/seed/index.js';
import { verifyLedger } from '../server/modules/ledger/index.js';
import { payClaim } from '../server/modules/policies/index.js';
import { systemContext } from '../server/platform/audit.js';
import { openDatabase, type Database } from '../server/platform/db.js';
import { pgErrorOf } from '../server/platform/pg-errors.js';
import { createFixtures, TRANSIENT } from '../test/ledger-pay-batch.js';
import { median } from './lib.js';

const CLAIMS = Number(process.env.BENCH_LEDGER_CLAIMS ?? 30_000);
const SECONDS = Number(process.env.BENCH_LEDGER_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WORKERS = 20;
const POLICIES = [
  'high_tech_new',
  'innovation_demo_new',
  'high_growth_new',
  'specialized_new',
  'little_giant_new',
  'hidden_champion_new',
  'incubator_recognition',
  'patent_grant',
];

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('bench:ledger needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  process.exit(0);
}
const urlOf = (name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** One run: 20 workers pay claims for SECONDS (a payment under way at the end is finished and counted). */
async function payRun(database: Database, ids: string[]) {
  const ctx = systemContext('bench');
  let next = 0;
  let paid = 0;
  let replayed = 0;
  const transient: Record<string, number> = {};
  const failed: string[] = [];
  const started = performance.now();
  const end = started + SECONDS * 1000;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (performance.now() < end && next < ids.length) {
        const id = ids[next++]!;
        for (;;) {
          const t = performance.now();
          try {
            const r = await payClaim(database.db, ctx, id);
            latencies.push(performance.now() - t);
            if (r.replayed) replayed += 1;
            else paid += 1;
            break;
          } catch (e) {
            // A deadlock or a serialization failure rolled the payment back: pay it again, as a queue would.
            const code = pgErrorOf(e)?.code;
            if (code && TRANSIENT.has(code) && performance.now() < end + 30_000) {
              transient[code] = (transient[code] ?? 0) + 1;
              continue;
            }
            const cause = (e as { cause?: unknown }).cause;
            failed.push(
              `${id}: ${code ?? ''} ${cause instanceof Error ? cause.message : e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
            );
            break;
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { paid, replayed, seconds, rate: paid / seconds, transient, failed, ranOut: next >= ids.length, p50: median(latencies) };
}

function pgbench(args: string[]): string {
  const res = spawnSync('pgbench', args, { encoding: 'utf8' });
  if (res.error) throw new Error(`pgbench: ${res.error.message} (is postgresql-client installed?)`);
  if (res.status !== 0) throw new Error(`pgbench ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  return res.stdout;
}

const tag = randomBytes(4).toString('hex');
const base = `kc_bench_ledger_${tag}`;
const bench = `kc_bench_pgbench_${tag}`;
const copies: string[] = [];
const admin = postgres(url, { max: 1, onnotice: () => undefined });
let database: Database | undefined;
try {
  await admin.unsafe(`create database "${base}"`);
  database = await openDatabase({ url: urlOf(base), poolSize: WORKERS + 2 });
  let t0 = performance.now();
  await database.migrate();
  await seedReferenceData(database.db);
  const perPolicy = Math.ceil(CLAIMS / POLICIES.length);
  const fx = await createFixtures(database.db, {
    tag: 9,
    year: 2026,
    enterprisesPerGroup: 25,
    concurrency: 2,
    groups: POLICIES.map((policyCode, g) => {
      const amounts = Array.from({ length: perPolicy }, (_, i) => 10_000 + ((i * 37 + g) % 90_000));
      return { policyCode, amounts, fundFen: amounts.reduce((a, b) => a + b, 0), state: 'approved' as const };
    }),
  });
  await database.close();
  database = undefined;
  console.log(
    `setup: scratch database migrated and seeded, ${POLICIES.length} budgets funded, ${fx.claims.length} approved claims with their reservations, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  // Claims in an order that mixes the budgets, as payments arrive.
  const ids = fx.claims.map((c, i) => ({ id: c.id, k: (i * 7919) % fx.claims.length })).sort((a, b) => a.k - b.k);

  const rates: number[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    const copy = `${base}_${k}`;
    await admin.unsafe(`create database "${copy}" template "${base}"`);
    copies.push(copy);
    database = await openDatabase({ url: urlOf(copy), poolSize: WORKERS + 2 });
    const r = await payRun(
      database,
      ids.map((x) => x.id),
    );
    const v = await verifyLedger(database.db);
    await database.close();
    database = undefined;
    await admin.unsafe(`drop database "${copy}" with (force)`);
    copies.pop();
    rates.push(r.rate);
    console.log(
      `ledger run ${k + 1}: ${r.paid} claims paid by ${WORKERS} workers in ${r.seconds.toFixed(1)} s = ${r.rate.toFixed(0)} payments/s ` +
        `(median payClaim latency ${r.p50.toFixed(1)} ms; rolled back and retried: ${JSON.stringify(r.transient)}; failed: ${r.failed.length}; ` +
        `verifyLedger ${v.ok ? 'ok' : 'NOT OK'}${r.ranOut ? `; ran out of claims: raise BENCH_LEDGER_CLAIMS` : ''})`,
    );
    if (r.failed.length) console.log(`  first failure: ${r.failed[0]}`);
    if (!v.ok) throw new Error(`the ledger does not reconcile after run ${k + 1}: ${JSON.stringify(v)}`);
  }
  const payments = median(rates);
  console.log(
    `ledger payments/s (payClaim, ${WORKERS} concurrent workers, ~${SECONDS} s, median of ${ROUNDS}): ${payments.toFixed(0)} [${rates.map((x) => x.toFixed(0)).join(', ')}]`,
  );

  t0 = performance.now();
  await admin.unsafe(`create database "${bench}"`);
  pgbench(['-i', '-s', '10', '-q', urlOf(bench)]);
  const tpss: number[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    const out = pgbench(['-c', '20', '-j', '2', '-T', String(SECONDS), '-n', urlOf(bench)]);
    const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
    if (!m) throw new Error(`no tps line in pgbench's output:\n${out}`);
    tpss.push(Number(m[1]));
  }
  const tps = median(tpss);
  console.log(
    `pgbench TPC-B-like tps (scale 10, -c 20 -j 2 -T ${SECONDS} -n, on a scratch database of the same server, median of ${ROUNDS}; set up and run in ${((performance.now() - t0) / 1000).toFixed(1)} s): ${tps.toFixed(0)} [${tpss.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(`ratio payments/s ÷ pgbench tps: ${(payments / tps).toFixed(2)} (goal ≥ 0.3)`);
} finally {
  await database?.close().catch(() => undefined);
  for (const name of [...copies, base, bench]) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
