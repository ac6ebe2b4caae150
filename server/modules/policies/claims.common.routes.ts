import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type * as claimsSvc from './claims.service.js';

/** What the claims' route files share: the typed router, the id parameter, and a claim's steps as shown. */
export const withZod = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
export type ZodRouter = ReturnType<typeof withZod>;
export const id = z.object({ id: z.uuid() });

/** Staff names are never shown to enterprises or the public: steps carry roles, not people. */
export const presentSteps = (steps: Awaited<ReturnType<typeof claimsSvc.stepsOf>>, withUsers: boolean) =>
  steps.map((s) => ({ step: s.step, note: s.note, message: s.message, at: s.at, ...(withUsers ? { byUser: s.byUser } : {}) }));
