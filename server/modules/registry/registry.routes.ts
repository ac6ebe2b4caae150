import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '../../../common/contracts/common.js';
import { pipelineView, precheckQuery, prechecksView } from '../../../common/contracts/registry-checks.js';
import {
  createdView,
  enterpriseInput,
  enterpriseList,
  enterpriseListQuery,
  enterpriseView,
  idParam,
  qualificationInput,
  qualificationList,
  qualificationListQuery,
  qualificationParams,
  registryTypesView,
  revokeInput,
  statsInput,
  statsList,
  statsParam,
} from '../../../common/contracts/registry.js';
import { addMonths } from '../../../common/clock.js';
import { contextOf } from '../../platform/audit.js';
import { accessFor, accessOf, type Access } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { getUnitOr404 } from '../orgunits/index.js';
import * as ent from './enterprises.service.js';
import { pipeline, prechecksFor } from './prechecks.js';
import * as rec from './records.service.js';
import { RULES, editScope, ownEnterprises } from './registry.policy.js';
import * as repo from './registry.repo.js';
import { presentStats, registryTypes } from './presenters.js';
import { registerRecordRoutes } from './records.routes.js';
import { isValidOn } from './validity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The enterprise a route names (by id or credit code). The access rule has already resolved it to its unit
 * and checked the caller's scope — except for an enterprise user (a personal role), who reaches only its own:
 * anyone else's is not found.
 */
async function namedEnterprise(db: Db, ref: string, access?: Access) {
  let id = ref;
  if (!UUID.test(ref)) {
    const [byCode] = await repo.findByCreditCodes(db, [ent.checkCreditCode(ref, 'id')]);
    if (!byCode) throw notFound(ref);
    id = byCode.id;
  }
  const e = await repo.findEnterprise(db, id);
  if (!e) throw notFound(ref);
  if (access?.personal && !access.can('read', e.orgPath) && !ownEnterprises(access.auth).includes(e.id)) throw notFound(ref);
  return e;
}

/** Registry types and enterprises: list, create, read, update. */
function registerEnterpriseRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  r.get(
    '/api/registry/types',
    {
      config: { access: RULES.types },
      schema: { tags, summary: 'Industry tags, qualification and platform types', response: { 200: registryTypesView } },
    },
    async () => registryTypes(db),
  );

  r.get(
    '/api/enterprises',
    {
      config: { access: RULES.list },
      schema: {
        tags,
        summary: 'Enterprises in scope, filterable by name, town, tag and valid qualification',
        querystring: enterpriseListQuery,
        response: { 200: enterpriseList },
      },
    },
    async (req) => {
      const scopes = accessOf(req).scopes;
      const within = req.query.orgUnit ? (await getUnitOr404(db, req.query.orgUnit)).path : undefined;
      const { rows, total } = await repo.listEnterprises(db, {
        ...req.query,
        withinPath: within,
        scopePaths: scopes,
        validOn: req.query.validOn ?? ent.today(),
      });
      const quals = await repo.qualificationsOf(db, { enterpriseIds: rows.map((x) => x.e.id) });
      const date = req.query.validOn ?? ent.today();
      return {
        total,
        items: rows.map(({ e, orgUnitName }) => ({
          id: e.id,
          creditCode: e.creditCode,
          name: e.name,
          legalRepresentative: e.legalRepresentative,
          foundedOn: e.foundedOn,
          orgUnitCode: e.orgUnitCode,
          orgUnitName,
          industryCode: e.industryCode,
          tags: e.tags,
          sizeClass: e.sizeClass,
          contactName: e.contactName,
          contactPhone: e.contactPhone,
          address: e.address,
          isDemo: e.isDemo,
          qualificationCodes: [...new Set(quals.filter((q) => q.q.enterpriseId === e.id && isValidOn(q.q, date)).map((q) => q.q.typeCode))],
        })),
      };
    },
  );

  r.post(
    '/api/enterprises',
    {
      config: { access: RULES.record },
      schema: {
        tags,
        summary: 'Register an enterprise (credit code checked, no duplicates)',
        body: enterpriseInput,
        response: { 201: enterpriseView },
      },
    },
    async (req, reply) => {
      const id = await ent.createEnterprise(db, contextOf(req), editScope(accessOf(req)), req.body);
      const { orgPath: _p, ...view } = await ent.enterpriseDetail(db, id);
      return reply.status(201).send(view);
    },
  );

  r.get(
    '/api/enterprises/:id',
    {
      config: { access: RULES.readEnterprise },
      schema: { tags, summary: 'One enterprise with parks and qualifications', params: idParam, response: { 200: enterpriseView } },
    },
    async (req) => {
      const access = accessOf(req);
      const e = await namedEnterprise(db, req.params.id, access);
      const { orgPath, ...view } = await ent.enterpriseDetail(db, e.id);
      return { ...view, editable: accessFor(access.auth, RULES.editEnterprise.roles).can('write', orgPath) };
    },
  );

  r.put(
    '/api/enterprises/:id',
    {
      config: { access: RULES.editEnterprise },
      schema: { tags, summary: 'Edit an enterprise', params: idParam, body: enterpriseInput, response: { 200: enterpriseView } },
    },
    async (req) => {
      const e = await namedEnterprise(db, req.params.id);
      await ent.updateEnterprise(db, contextOf(req), editScope(accessOf(req)), e.id, req.body);
      const { orgPath: _p, ...view } = await ent.enterpriseDetail(db, e.id);
      return view;
    },
  );
}

