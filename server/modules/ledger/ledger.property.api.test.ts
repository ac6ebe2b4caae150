import { inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, cloneTemplate } from '../../../test/db-template.js';
import { ledgerAccounts, ledgerTransfers } from '../../db/schema/ledger.js';
import { systemContext } from '../../platform/audit.js';
import { rowsOf, type Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { accountSpecs, ensureAccount, fundBudget, reverseTransfer, transfer, verifyLedger, type AccountRow } from './index.js';

/**
 * Property-based: random sequences of ledger operations (fund a budget, reserve, post, void, pay out, spend,
 * reverse, retries with the same key, the same key with other content, overdraft attempts), each against an
 * in-memory model of what the ledger must do, on PGlite and PostgreSQL. Every operation's outcome must be the
 * model's (created, replayed as the first transfer, or refused with the model's reason); after each sequence
 * the balances must be the model's, verifyLedger must hold, debits must equal credits, no flagged account may
 * be overdrawn and no reservation may be resolved twice. Each run has accounts of its own.
 *
 * LEDGER_PROPERTY_RUNS (default 30) and LEDGER_PROPERTY_OPS (default 25) size it.
 */
const RUNS = Number(process.env.LEDGER_PROPERTY_RUNS ?? 30);
const OPS = Number(process.env.LEDGER_PROPERTY_OPS ?? 25);
const ctx = systemContext('property');

let db: Db;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const clone = await cloneTemplate();
  db = clone.database.db;
  dispose = clone.dispose;
});
afterAll(() => dispose());

type Op =
  | { t: 'fund'; b: number; amount: number; key: number }
  | { t: 'reserve'; b: number; p: number; amount: number; key: number }
  | { t: 'post' | 'void'; r: number; key: number }
  | { t: 'payout'; p: number; amount: number; key: number }
  | { t: 'spend'; b: number; p: number; amount: number; key: number }
  | { t: 'reverse'; x: number }
  | { t: 'retry'; i: number }
  | { t: 'conflict'; i: number }
  | { t: 'overdraft'; side: 'budget' | 'payable'; n: number; extra: number };

const amount = fc.integer({ min: 1, max: 5_000 });
const key = fc.integer({ min: 0, max: 39 });
const two = fc.integer({ min: 0, max: 1 });
const index = fc.nat({ max: 1_000 });
const fundArb = (b: number) =>
  fc.record({ t: fc.constant('fund' as const), b: fc.constant(b), amount: fc.integer({ min: 1, max: 50_000 }), key });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('fund' as const), b: two, amount: fc.integer({ min: 1, max: 50_000 }), key }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('reserve' as const), b: two, p: two, amount, key }), weight: 4 },
  { arbitrary: fc.record({ t: fc.constantFrom('post' as const, 'void' as const), r: index, key }), weight: 4 },
  { arbitrary: fc.record({ t: fc.constant('payout' as const), p: two, amount, key }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('spend' as const), b: two, p: two, amount, key }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('reverse' as const), x: index }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('retry' as const), i: index }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('conflict' as const), i: index }), weight: 2 },
  {
    arbitrary: fc.record({
      t: fc.constant('overdraft' as const),
      side: fc.constantFrom('budget' as const, 'payable' as const),
      n: two,
      extra: amount,
    }),
    weight: 1,
  },
);

type Kind = 'posted' | 'pending' | 'post_pending' | 'void_pending';
/** One call into the ledger, as the model sees it. `reverse` goes through reverseTransfer, `fund` through fundBudget. */
interface Call {
  via: 'transfer' | 'fund' | 'reverse';
  key: string;
  debit: number;
  credit: number;
  amount: number;
  kind: Kind;
  pendingId?: number;
  reversesId?: number;
  /** fundBudget's policy code (the budget is found by it). */
  policy?: string;
}
type Outcome = { ok: true; id: number; replayed: boolean } | { ok: false; code: string };

interface Bal {
  dp: number;
  dpo: number;
  cp: number;
  cpo: number;
  flag: boolean;
}

/** What the ledger must do: balances, keys, transfers and their resolutions. */
class Model {
  bal = new Map<number, Bal>();
  keys = new Map<string, { content: string; id: number }>();
  transfers = new Map<number, { kind: Kind; debit: number; credit: number; amount: number }>();
  resolved = new Map<number, number>();
  reservations: number[] = [];
  all: number[] = [];

  open(a: AccountRow) {
    this.bal.set(a.id, { dp: 0, dpo: 0, cp: 0, cpo: 0, flag: a.debitsMustNotExceedCredits });
  }

