import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountView,
  accountsQuery,
  budgetBody,
  budgetDecisionBody,
  budgetDecisionResult,
  budgetRequestResult,
  budgetRequestsQuery,
  budgetRequestView,
  reconciliationView,
  reverseBody,
  transferResult,
  transferView,
} from '../../../common/contracts/ledger.js';
import { accessOf } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { BUDGET_DECISIONS } from '../../../common/values/ledger.js';
import { RULES } from './ledger.policy.js';
import { decideBudget, listBudgetRequests, requestBudget, reverseTransfer } from './budgets.js';
import { accountName, listAccounts, listTransfers, type AccountRow } from './ledger.service.js';
import { verifyLedger } from './reconcile.js';

/** An account with its balances: for a budget, what is left to reserve (requests not yet approved add nothing). */
const present = (a: AccountRow) => ({
  ...a,
  name: accountName(a),
  balanceFen: a.creditsPosted - a.debitsPosted,
  availableFen: a.creditsPosted - a.debitsPosted - a.debitsPending,
  requestedFen: a.kind === 'budget' ? a.creditsPending : 0,
});

const withZod = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
type ZodRouter = ReturnType<typeof withZod>;
const tags = ['ledger'];
const numericId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function ledgerRoutes(app: FastifyInstance, db: Db): void {
  const r = withZod(app);
  accountRoutes(r, db);
  budgetRoutes(r, db);
}

/** Accounts and their transfers. */
function accountRoutes(r: ZodRouter, db: Db): void {
  r.get(
    '/api/ledger/accounts',
    {
      config: { access: RULES.accounts },
      schema: {
        tags,
        summary:
          'Accounts with balances in fen (budgets by fiscal year × fund source × policy, payables per enterprise, paid out), in scope',
        querystring: accountsQuery,
        response: { 200: z.array(accountView) },
      },
    },
    async (req) => {
      const q = req.query;
      const scopes = accessOf(req).scopes;
      return (await listAccounts(db, { kind: q.kind, fiscalYear: q.year, policyCode: q.policy, enterpriseId: q.enterprise, scopes })).map(
        present,
      );
    },
  );

  r.get(
    '/api/ledger/accounts/:id/transfers',
    {
      config: { access: RULES.account },
      schema: {
        tags,
        summary: 'The transfers of one account, oldest first (those whose other account is in scope)',
        params: numericId,
        response: { 200: z.array(transferView) },
      },
    },
    async (req) => listTransfers(db, { accountId: req.params.id, scopes: accessOf(req).scopes }),
  );
}

/** Budget requests and the second person’s decision (four eyes), corrections, and the reconciliation. */
function budgetRoutes(r: ZodRouter, db: Db): void {
  r.post(
    '/api/ledger/budgets',
    {
      config: { access: RULES.requestBudget },
      schema: {
        tags,
        summary:
          'Request budget for a policy (or call) and fiscal year: pending until a second person approves it (idempotent by requestKey)',
        body: budgetBody,
        response: { 200: budgetRequestResult, 201: budgetRequestResult },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const res = await db.transaction((tx) =>
        requestBudget(tx, contextOf(req), {
          year: b.year,
          source: b.fundSource,
          policyCode: b.policyCode,
          amount: b.amountFen,
          key: `budget:${b.requestKey}`,
          reason: b.reason,
        }),
      );
      // The account as it stands after the request, whatever its fund source.
      const [budget] = await listAccounts(db, { code: res.budget.code });
      return reply
        .status(res.replayed ? 200 : 201)
        .send({ transfer: res.transfer, replayed: res.replayed, status: 'pending', budget: present(budget!) });
    },
  );

  r.get(
    '/api/ledger/budget-requests',
    {
      config: { access: RULES.read },
      schema: {
        tags,
        summary: 'Budget requests in scope, newest first, with who requested and who decided',
        querystring: budgetRequestsQuery,
        response: { 200: z.array(budgetRequestView) },
      },
    },
    async (req) => listBudgetRequests(db, { scopes: accessOf(req).scopes, status: req.query.status }),
  );

  for (const decision of BUDGET_DECISIONS)
    r.post(
      `/api/ledger/budget-requests/:id/${decision}`,
      {
        config: { access: RULES.decideBudget },
        schema: {
          tags,
          summary:
            decision === 'approve'
              ? 'Approve a budget request (someone other than its requester): the budget can spend it'
              : 'Reject (or withdraw) a budget request',
          params: numericId,
          body: budgetDecisionBody,
          response: { 200: budgetDecisionResult },
        },
      },
      async (req) => {
        const res = await db.transaction((tx) => decideBudget(tx, contextOf(req), req.params.id, decision, req.body?.reason));
        const [budget] = await listAccounts(db, { id: res.transfer.creditAccountId });
        return {
          ...res,
          status: decision === 'approve' ? ('approved' as const) : ('rejected' as const),
          budget: budget ? present(budget) : null,
        };
      },
    );

  r.post(
    '/api/ledger/transfers/:id/reverse',
    {
      config: { access: RULES.reverse },
      schema: {
        tags,
        summary: 'Correct a posted transfer with a reversing transfer and a reason',
        params: numericId,
        body: reverseBody,
        response: { 200: transferResult, 201: transferResult },
      },
    },
    async (req, reply) => {
      const res = await db.transaction((tx) => reverseTransfer(tx, contextOf(req), req.params.id, req.body.reason));
      return reply.status(res.replayed ? 200 : 201).send(res);
    },
  );

  r.get(
    '/api/ledger/verify',
    {
      config: { access: RULES.read },
      schema: {
        tags,
        summary: 'Reconciliation: debits = credits and every balance equals the sum of its entries (accounts outside scope unnamed)',
        response: { 200: reconciliationView },
      },
    },
    async (req) => {
      const access = accessOf(req);
      return verifyLedger(db, (path) => access.can('read', path, true));
    },
  );
}
