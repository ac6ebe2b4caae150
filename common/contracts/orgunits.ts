import { z } from 'zod';
import { MATCH_KINDS } from '../values/orgunits.js';
import { ORG_LEVELS } from '../enums.js';
import { LIMITS, ORG_CODE_PATTERN } from '../limits.js';
import { isoDate, name } from './common.js';

export const orgLevelSchema = z.enum(ORG_LEVELS);

export const orgUnitView = z.object({
  code: z.string(),
  name: z.string(),
  level: orgLevelSchema,
  parentCode: z.string().nullable(),
  aliases: z.array(z.string()),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
});
export type OrgUnitView = z.infer<typeof orgUnitView>;

export const orgUnitMatch = orgUnitView.extend({
  matchedBy: z.enum(MATCH_KINDS),
  /** Full path of names from the top, so people can tell homonyms apart. */
  pathNames: z.array(z.string()),
});
export type OrgUnitMatch = z.infer<typeof orgUnitMatch>;

export const listOrgUnitsQuery = z.object({
  q: z.string().trim().min(1).max(LIMITS.searchMax).optional(),
  within: z.string().regex(ORG_CODE_PATTERN).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const listOrgUnitsResponse = z.object({
  items: z.array(orgUnitView),
  /** Resolver results, present when q was given. */
  query: z
    .object({
      text: z.string(),
      normalized: z.string(),
      matches: z.array(orgUnitMatch),
      ambiguous: z.boolean(),
    })
    .optional(),
});
export type ListOrgUnitsResponse = z.infer<typeof listOrgUnitsResponse>;

export const orgUnitDetail = z.object({
  unit: orgUnitView,
  parent: orgUnitView.nullable(),
  children: z.array(orgUnitView),
  pathNames: z.array(z.string()),
});

export const orgCodeParam = z.object({ code: z.string().regex(ORG_CODE_PATTERN) });

const aliasesSchema = z.array(name(LIMITS.orgNameMax)).max(LIMITS.orgAliasMax);

export const createOrgUnitBody = z
  .object({
    code: z.string().regex(ORG_CODE_PATTERN),
    name: name(LIMITS.orgNameMax),
    level: orgLevelSchema,
    parentCode: z.string().regex(ORG_CODE_PATTERN).nullable(),
    aliases: aliasesSchema.default([]),
    validFrom: isoDate.nullable().optional(),
    validTo: isoDate.nullable().optional(),
  })
  .strict();
export type CreateOrgUnitBody = z.infer<typeof createOrgUnitBody>;

export const updateOrgUnitBody = z
  .object({
    name: name(LIMITS.orgNameMax).optional(),
    level: orgLevelSchema.optional(),
    parentCode: z.string().regex(ORG_CODE_PATTERN).nullable().optional(),
    aliases: aliasesSchema.optional(),
    validFrom: isoDate.nullable().optional(),
    validTo: isoDate.nullable().optional(),
  })
  .strict();
export type UpdateOrgUnitBody = z.infer<typeof updateOrgUnitBody>;