  static content(c: Call) {
    return JSON.stringify([c.debit, c.credit, c.amount, c.kind, c.pendingId ?? null, c.reversesId ?? null]);
  }

  /** The outcome the ledger must give, without the id of a new transfer (known only after the call). */
  expect(c: Call): { replayOf?: number; refuse?: string } {
    const seen = this.keys.get(c.key);
    if (seen) return seen.content === Model.content(c) ? { replayOf: seen.id } : { refuse: 'ledger_key_conflict' };
    if ((c.kind === 'post_pending' || c.kind === 'void_pending') && this.resolved.has(c.pendingId!))
      return { refuse: 'ledger_already_resolved' };
    const next = this.after(c);
    for (const b of next.values()) if (b.flag && b.dp + b.dpo > b.cpo) return { refuse: 'ledger_insufficient_funds' };
    return {};
  }

  private after(c: Call): Map<number, Bal> {
    const d = { ...this.bal.get(c.debit)! };
    const k = { ...this.bal.get(c.credit)! };
    if (c.kind === 'posted') {
      d.dpo += c.amount;
      k.cpo += c.amount;
    } else if (c.kind === 'pending') {
      d.dp += c.amount;
      k.cp += c.amount;
    } else if (c.kind === 'post_pending') {
      d.dp -= c.amount;
      d.dpo += c.amount;
      k.cp -= c.amount;
      k.cpo += c.amount;
    } else {
      d.dp -= c.amount;
      k.cp -= c.amount;
    }
    return new Map([
      [c.debit, d],
      [c.credit, k],
    ]);
  }

  apply(c: Call, id: number) {
    for (const [acc, b] of this.after(c)) this.bal.set(acc, b);
    this.keys.set(c.key, { content: Model.content(c), id });
    this.transfers.set(id, { kind: c.kind, debit: c.debit, credit: c.credit, amount: c.amount });
    this.all.push(id);
    if (c.kind === 'pending') this.reservations.push(id);
    if (c.pendingId) this.resolved.set(c.pendingId, id);
  }

  available(acc: number) {
    const b = this.bal.get(acc)!;
    return b.cpo - b.dp - b.dpo;
  }
}

async function call(c: Call, run: string): Promise<Outcome> {
  try {
    const r = await db.transaction(async (tx) => {
      if (c.via === 'fund')
        return fundBudget(tx, ctx, { year: 2026, source: run, policyCode: c.policy!, amount: c.amount, key: c.key, reason: 'property' });
      if (c.via === 'reverse') return reverseTransfer(tx, ctx, c.reversesId!, 'property');
      return transfer(tx, ctx, {
        key: c.key,
        debitAccountId: c.debit,
        creditAccountId: c.credit,
        amount: c.amount,
        kind: c.kind,
        ...(c.pendingId ? { pendingId: c.pendingId } : {}),
      });
    });
    return { ok: true, id: r.transfer.id, replayed: r.replayed };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code };
    throw e;
  }
}

let runNo = 0;
/** How often each outcome was seen, to show what the random sequences covered. */
const seen = new Map<string, number>();
const tally = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

/** Fresh accounts for one sequence: the funding account, two budgets, two payables (no overdraft) and paid-out. */
function openAccounts(run: string) {
  return db.transaction(async (tx) => {
    const funding = await ensureAccount(tx, accountSpecs.funding(2026, run));
    const budgets = [
      await ensureAccount(tx, accountSpecs.budget(2026, run, 'b0')),
      await ensureAccount(tx, accountSpecs.budget(2026, run, 'b1')),
    ];
    const payables = await Promise.all(
      [0, 1].map((j) => ensureAccount(tx, { code: `payable:${run}:${j}`, kind: 'payable', holderName: `企业 ${j}`, noOverdraft: true })),
    );
    const paid = await ensureAccount(tx, accountSpecs.paid(2026, run));
    return { funding, budgets, payables, paid };
  });
}

/** One sequence's state: the model, its accounts, the calls made so far and the log shown on a disagreement. */
type Sequence = Awaited<ReturnType<typeof openAccounts>> & {
  run: string;
  m: Model;
  history: Call[];
  log: string[];
  k: (n: number) => string;
  overdrafts: number;
};

