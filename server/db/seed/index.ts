import { readFileSync } from 'node:fs';
import path from 'node:path';
import { planDocument } from '../../../common/contracts/plans.js';
import { countUnits, insertUnits } from '../../modules/orgunits/index.js';
import { findPlanByCode, importPlan } from '../../modules/plans/index.js';
import { systemContext } from '../../platform/audit.js';
import { PROJECT_ROOT } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { chongqingOrgUnits } from './orgunits.js';
import { POLICY_CATALOGUE } from './policies.js';
import { seedPeerStatistics } from './peers.js';
import { seedPolicies } from '../../modules/policies/index.js';
import { INDUSTRY_TAGS, PLATFORM_TYPES, QUALIFICATION_TYPES } from './registry.js';
import { industryTags, platformTypes, qualificationTypes } from '../schema/index.js';

export const XIUSHAN_PLAN_FILE = path.join(PROJECT_ROOT, 'server', 'db', 'seed', 'data', 'xiushan-plan.json');

export function xiushanPlan() {
  return planDocument.parse(JSON.parse(readFileSync(XIUSHAN_PLAN_FILE, 'utf8')));
}

/** Loads reference data into an empty database; what is already there is left alone. */
export async function seedReferenceData(db: Db): Promise<{ orgUnits: number; plan: boolean }> {
  let orgUnits = 0;
  if ((await countUnits(db)) === 0) {
    const rows = chongqingOrgUnits();
    await db.transaction(async (tx) => insertUnits(tx, rows));
    orgUnits = rows.length;
  }
  // Register types: inserted when missing, never overwriting what the bureau edited.
  await db.insert(industryTags).values(INDUSTRY_TAGS).onConflictDoNothing();
  await db.insert(qualificationTypes).values(QUALIFICATION_TYPES).onConflictDoNothing();
  await db.insert(platformTypes).values(PLATFORM_TYPES).onConflictDoNothing();
  const doc = xiushanPlan();
  let plan = false;
  if (!(await findPlanByCode(db, doc.plan.code))) {
    await importPlan(db, systemContext('seed'), doc);
    plan = true;
  }
  // The policy catalogue of the plan's chapter 4, for the plan's region (amounts 待定 until the bureau sets them).
  await seedPolicies(db, POLICY_CATALOGUE, doc.plan.regionCode);
  // Peer statistics from the plan's tables (benchmarking against Chongqing's districts).
  await seedPeerStatistics(db);
  return { orgUnits, plan };
}
