import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  benchmarkIndicatorList,
  indexRunList,
  indexRunView,
  peerGroupInput,
  peerGroupList,
  peerGroupView,
  profileQuery,
  profileView,
  rankingsQuery,
  rankingsView,
  runIndexInput,
  runParams,
  storedIndexRun,
} from '../../../common/contracts/benchmarks.js';
import { accessOf } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { RULES } from './benchmarks.policy.js';
import * as svc from './benchmarks.service.js';
import * as composite from './composite.service.js';

export function benchmarkRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['benchmarks'];

  r.get(
    '/api/benchmarks/indicators',
    {
      config: { access: RULES.indicators },
      schema: {
        tags,
        summary: 'What can be ranked (expressions over data elements, with their published columns)',
        response: { 200: benchmarkIndicatorList },
      },
    },
    async () => {
      return svc.listIndicators(db);
    },
  );

  r.get(
    '/api/benchmarks/groups',
    {
      config: { access: RULES.groups },
      schema: { tags, summary: 'Peer groups of the caller’s units and of their ancestors', response: { 200: peerGroupList } },
    },
    async (req) => {
      return svc.listGroups(db, accessOf(req).scopes);
    },
  );

  r.post(
    '/api/benchmarks/groups',
    {
      config: { access: RULES.defineGroup },
      schema: {
        tags,
        summary: 'Define a custom peer group (its members within the caller’s subtree)',
        body: peerGroupInput,
        response: { 201: peerGroupView },
      },
    },
    async (req, reply) => {
      const row = await svc.createGroup(db, contextOf(req), accessOf(req), req.body);
      return reply.status(201).send(row);
    },
  );

  r.get(
    '/api/benchmarks/rankings',
    {
      config: { access: RULES.rankings },
      schema: {
        tags,
        summary:
          'Rank of each unit among its peers (ties share the best rank), change since last year, distance to the average and to the best; published value and rank beside',
        querystring: rankingsQuery,
        response: { 200: rankingsView },
      },
    },
    async (req) => {
      return svc.rankings(db, accessOf(req), req.query);
    },
  );

  r.post(
    '/api/composite-index/run',
    {
      config: { access: RULES.runIndex },
      schema: {
        tags,
        summary:
          'Run a composite index (method spec as data) over a peer group for a year: scores, ranks, rank intervals from the uncertainty analysis, strengths and weaknesses, and the spec used',
        body: runIndexInput,
        response: { 200: indexRunView },
      },
    },
    async (req) => {
      return composite.runComposite(db, contextOf(req), accessOf(req), req.body);
    },
  );

  r.get(
    '/api/composite-index/runs',
    {
      config: { access: RULES.runs },
      schema: { tags, summary: 'Stored index runs of the caller’s subtree', response: { 200: indexRunList } },
    },
    async (req) => {
      return composite.listRuns(db, accessOf(req).scopes);
    },
  );

  r.get(
    '/api/composite-index/runs/:id',
    {
      config: { access: RULES.run },
      schema: { tags, summary: 'One stored run: the spec and the result', params: runParams, response: { 200: storedIndexRun } },
    },
    async (req) => {
      return composite.getRun(db, req.params.id);
    },
  );

  r.get(
    '/api/benchmarks/profile',
    {
      config: { access: RULES.rankings },
      schema: {
        tags,
        summary: 'One unit against its peers: every indicator with value, rank and the group average; strengths and weaknesses',
        querystring: profileQuery,
        response: { 200: profileView },
      },
    },
    async (req) => {
      return svc.profile(db, accessOf(req), req.query);
    },
  );
}
