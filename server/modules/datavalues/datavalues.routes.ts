import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  dataElementView,
  historyQuery,
  historyResponse,
  keysBody,
  keysResponse,
  saveValuesBody,
  saveValuesResponse,
} from '../../../common/contracts/datavalues.js';
import { accessOf } from '../../platform/access.js';
import { contextOf } from '../../platform/audit.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings.js';
import { syncPlausibilityFactor } from './datavalues.plausibility.js';
import { RULES, valueActor } from './datavalues.policy.js';
import * as repo from './datavalues.repo.js';
import * as service from './datavalues.service.js';

/** Writes the installation's four-eyes setting where the database's trigger reads it (kc_settings, only when it differs). */
export async function syncFourEyes(db: Db, on: boolean): Promise<void> {
  const value = on ? 1 : 0;
  if ((await readSetting(db, SETTING_KEYS.fourEyesValues)) === value) return;
  await writeSetting(db, SETTING_KEYS.fourEyesValues, value);
}

export function dataValueRoutes(app: FastifyInstance, db: Db, config: Pick<Config, 'fourEyesValues' | 'plausibilityFactor'>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['data values'];
  app.addHook('onReady', async () => {
    await syncFourEyes(db, config.fourEyesValues);
    await syncPlausibilityFactor(db, config.plausibilityFactor);
  });

  r.get(
    '/api/data-elements',
    {
      config: { access: RULES.elements },
      schema: {
        tags,
        summary: 'All data elements with unit, aggregation and plausible range',
        response: { 200: z.array(dataElementView) },
      },
    },
    async () => {
      return (await repo.allDataElements(db)).map(service.presentDataElement);
    },
  );

  r.post(
    '/api/data-values',
    {
      bodyLimit: 5 * 1024 * 1024,
      config: { access: RULES.write },
      schema: {
        tags,
        summary:
          'Save values in bulk (draft, or submitted for approval): validated, all-or-nothing; corrections of approved values need a reason. ' +
          'A value far from its previous year’s (beyond KECHUANG_PLAUSIBILITY_FACTOR, or typical of another unit) is refused with ' +
          '409 dv_implausible and its warnings in error.details.warnings, unless confirmWarnings is true',
        body: saveValuesBody,
        response: { 200: saveValuesResponse },
      },
    },
    async (req) => {
      return service.saveValues(db, contextOf(req), valueActor(accessOf(req).auth), req.body.values, {
        action: req.body.action,
        source: 'manual',
        confirmWarnings: req.body.confirmWarnings,
      });
    },
  );

  r.post(
    '/api/data-values/submit',
    {
      config: { access: RULES.write },
      schema: { tags, summary: 'Submit draft values for approval', body: keysBody, response: { 200: keysResponse } },
    },
    async (req) => {
      return { changed: await service.transition(db, contextOf(req), valueActor(accessOf(req).auth), req.body.keys, 'submit') };
    },
  );

  r.post(
    '/api/data-values/approve',
    {
      config: { access: RULES.approve },
      schema: {
        tags,
        summary:
          'Approve values (bureau): they become locked. Never by whoever entered, changed or submitted them (four eyes, unless the installation turns it off)',
        body: keysBody,
        response: { 200: keysResponse },
      },
    },
    async (req) => {
      const changed = await service.transition(db, contextOf(req), valueActor(accessOf(req).auth), req.body.keys, 'approve', {
        fourEyes: config.fourEyesValues,
      });
      return { changed };
    },
  );

  r.get(
    '/api/data-values/history',
    {
      config: { access: RULES.history },
      schema: { tags, summary: 'Every version of one value, newest first', querystring: historyQuery, response: { 200: historyResponse } },
    },
    async (req) => {
      return service.historyOf(db, req.query);
    },
  );
}