/** The call an operation makes, or undefined when it makes none (nothing to act on, or a refused reversal checked here). */
async function callFor(op: Op, s: Sequence): Promise<Call | undefined> {
  const { run, m, funding, budgets, payables, paid, history, log, k } = s;
  switch (op.t) {
    case 'fund':
      return {
        via: 'fund',
        key: k(op.key),
        debit: funding.id,
        credit: budgets[op.b]!.id,
        amount: op.amount,
        kind: 'posted',
        policy: `b${op.b}`,
      };
    case 'reserve':
      return { via: 'transfer', key: k(op.key), debit: budgets[op.b]!.id, credit: payables[op.p]!.id, amount: op.amount, kind: 'pending' };
    case 'post':
    case 'void': {
      if (m.reservations.length === 0) return undefined;
      const id = m.reservations[op.r % m.reservations.length]!;
      const p = m.transfers.get(id)!;
      return {
        via: 'transfer',
        key: k(op.key),
        debit: p.debit,
        credit: p.credit,
        amount: p.amount,
        kind: op.t === 'post' ? 'post_pending' : 'void_pending',
        pendingId: id,
      };
    }
    case 'payout':
      return { via: 'transfer', key: k(op.key), debit: payables[op.p]!.id, credit: paid.id, amount: op.amount, kind: 'posted' };
    case 'spend':
      return { via: 'transfer', key: k(op.key), debit: budgets[op.b]!.id, credit: payables[op.p]!.id, amount: op.amount, kind: 'posted' };
    case 'reverse': {
      // Any transfer of this run: a reservation or a voided one cannot be reversed.
      if (m.all.length === 0) return undefined;
      const id = m.all[op.x % m.all.length]!;
      const o = m.transfers.get(id)!;
      if (o.kind === 'pending' || o.kind === 'void_pending') {
        const got = await call({ via: 'reverse', key: '', debit: 0, credit: 0, amount: o.amount, kind: 'posted', reversesId: id }, run);
        log.push(`reverse ${o.kind} #${id} → ${JSON.stringify(got)}`);
        tally(`reverse: ${got.ok ? 'ok' : got.code}`);
        expect(got, log.join('\n')).toEqual({ ok: false, code: 'ledger_not_reversible' });
        return undefined;
      }
      return { via: 'reverse', key: `reverse:${id}`, debit: o.credit, credit: o.debit, amount: o.amount, kind: 'posted', reversesId: id };
    }
    case 'retry':
      if (history.length === 0) return undefined;
      return history[op.i % history.length]!;
    case 'conflict': {
      // The same key with other content (a reversal's key is derived from what it reverses: skip those).
      const base = history.filter((h) => h.via !== 'reverse');
      if (base.length === 0) return undefined;
      const h = base[op.i % base.length]!;
      return { ...h, amount: h.amount + 1 };
    }
    case 'overdraft': {
      const acc = op.side === 'budget' ? budgets[op.n]! : payables[op.n]!;
      const over = Math.max(1, m.available(acc.id) + op.extra);
      s.overdrafts += 1;
      return op.side === 'budget'
        ? { via: 'transfer', key: k(1000 + s.overdrafts), debit: acc.id, credit: payables[op.n]!.id, amount: over, kind: 'pending' }
        : { via: 'transfer', key: k(1000 + s.overdrafts), debit: acc.id, credit: paid.id, amount: over, kind: 'posted' };
    }
  }
}

/** Makes the call and checks its outcome against the model; a created transfer is applied to the model. */
async function callAndCompare(op: Op, c: Call, s: Sequence) {
  const { run, m, history, log } = s;
  const want = m.expect(c);
  const got = await call(c, run);
  log.push(`${op.t} ${JSON.stringify({ ...c, via: undefined })} → ${JSON.stringify(got)}`);
  tally(`${op.t}: ${got.ok ? (got.replayed ? 'replayed' : 'created') : got.code}`);
  if (want.refuse) expect(got, log.join('\n')).toEqual({ ok: false, code: want.refuse });
  else if (want.replayOf !== undefined) expect(got, log.join('\n')).toEqual({ ok: true, id: want.replayOf, replayed: true });
  else {
    expect(got, log.join('\n')).toMatchObject({ ok: true, replayed: false });
    m.apply(c, (got as { id: number }).id);
  }
  if (op.t === 'overdraft') expect(got, log.join('\n')).toEqual({ ok: false, code: 'ledger_insufficient_funds' });
  history.push(c);
}