/** Qualifications: grant, revoke, list. */
function registerQualificationRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  r.post(
    '/api/enterprises/:id/qualifications',
    {
      config: { access: RULES.editEnterprise },
      schema: {
        tags,
        summary: 'Record a qualification; its validity follows from its type',
        params: idParam,
        body: qualificationInput,
        response: { 201: createdView },
      },
    },
    async (req, reply) => {
      const e = await namedEnterprise(db, req.params.id);
      return reply.status(201).send({ id: await ent.addQualification(db, contextOf(req), e.id, req.body) });
    },
  );

  r.post(
    '/api/enterprises/:id/qualifications/:qid/revoke',
    {
      config: { access: RULES.editEnterprise },
      schema: {
        tags,
        summary: 'Revoke a qualification from a date',
        params: qualificationParams,
        body: revokeInput,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      const e = await namedEnterprise(db, req.params.id);
      await ent.revokeQualification(db, contextOf(req), e.id, req.params.qid, req.body.revokedOn);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/qualifications',
    {
      config: { access: RULES.list },
      schema: {
        tags,
        summary: 'Qualifications valid on a date, or ending within some months (re-certification follow-up)',
        querystring: qualificationListQuery,
        response: { 200: qualificationList },
      },
    },
    async (req) => {
      const scopes = accessOf(req).scopes;
      const within = req.query.orgUnit ? (await getUnitOr404(db, req.query.orgUnit)).path : undefined;
      const date = req.query.validOn ?? ent.today();
      const rows = (await repo.qualificationsOf(db, { ...(req.query.type ? { type: req.query.type } : {}), scopePaths: scopes })).filter(
        (q) => !within || q.orgPath.startsWith(within),
      );
      let out = rows.filter((q) => isValidOn(q.q, date));
      if (req.query.expiringWithinMonths) {
        const horizon = addMonths(date, req.query.expiringWithinMonths);
        out = out
          .filter((q) => q.q.validUntil !== null && q.q.validUntil <= horizon)
          .sort((a, b) => (a.q.validUntil! < b.q.validUntil! ? -1 : 1));
      }
      return out.map(ent.presentQualification);
    },
  );
}

/** Enterprise statistics, eligibility prechecks and the pipeline. */
function registerStatsRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  r.get(
    '/api/enterprises/:id/stats',
    {
      config: { access: RULES.readEnterprise },
      schema: { tags, summary: 'Annual figures of an enterprise', params: idParam, response: { 200: statsList } },
    },
    async (req) => {
      const e = await namedEnterprise(db, req.params.id, accessOf(req));
      return (await repo.statsOf(db, e.id)).map(presentStats);
    },
  );
  r.put(
    '/api/enterprises/:id/stats/:year',
    {
      config: { access: RULES.editEnterprise },
      schema: {
        tags,
        summary: 'Enter annual figures (bureau); approved figures are locked',
        params: statsParam,
        body: statsInput,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      const e = await namedEnterprise(db, req.params.id);
      await rec.saveStats(db, contextOf(req), e.id, req.params.year, req.body);
      return reply.status(204).send();
    },
  );
  r.post(
    '/api/enterprises/:id/stats/:year/approve',
    {
      config: { access: RULES.editEnterprise },
      schema: { tags, summary: 'Approve annual figures (bureau)', params: statsParam, response: { 204: noContent } },
    },
    async (req, reply) => {
      const e = await namedEnterprise(db, req.params.id);
      await rec.approveStats(db, contextOf(req), e.id, req.params.year);
      return reply.status(204).send();
    },
  );

  // Both spellings: the issue names /precheck, the web app uses /prechecks.
  for (const url of ['/api/enterprises/:id/prechecks', '/api/enterprises/:id/precheck']) {
    r.get(
      url,
      {
        config: { access: RULES.readEnterprise },
        schema: {
          tags,
          summary: 'High-tech precheck and tech-SME score from the register',
          params: idParam,
          querystring: precheckQuery,
          response: { 200: prechecksView },
        },
      },
      async (req) => {
        const e = await namedEnterprise(db, req.params.id, accessOf(req));
        return prechecksFor(db, e.id, req.query.date ?? ent.today());
      },
    );
  }

  r.get(
    '/api/registry/pipeline',
    {
      config: { access: RULES.list },
      schema: {
        tags,
        summary: 'High-tech cultivation pipeline (高企培育库): closest first, with what is missing',
        querystring: precheckQuery,
        response: { 200: pipelineView },
      },
    },
    async (req) => {
      const scopes = accessOf(req).scopes;
      return pipeline(db, scopes, req.query.date ?? ent.today());
    },
  );
}

export function registryRoutes(app: FastifyInstance, db: Db): void {
  registerEnterpriseRoutes(app, db);
  registerQualificationRoutes(app, db);
  registerRecordRoutes(app, db);
  registerStatsRoutes(app, db);
}
