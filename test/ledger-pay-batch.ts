/**
 * Pays a batch of approved claims with `payClaim`, as a separate process that a test can SIGKILL mid-way
 * (server/modules/ledger/ledger.reliability.api.test.ts), and the claim fixtures that test and
 * bench/ledger.ts share.
 *
 *   DATABASE_URL=postgres://… npx tsx test/ledger-pay-batch.ts [--workers N] [--ids FILE] [claim id …]
 *
 * Prints `pid <pid>` first, then `paid <n> <claim id>` after each payment it committed (`replayed …` for a
 * claim found already paid), then `done paid=<n> replayed=<n> failed=<n> retries=<n>`; exits 1 when any
 * payment failed. A payment rolled back by a deadlock or a serialization failure is tried again (retries).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { and, eq, inArray } from 'drizzle-orm';
import { creditCodeCheckChar } from '../common/registry/index.js';
import { claims, enterprises, notices, policies, policyVersions, users } from '../server/db/schema/index.js';
import { accountSpecs, ensureAccount, fundBudget, transfer } from '../server/modules/ledger/index.js';
import { payClaim } from '../server/modules/policies/index.js';
import { systemContext } from '../server/platform/audit.js';
import { openDatabase, type Db } from '../server/platform/db.js';
import { pgErrorOf } from '../server/platform/pg-errors.js';

/** deadlock_detected, serialization_failure: the transaction was rolled back and may simply be run again. */
export const TRANSIENT = new Set(['40P01', '40001']);

type ClaimInsert = typeof claims.$inferInsert;

/** One policy's budget for the fixtures' fiscal year and the claims made against it. */
export interface FixtureGroup {
  policyCode: string;
  /** Credited to the budget before any claim is approved. */
  fundFen: number;
  /** One claim per amount. */
  amounts: number[];
  /**
   * 'approved': the claim row is written approved with its reservation made through `transfer()` under the
   * key approveClaim uses (claim:<eventKey>:reserve), so the budget must cover the group;
   * 'in_notice': written in a public notice that has ended, reviewed by someone else, for `approveClaim`.
   */
  state: 'approved' | 'in_notice';
}

export interface FixtureClaim {
  id: string;
  eventKey: string;
  amountFen: number;
  policyCode: string;
  state: FixtureGroup['state'];
}

