import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  pgView,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { orgUnits } from './orgunits.js';

/** A development plan for a region: the specification the bureau monitors. */
export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  titleZh: text('title_zh').notNull(),
  titleEn: text('title_en').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => orgUnits.code),
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  baselineYear: integer('baseline_year').notNull(),
  documentNo: text('document_no'),
  issuedOn: date('issued_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const planGoals = pgTable(
  'plan_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    no: integer('no').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    textZh: text('text_zh').notNull(),
  },
  (t) => [uniqueIndex('plan_goals_uq').on(t.planId, t.no)],
);

/** Key tasks (重点任务) and their numbered sub-items: no '2', '2.1', … */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    no: text('no').notNull(),
    parentNo: text('parent_no'),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [uniqueIndex('plan_tasks_uq').on(t.planId, t.no)],
);

/** What is measured: the inputs of indicators, stored per org unit and period. */
export const dataElements = pgTable(
  'data_elements',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    unit: text('unit').notNull(),
    /** How values of sub-units combine: sum, last, max, min, or none (ranks: never combined). */
    aggregation: text('aggregation').notNull(),
    definitionZh: text('definition_zh').notNull().default(''),
    /** Plausible range for entry and import checks; null = unbounded on that side. */
    minValue: doublePrecision('min_value'),
    maxValue: doublePrecision('max_value'),
  },
  (t) => [check('data_elements_aggregation_chk', sql`${t.aggregation} in ('sum','last','max','min','none')`)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    table1No: integer('table1_no'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    unit: text('unit').notNull(),
    decimals: integer('decimals').notNull().default(0),
    direction: text('direction').notNull(),
    /** DHIS2-style expression over data elements, e.g. #{rd_expenditure} / (#{gdp} * 10000) * 100. */
    expression: text('expression').notNull(),
    goalNo: integer('goal_no'),
    taskNo: text('task_no'),
    definitionZh: text('definition_zh').notNull().default(''),
    responsibleDepartments: text('responsible_departments')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    uniqueIndex('indicators_plan_code_uq').on(t.planId, t.code),
    index('indicators_code_idx').on(t.code),
    check('indicators_direction_chk', sql`${t.direction} in ('increase','decrease')`),
  ],
);

/** Every baseline or target the plan states, with the clause it comes from; several may disagree. */
export const indicatorStatements = pgTable(
  'indicator_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    comparator: text('comparator').notNull().default('='),
    section: text('section').notNull(),
    clause: text('clause').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    index('indicator_statements_ind_idx').on(t.indicatorId),
    check('indicator_statements_kind_chk', sql`${t.kind} in ('baseline','target')`),
    check('indicator_statements_cmp_chk', sql`${t.comparator} in ('=','>=','<=')`),
  ],
);

/** The bureau's decision which of several disagreeing statements is authoritative; the newest row wins. */
export const statementResolutions = pgTable(
  'statement_resolutions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    year: integer('year').notNull(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => indicatorStatements.id),
    reason: text('reason').notNull(),
    userId: uuid('user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('statement_resolutions_key_idx').on(t.indicatorId, t.kind, t.orgUnitCode, t.year)],
);

/** Data elements as other modules check, name and bound their values (the whole catalogue entry). Read-only (migration 0019: SELECT only, writes refused by a trigger); other modules import it from modules/plans/index.ts. */
export const dataElementsRead = pgView('kc_data_elements_read', {
  code: text('code').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  aggregation: text('aggregation').notNull(),
  definitionZh: text('definition_zh').notNull(),
  minValue: doublePrecision('min_value'),
  maxValue: doublePrecision('max_value'),
}).existing();
