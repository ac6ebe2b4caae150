import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/platform/config.js';

/**
 * The plan's source document — the text every seeded clause is quoted from — lives outside the repository.
 * One setting finds it: KECHUANG_PLAN_SOURCE, a directory (default `../shared/plan/`, relative to the repository
 * root). Tests that read it are skipped, with the reason printed, when it is absent, so `npm test` passes on a
 * clone with nothing beside it; REQUIRE_PLAN_SOURCE=1 (.ci/run) makes its absence a failure instead.
 */
export const PLAN_SOURCE_DIR = path.resolve(PROJECT_ROOT, process.env.KECHUANG_PLAN_SOURCE || '../shared/plan/');

/** The plan text of the seeded Xiushan plan, in PLAN_SOURCE_DIR. */
export const XIUSHAN_PLAN_TEXT = 'xiushan-sti-14th-fyp.txt';

/** Why the plan source cannot be read (then tests that need it skip), or undefined when it can. */
export function planSourceMissing(file = XIUSHAN_PLAN_TEXT): string | undefined {
  const full = path.join(PLAN_SOURCE_DIR, file);
  if (existsSync(full)) return undefined;
  const reason = `the plan's source document ${full} is absent (set KECHUANG_PLAN_SOURCE to its directory)`;
  if (process.env.REQUIRE_PLAN_SOURCE === '1') throw new Error(`REQUIRE_PLAN_SOURCE=1 but ${reason}`);
  console.warn(`skipped: ${reason}`);
  return reason;
}

/** A file of the plan source, as text. */
export function readPlanSource(file = XIUSHAN_PLAN_TEXT): string {
  return readFileSync(path.join(PLAN_SOURCE_DIR, file), 'utf8');
}