export interface Fixtures {
  claims: FixtureClaim[];
  budgets: { policyCode: string; code: string; fundFen: number }[];
  year: number;
  source: string;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCode(tag: number, i: number): string {
  let n = tag * 1_000_000 + i;
  let body = '';
  for (let k = 0; k < 7; k++) {
    body = ALPHABET[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91500241MC${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/** Runs `work` over `items` with `concurrency` workers; resolves when all are done. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, worker);
      }
    }),
  );
}

/**
 * Enterprises, budgets and claims for a load or crash test, written directly (no matching, review or notice
 * steps), in fiscal year `year` so that separate fixture sets in one database use separate budgets.
 * `tag` (a small integer) keeps credit codes, usernames and event keys apart. `paidAccounts: false` leaves the
 * paid-out accounts unopened, as for claims approved before approval opened them (migration 0010).
 */
export async function createFixtures(
  db: Db,
  opts: { tag: number; year: number; enterprisesPerGroup: number; groups: FixtureGroup[]; concurrency?: number; paidAccounts?: boolean },
): Promise<Fixtures> {
  const ctx = systemContext('fixtures');
  const source = 'county';
  const prefix = `fx${opts.tag}`;
  const ents = await db
    .insert(enterprises)
    .values(
      Array.from({ length: opts.enterprisesPerGroup * opts.groups.length }, (_, i) => ({
        creditCode: creditCode(opts.tag, i),
        name: `夹具企业${opts.tag}-${i}`,
        orgUnitCode: '500241001',
      })),
    )
    .returning({ id: enterprises.id, name: enterprises.name });
  const payables = await db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const e of ents) ids.push((await ensureAccount(tx, accountSpecs.payable(e.id, e.name))).id);
    return ids;
  });
  const [reviewer] = await db
    .insert(users)
    .values({ username: `${prefix}_reviewer_${randomUUID().slice(0, 8)}`, displayName: '夹具审核人', passwordHash: '!' })
    .returning({ id: users.id });
  const [notice] = await db
    .insert(notices)
    .values({ title: `${prefix} 公示`, startsOn: `${opts.year}-01-01`, endsOn: `${opts.year}-01-07`, createdBy: reviewer!.id })
    .returning({ id: notices.id });
  const codes = opts.groups.map((g) => g.policyCode);
  const versions = await db
    .select({ policyId: policies.id, code: policies.code, versionId: policyVersions.id })
    .from(policies)
    .innerJoin(policyVersions, and(eq(policyVersions.policyId, policies.id), eq(policyVersions.version, 1)))
    .where(inArray(policies.code, codes));
  const budgets: Fixtures['budgets'] = [];
  const all: (FixtureClaim & { enterprise: number; budgetId: number })[] = [];
  const entIndex = new Map(ents.map((e, i) => [e.id, i]));
  let n = 0;
  for (const [gi, g] of opts.groups.entries()) {
    const v = versions.find((x) => x.code === g.policyCode);
    if (!v) throw new Error(`no policy ${g.policyCode}`);
    const { budget } = await db.transaction(async (tx) => {
      // The paid-out account too, as approveClaim opens it with the reservation.
      if (opts.paidAccounts !== false) await ensureAccount(tx, accountSpecs.paid(opts.year, source, g.policyCode));
      return fundBudget(tx, ctx, {
        year: opts.year,
        source,
        policyCode: g.policyCode,
        amount: g.fundFen,
        key: `${prefix}:fund:${opts.year}:${g.policyCode}`,
        reason: '夹具预算 fixture budget',
      });
    });
    budgets.push({ policyCode: g.policyCode, code: budget.code, fundFen: g.fundFen });
    const rows: ClaimInsert[] = g.amounts.map((amountFen) => {
      const i = n++;
      return {
        policyId: v.policyId,
        versionId: v.versionId,
        // Each group has enterprises of its own, so the groups' reservations touch disjoint accounts.
        enterpriseId: ents[gi * opts.enterprisesPerGroup + (i % opts.enterprisesPerGroup)]!.id,
        eventKey: `${g.policyCode}|${prefix}|${opts.year}|${i}`,
        fiscalYear: opts.year,
        fundSource: source,
        status: g.state,
        eligibility: 'eligible',
        amountFen,
        trace: { fixture: true } as unknown as ClaimInsert['trace'],
        reviewedBy: reviewer!.id,
        reviewedAt: new Date(),
        noticeId: notice!.id,
        ...(g.state === 'approved' ? { approvedAt: new Date() } : {}),
      };
    });
    for (let k = 0; k < rows.length; k += 1000) {
      const made = await db
        .insert(claims)
        .values(rows.slice(k, k + 1000))
        .returning({ id: claims.id, eventKey: claims.eventKey, amountFen: claims.amountFen, enterpriseId: claims.enterpriseId });
      for (const c of made)
        all.push({
          id: c.id,
          eventKey: c.eventKey,
          amountFen: c.amountFen,
          policyCode: g.policyCode,
          state: g.state,
          enterprise: entIndex.get(c.enterpriseId)!,
          budgetId: budget.id,
        });
    }
  }
  // Reservations for the claims written approved, exactly as approveClaim makes them (same key, same
  // accounts), in transactions of 250: one group at a time per worker, so that concurrent transactions
  // never share an account (a transaction holds its accounts' row locks until it commits).
  const groups = opts.groups.filter((x) => x.state === 'approved');
  await pool(groups, opts.concurrency ?? 2, async (g) => {
    const mine = all.filter((c) => c.policyCode === g.policyCode);
    for (let k = 0; k < mine.length; k += 250)
      await db.transaction(async (tx) => {
        for (const c of mine.slice(k, k + 250))
          await transfer(tx, ctx, {
            key: `claim:${c.eventKey}:reserve`,
            debitAccountId: c.budgetId,
            creditAccountId: payables[c.enterprise]!,
            amount: c.amountFen,
            kind: 'pending',
            claimId: c.id,
          });
      });
  });
  return {
    claims: all.map(({ id, eventKey, amountFen, policyCode, state }) => ({ id, eventKey, amountFen, policyCode, state })),
    budgets,
    year: opts.year,
    source,
  };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { workers: { type: 'string' }, ids: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is required\n');
    return 2;
  }
  const ids = [
    ...positionals,
    ...(values.ids
      ? readFileSync(values.ids, 'utf8')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)
      : []),
  ];
  const workers = Number(values.workers ?? 4);
  const database = await openDatabase({ url, poolSize: workers });
  const ctx = systemContext('pay-batch');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`pid ${process.pid}`);
  let paid = 0;
  let replayed = 0;
  let failed = 0;
  let retries = 0;
  try {
    await pool(ids, workers, async (id) => {
      for (let attempt = 1; ; attempt++) {
        try {
          const r = await payClaim(database.db, ctx, id);
          if (r.replayed) out(`replayed ${++replayed} ${id}`);
          else out(`paid ${++paid} ${id}`);
          return;
        } catch (e) {
          // A deadlock or serialization failure rolled the payment back: a batch job tries it again.
          const code = pgErrorOf(e)?.code;
          if (code && TRANSIENT.has(code) && attempt < 20) {
            retries += 1;
            continue;
          }
          failed += 1;
          const cause = (e as { cause?: unknown }).cause;
          const message = cause instanceof Error ? cause.message : e instanceof Error ? e.message.split('\n')[0] : String(e);
          process.stderr.write(`failed ${id} after ${attempt} attempts: ${code ?? ''} ${message}\n`);
          return;
        }
      }
    });
  } finally {
    await database.close();
  }
  out(`done paid=${paid} replayed=${replayed} failed=${failed} retries=${retries}`);
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