async function expectDatabaseAgrees(m: Model, log: string[]) {
  const ids = [...m.bal.keys()];
  const accounts = await db.select().from(ledgerAccounts).where(inArray(ledgerAccounts.id, ids));
  for (const a of accounts) {
    const b = m.bal.get(a.id)!;
    expect({ code: a.code, dp: a.debitsPending, dpo: a.debitsPosted, cp: a.creditsPending, cpo: a.creditsPosted }, log.join('\n')).toEqual({
      code: a.code,
      dp: b.dp,
      dpo: b.dpo,
      cp: b.cp,
      cpo: b.cpo,
    });
    if (a.debitsMustNotExceedCredits) expect(a.debitsPending + a.debitsPosted, `${a.code} overdrawn`).toBeLessThanOrEqual(a.creditsPosted);
  }
  const sum = (f: (a: (typeof accounts)[number]) => number) => accounts.reduce((s, a) => s + f(a), 0);
  expect(sum((a) => a.debitsPosted)).toBe(sum((a) => a.creditsPosted));
  expect(sum((a) => a.debitsPending)).toBe(sum((a) => a.creditsPending));
  const mine = await db.select().from(ledgerTransfers).where(inArray(ledgerTransfers.debitAccountId, ids));
  expect(mine.map((t) => t.id).sort((a, b) => a - b)).toEqual([...m.all].sort((a, b) => a - b));
  const twice = rowsOf<{ id: string }>(
    await db.execute(
      sql`select pending_id::text as id from ledger_transfers where pending_id is not null group by pending_id having count(*) > 1`,
    ),
  );
  expect(twice).toEqual([]);
  const v = await verifyLedger(db);
  expect(v, log.join('\n')).toMatchObject({ ok: true, mismatches: [], overdrawn: [], doubleResolved: [] });
  expect(v.totals.debitsPosted).toBe(v.totals.creditsPosted);
  expect(v.totals.debitsPending).toBe(v.totals.creditsPending);
}

/** One sequence, against fresh accounts; throws (through expect) at the first disagreement with the model. */
async function runSequence(ops: Op[]) {
  runNo += 1;
  const run = `prop${runNo}x${Math.random().toString(36).slice(2, 7)}`;
  const m = new Model();
  const { funding, budgets, payables, paid } = await openAccounts(run);
  for (const a of [funding, ...budgets, ...payables, paid]) m.open(a);
  const s: Sequence = { run, m, funding, budgets, payables, paid, history: [], log: [], k: (n: number) => `${run}:k${n}`, overdrafts: 0 };
  for (const op of ops) {
    const c = await callFor(op, s);
    if (c === undefined) continue;
    await callAndCompare(op, c, s);
  }

  // The database agrees with the model, and with itself.
  await expectDatabaseAgrees(m, s.log);
}

describe(`ledger properties (${backend()})`, () => {
  it(`${RUNS} random sequences of ${OPS} operations agree with the model and keep the ledger's guarantees`, async () => {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(
        // Both budgets funded first (so that reservations can succeed), then the random operations.
        fc.tuple(fundArb(0), fundArb(1), fc.array(opArb, { minLength: Math.ceil(OPS / 2), maxLength: OPS - 2, size: 'max' })),
        ([f0, f1, ops]) => runSequence([f0, f1, ...ops]),
      ),
      { numRuns: RUNS },
    );
    console.log(
      `[ledger properties] ${backend()}: ${runNo} sequences (with shrinking, if any) in ${((performance.now() - started) / 1000).toFixed(1)} s; outcomes: ${[
        ...seen,
      ]
        .sort()
        .map(([w, n]) => `${w} ×${n}`)
        .join(', ')}`,
    );
  }, 120_000);

  it('a fixed sequence exercises every kind of refusal', async () => {
    // A regression anchor: fund, reserve, post, retry, conflict, double resolution, overdrafts, reversals.
    await runSequence([
      { t: 'fund', b: 0, amount: 10_000, key: 0 },
      { t: 'reserve', b: 0, p: 0, amount: 6_000, key: 1 },
      { t: 'retry', i: 1 },
      { t: 'conflict', i: 1 },
      { t: 'reserve', b: 0, p: 1, amount: 6_000, key: 2 },
      { t: 'post', r: 0, key: 3 },
      { t: 'void', r: 0, key: 4 },
      { t: 'post', r: 0, key: 3 },
      { t: 'payout', p: 0, amount: 6_001, key: 5 },
      { t: 'payout', p: 0, amount: 6_000, key: 6 },
      { t: 'reverse', x: 0 },
      { t: 'reverse', x: 0 },
      { t: 'reverse', x: 5 },
      { t: 'overdraft', side: 'budget', n: 0, extra: 1 },
      { t: 'overdraft', side: 'payable', n: 1, extra: 1 },
    ]);
  });
});
