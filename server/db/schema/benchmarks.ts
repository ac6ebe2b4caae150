import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import type { IndexResult, IndexSpec } from '../../../common/benchmarks/index.js';
import type { Direction } from '../../../common/values/benchmarks.js';
import { orgUnits } from './orgunits.js';

/** Peer groups as data: all 38 districts of Chongqing, the six of 渝东南, or any custom list. */
export const peerGroups = pgTable('peer_groups', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  members: text('members').array().notNull(),
  builtIn: boolean('built_in').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /**
   * The unit the group belongs to (migration 0016): the narrowest unit covering all its members. Read by the
   * units below it (the city's 38 districts by every district), defined and changed only within one's subtree.
   */
  orgUnitCode: text('org_unit_code').references(() => orgUnits.code),
});

/**
 * What can be ranked: an expression over data elements (e.g. R&D ÷ GDP), its direction, and where a
 * published value and a published rank are stored, so the computed figure is always shown beside them.
 */
export const benchmarkIndicators = pgTable(
  'benchmark_indicators',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    unit: text('unit').notNull(),
    decimals: integer('decimals').notNull().default(2),
    /** 1 = higher is better, -1 = lower is better. */
    direction: integer('direction').$type<Direction>().notNull().default(1),
    expression: text('expression').notNull(),
    publishedValueElement: text('published_value_element'),
    publishedRankElement: text('published_rank_element'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [check('benchmark_indicators_direction_chk', sql`${t.direction} in (1, -1)`)],
);

/** A composite-index run: the method spec and the result, stored so any published index can be re-run. */
export const indexRuns = pgTable('index_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  groupCode: text('group_code').notNull(),
  spec: jsonb('spec').notNull().$type<IndexSpec>(),
  result: jsonb('result').notNull().$type<IndexResult>(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** The unit of its author's grant (migration 0016): read by that unit's subtree and its ancestors. */
  orgUnitCode: text('org_unit_code').references(() => orgUnits.code),
});
