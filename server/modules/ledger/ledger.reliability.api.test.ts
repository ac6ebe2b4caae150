import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backend } from '../../../test/db-template.js';
import { createFixtures } from '../../../test/ledger-pay-batch.js';
import { BATCH_APP, checkPaidExactlyOnce, rows, runBatch, sleep, usePostgresClone } from '../../../test/ledger-reliability.js';
import { verifyLedger } from './index.js';

/**
 * The ledger under crashes, on PostgreSQL only (PGlite has one connection): a payment batch in a child process
 * (test/ledger-pay-batch.ts) killed with SIGKILL mid-way, then run again to completion. Concurrent transfers
 * are in ledger.concurrency.api.test.ts, budget contention and the payment storm in ledger.storm.api.test.ts;
 * what they share is in test/ledger-reliability.ts.
 */
describe.skipIf(backend() !== 'postgres')('ledger reliability (PostgreSQL, real concurrency)', () => {
  const pg = usePostgresClone();

  it('a payment batch killed with SIGKILL mid-way and run again pays every claim exactly once', async () => {
    const db = pg.db();
    const url = pg.url();
    const YEAR = 2027;
    const N = 800;
    const fx = await createFixtures(db, {
      tag: 2,
      year: YEAR,
      enterprisesPerGroup: 20,
      groups: ['high_tech_new', 'patent_grant'].map((policyCode, g) => {
        const amounts = Array.from({ length: N / 2 }, (_, i) => 5_000 + ((i * 31 + g) % 500));
        return { policyCode, amounts, fundFen: amounts.reduce((a, b) => a + b, 0), state: 'approved' as const };
      }),
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-pay-batch-'));
    const idsFile = path.join(dir, 'ids.txt');
    writeFileSync(idsFile, fx.claims.map((c) => c.id).join('\n'));
    try {
      const first = runBatch(url, idsFile);
      const progress = await first.waitFor((s) => s.paid >= 150 || s.exited, 60_000);
      expect(progress.exited, 'the batch finished before it could be killed').toBe(false);
      process.kill(progress.pid!, 'SIGKILL');
      const killed = await first.done;
      expect(killed.signal ?? killed.code).not.toBe(0);
      const reported = killed.paid;
      // The killed process's sessions end as PostgreSQL notices their sockets closed: wait for that, so
      // that nothing of it is still in flight when the database is counted.
      for (let waited = 0; ; waited += 50) {
        const [busy] = await rows<{ n: number }>(
          db,
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = ${BATCH_APP} and state <> 'idle'`,
        );
        if (busy!.n === 0) break;
        if (waited > 10_000) throw new Error('sessions of the killed batch are still busy after 10 s');
        await sleep(50);
      }
      const [mid] = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from claims where fiscal_year = ${YEAR} and status = 'paid'`,
      );
      console.log(
        `[ledger reliability] SIGKILL after ${reported} payments reported; ${mid!.n} of ${N} claims paid in the database; done line: ${killed.doneLine ?? '(none)'}`,
      );
      // What the killed process reported was committed; what it had not finished was rolled back.
      expect(mid!.n).toBeGreaterThanOrEqual(reported);
      expect(mid!.n).toBeLessThan(N);
      expect(killed.doneLine).toBeUndefined();

      const second = await runBatch(url, idsFile).done;
      expect(second.code, `${second.doneLine ?? 'no done line'}\n${second.stderr.slice(-1500)}`).toBe(0);
      const m = /done paid=(\d+) replayed=(\d+) failed=(\d+) retries=(\d+)/.exec(second.doneLine ?? '');
      expect(m, second.stdoutTail).not.toBeNull();
      const [paid2, replayed2, failed2, retries2] = m!.slice(1).map(Number);
      console.log(`[ledger reliability] second run: ${second.doneLine}`);
      expect(failed2).toBe(0);
      // The second run found paid exactly what the first had committed, and paid the rest.
      expect(replayed2).toBe(mid!.n);
      expect(paid2! + replayed2!).toBe(N);
      await checkPaidExactlyOnce(db, fx.claims, []);
      const total = fx.claims.reduce((s, c) => s + c.amountFen, 0);
      const [paidAcc] = await rows<{ cpo: string }>(
        db,
        sql`select coalesce(sum(credits_posted), 0)::text as cpo from ledger_accounts where code like ${`paid:${YEAR}:county:%`}`,
      );
      expect(Number(paidAcc!.cpo)).toBe(total);
      expect((await verifyLedger(db)).ok).toBe(true);
      expect.soft(retries2, 'payments of the second run rolled back by deadlocks').toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
