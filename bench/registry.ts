/**
 * npm run bench:registry — issue #4's figures, on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL):
 *  - xlsx files with 100 000 enterprises, 300 000 patents and 100 000 annual statistics
 *  - import time (read + check + write, all-or-nothing) against exceljs streaming-parsing the same files
 *    alone (goal: ratio ≤ 3), and the importer's peak memory (goal ≤ 1 GiB)
 *  - time to compute 表1 indicators 3–10 for every org unit and year at that size (goal ≤ 2 s)
 */
import { mkdtempSync, readFileSync, rmSync, createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from '../server/platform/exceljs.js';
import postgres from 'postgres';
import { creditCodeCheckChar, patentCheckChar } from '../common/registry/index.js';
import { seedReferenceData } from '../server/db/seed/index.js';
import { compileIndicator, loadLayered, seriesOf } from '../server/modules/analytics/index.js';
import { listUnits } from '../server/modules/orgunits/index.js';
import { indicatorsOf, listPlans } from '../server/modules/plans/index.js';
import { COLUMNS, openRows, runImport, type ImportKind } from '../server/modules/registry/import.js';
import { systemContext } from '../server/platform/audit.js';
import { openDatabase } from '../server/platform/db.js';
import { median } from './lib.js';

const N_ENT = Number(process.env.BENCH_ENTERPRISES ?? 100_000);
const N_PAT = Number(process.env.BENCH_PATENTS ?? 300_000);
const N_STAT = Number(process.env.BENCH_STATS ?? 100_000);

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCode(i: number): string {
  let n = i;
  let body = '';
  for (let k = 0; k < 7; k++) {
    body = ALPHABET[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91500241MB${body}`;
  return first17 + creditCodeCheckChar(first17);
}

async function writeXlsx(file: string, kind: ImportKind, rows: (i: number) => (string | number)[], n: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('导入');
  ws.addRow(COLUMNS[kind].map((c) => `${c.zh} ${c.en}`)).commit();
  for (let i = 0; i < n; i++) ws.addRow(rows(i)).commit();
  ws.commit();
  await wb.commit();
}

/** exceljs streaming-parsing the file alone: the floor any xlsx importer stands on. */
async function parseOnly(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let n = 0;
  for await (const ws of reader) for await (const _row of ws) n += 1;
  return n;
}

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('bench:registry needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  process.exit(0);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-bench-registry-'));
const name = `kc_bench_${randomBytes(4).toString('hex')}`;
const admin = postgres(url, { max: 1, onnotice: () => undefined });
await admin.unsafe(`create database "${name}"`);
const u = new URL(url);
u.pathname = `/${name}`;
const database = await openDatabase({ url: u.toString() });
const copies: string[] = [];
let round: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  await database.migrate();
  await seedReferenceData(database.db);
  const towns = (await listUnits(database.db, { withinPath: '/500000/500241/' })).filter((x) => x.level === 'township').map((x) => x.name);
  const files = {
    enterprises: path.join(dir, 'enterprises.xlsx'),
    patents: path.join(dir, 'patents.xlsx'),
    stats: path.join(dir, 'stats.xlsx'),
  };
  const t0 = performance.now();
  await writeXlsx(
    files.enterprises,
    'enterprises',
    (i) => [
      creditCode(i),
      `秀山县合成企业${i}有限公司`,
      '',
      `20${String(10 + (i % 14)).padStart(2, '0')}-03-01`,
      towns[i % towns.length]!,
      '',
      i % 3 ? '中医药' : '数字经济',
      '小型',
      '',
      '',
      '',
      i % 4 === 0 ? '秀山工业园区' : '',
      i % 4 === 0 ? '2021-01-01' : '',
    ],
    N_ENT,
  );
  await writeXlsx(
    files.patents,
    'patents',
    (i) => {
      const type = i % 10 === 0 ? '1' : i % 10 < 7 ? '2' : '3';
      const year = 2015 + (i % 9);
      const body = `${year}${type}${String(i).padStart(7, '0')}`;
      return [`ZL${body}.${patentCheckChar(body)}`, `合成专利${i}`, `${year}-02-01`, `${year + 1}-06-01`, '有效', creditCode(i % N_ENT)];
    },
    N_PAT,
  );
  await writeXlsx(
    files.stats,
    'stats',
    (i) => [creditCode(i % N_ENT), 2024, 80, 12, 3000 + (i % 500), 2800, 600, 1500, 150, 150, 2500, 1800, 5000],
    N_STAT,
  );
  const sizes = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, (readFileSync(f).length / 1024 / 1024).toFixed(1)]));
  console.log(
    `files: ${N_ENT} enterprises (${sizes.enterprises} MB), ${N_PAT} patents (${sizes.patents} MB), ${N_STAT} statistics (${sizes.stats} MB), written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
  const parseRuns: number[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    const s = performance.now();
    for (const f of Object.values(files)) await parseOnly(f);
    parseRuns.push(performance.now() - s);
  }

  // Each round imports into a fresh copy of the migrated, seeded database.
  await database.close();
  const region = { code: '500241', name: '秀山县', path: '/500000/500241/' };
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const before = process.memoryUsage().rss;
  const importRuns: number[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    if (round) await round.close();
    const copy = `${name}_${k}`;
    await admin.unsafe(`create database "${copy}" template "${name}"`);
    copies.push(copy);
    u.pathname = `/${copy}`;
    round = await openDatabase({ url: u.toString() });
    const unit = (await listUnits(round.db)).find((x) => x.code === region.code)!;
    let total = 0;
    const parts: string[] = [];
    for (const kind of ['enterprises', 'patents', 'stats'] as const) {
      const s = performance.now();
      const source = await openRows(kind, readFileSync(files[kind]), undefined);
      const report = await runImport(kind, { db: round.db, ctx: systemContext('bench'), canWrite: () => true, region: unit }, source, {
        dryRun: false,
        locale: 'zh-CN',
      });
      const ms = performance.now() - s;
      total += ms;
      if (!report.committed) {
        const bad = report.rows.find((r) => r.status === 'error')!;
        throw new Error(`${kind}: ${report.counts.error} rows failed, e.g. ${JSON.stringify(bad)}`);
      }
      parts.push(`${kind} ${report.rows.length} rows ${(ms / 1000).toFixed(1)} s`);
    }
    importRuns.push(total);
    console.log(
      `round ${k + 1}: exceljs parse alone ${(parseRuns[k]! / 1000).toFixed(1)} s; import ${(total / 1000).toFixed(1)} s (${parts.join(', ')})`,
    );
  }
  clearInterval(sampler);
  const parseMs = median(parseRuns);
  const importMs = median(importRuns);
  console.log(
    `exceljs streaming parse alone: median ${(parseMs / 1000).toFixed(1)} s; importer (read + check + write, all or nothing): median ${(importMs / 1000).toFixed(1)} s; ratio ${(importMs / parseMs).toFixed(2)} (goal ≤ 3)`,
  );
  console.log(
    `importer peak memory (RSS): ${(peak / 1024 / 1024).toFixed(0)} MiB (before: ${(before / 1024 / 1024).toFixed(0)} MiB) (goal ≤ 1024 MiB)`,
  );

  const db = round!.db;
  const [plan] = (await listPlans(db)).filter((p) => p.plan.regionCode === '500241');
  const inds = (await indicatorsOf(db, [plan!.plan.id])).filter((i) => i.table1No !== null && i.table1No >= 3 && i.table1No <= 10);
  const units = await listUnits(db, { withinPath: region.path });
  const times: number[] = [];
  let values = 0;
  for (let k = 0; k < 3; k++) {
    const s = performance.now();
    const cube = await loadLayered(db, { code: region.code, name: region.name, path: region.path }, false, 2016);
    values = 0;
    for (const ind of inds)
      for (const unit of units)
        values += seriesOf(compileIndicator(ind.expression), cube.computed, unit.code, { from: 2016, to: 2025 }).length;
    times.push(performance.now() - s);
  }
  console.log(
    `indicators 3–10 from the register for ${units.length} units × 2016–2025 (${values} values): median ${(median(times) / 1000).toFixed(2)} s [${times.map((x) => (x / 1000).toFixed(2)).join(', ')}] (goal ≤ 2 s)`,
  );
} finally {
  await round?.close();
  await database.close().catch(() => undefined);
  for (const copy of copies) await admin.unsafe(`drop database "${copy}" with (force)`);
  await admin.unsafe(`drop database "${name}" with (force)`);
  await admin.end();
  if (process.env.BENCH_KEEP_FILES) console.log(`files kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
