import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { budgetBody, reverseBody } from '../../../common/contracts/policies.js';
import type { Role } from '../../../common/enums.js';
import { contextOf } from '../../platform/audit.js';
import { requireRole } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { fundBudget, listAccounts, listTransfers, reverseTransfer, verifyLedger, type AccountRow } from './ledger.service.js';

const READERS: readonly Role[] = ['admin', 'bureau', 'leader', 'auditor'];
const WRITERS: readonly Role[] = ['bureau'];

/** An account with its balances: for a budget, what is left to reserve. */
const present = (a: AccountRow) => ({
  ...a,
  balanceFen: a.creditsPosted - a.debitsPosted,
  availableFen: a.creditsPosted - a.debitsPosted - a.debitsPending,
});

export function ledgerRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];

  r.get(
    '/api/ledger/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts with balances in fen (budgets by fiscal year × fund source × policy, payables per enterprise, paid out)',
        querystring: z.object({
          kind: z.enum(['funding', 'budget', 'payable', 'paid']).optional(),
          year: z.coerce.number().int().optional(),
          policy: z.string().max(60).optional(),
          enterprise: z.uuid().optional(),
        }),
      },
    },
    async (req) => {
      requireRole(req, READERS);
      const q = req.query;
      return (await listAccounts(db, { kind: q.kind, fiscalYear: q.year, policyCode: q.policy, enterpriseId: q.enterprise })).map(present);
    },
  );

  r.get(
    '/api/ledger/accounts/:id/transfers',
    {
      schema: { tags, summary: 'The transfers of one account, oldest first', params: z.object({ id: z.coerce.number().int().positive() }) },
    },
    async (req) => {
      requireRole(req, READERS);
      return listTransfers(db, { accountId: req.params.id });
    },
  );

  r.post(
    '/api/ledger/budgets',
    { schema: { tags, summary: 'Add budget to a policy for a fiscal year (idempotent by requestKey)', body: budgetBody } },
    async (req, reply) => {
      requireRole(req, WRITERS);
      const b = req.body;
      const res = await db.transaction((tx) =>
        fundBudget(tx, contextOf(req), {
          year: b.year,
          source: b.fundSource,
          policyCode: b.policyCode,
          amount: b.amountFen,
          key: `budget:${b.requestKey}`,
          reason: b.reason,
        }),
      );
      // The account as it stands after the transfer (fundBudget read it before), whatever its fund source.
      const [budget] = await listAccounts(db, { code: res.budget.code });
      return reply.status(res.replayed ? 200 : 201).send({ transfer: res.transfer, replayed: res.replayed, budget: present(budget!) });
    },
  );

  r.post(
    '/api/ledger/transfers/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Correct a posted transfer with a reversing transfer and a reason',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: reverseBody,
      },
    },
    async (req, reply) => {
      requireRole(req, WRITERS);
      const res = await db.transaction((tx) => reverseTransfer(tx, contextOf(req), req.params.id, req.body.reason));
      return reply.status(res.replayed ? 200 : 201).send(res);
    },
  );

  r.get(
    '/api/ledger/verify',
    { schema: { tags, summary: 'Reconciliation: debits = credits and every balance equals the sum of its entries' } },
    async (req) => {
      requireRole(req, READERS);
      return verifyLedger(db);
    },
  );
}
