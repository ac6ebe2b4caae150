import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  PatentStatus,
  PatentTypeValue,
  PlatformCategory,
  RegistryEventKind,
  SizeClass,
  StatsStatus,
} from '../../../common/values/registry.js';
import { users } from './accounts.js';
import { orgUnits } from './orgunits.js';

/** The plan's industry tags (中医药, 食品加工, …) and qualification and platform types: data, not code. */
export const industryTags = pgTable('industry_tags', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const qualificationTypes = pgTable(
  'qualification_types',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** years:N = valid N years from issue; calendar_year = the registration year only; open = until revoked. */
    validity: text('validity').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [check('qualification_types_validity_chk', sql`${t.validity} ~ '^(years:[0-9]+|calendar_year|open)$'`)],
);

export const platformTypes = pgTable(
  'platform_types',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** rd = 研发机构, service = 科技服务机构 (表1 indicator 7 counts both); incubator types carry floor area. */
    category: text('category').$type<PlatformCategory>().notNull(),
    incubator: boolean('incubator').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [check('platform_types_category_chk', sql`${t.category} in ('rd','service')`)],
);

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    legalRepresentative: text('legal_representative'),
    foundedOn: date('founded_on', { mode: 'string' }),
    /** The town (or county) where it is registered. */
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    industryCode: text('industry_code'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sizeClass: text('size_class').$type<SizeClass>(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_uq').on(t.creditCode),
    index('enterprises_org_unit_idx').on(t.orgUnitCode),
    check('enterprises_size_chk', sql`${t.sizeClass} is null or ${t.sizeClass} in ('large','medium','small','micro')`),
  ],
);

/** Membership of an industrial park, with dates (表1 indicator 6 counts tech enterprises in parks). */
export const parkMemberships = pgTable(
  'park_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    parkCode: text('park_code')
      .notNull()
      .references(() => orgUnits.code),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [
    index('park_memberships_ent_idx').on(t.enterpriseId),
    check('park_memberships_dates_chk', sql`${t.toDate} is null or ${t.fromDate} <= ${t.toDate}`),
  ],
);

export const qualifications = pgTable(
  'qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    typeCode: text('type_code')
      .notNull()
      .references(() => qualificationTypes.code),
    number: text('number'),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    /** Derived from the type's validity rule when recorded; null = open-ended. */
    validUntil: date('valid_until', { mode: 'string' }),
    revokedOn: date('revoked_on', { mode: 'string' }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('qualifications_ent_idx').on(t.enterpriseId),
    index('qualifications_type_idx').on(t.typeCode, t.validUntil),
    check('qualifications_dates_chk', sql`${t.validUntil} is null or ${t.issuedOn} <= ${t.validUntil}`),
  ],
);

export const platforms = pgTable(
  'platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    typeCode: text('type_code')
      .notNull()
      .references(() => platformTypes.code),
    level: text('level').notNull(),
    hostEnterpriseId: uuid('host_enterprise_id').references(() => enterprises.id),
    hostName: text('host_name'),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    recognizedOn: date('recognized_on', { mode: 'string' }).notNull(),
    revokedOn: date('revoked_on', { mode: 'string' }),
    floorArea: doublePrecision('floor_area'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('platforms_ou_idx').on(t.orgUnitCode),
    check('platforms_level_chk', sql`${t.level} in ('national','municipal','county')`),
    check('platforms_area_chk', sql`${t.floorArea} is null or ${t.floorArea} >= 0`),
    check('platforms_dates_chk', sql`${t.revokedOn} is null or ${t.recognizedOn} <= ${t.revokedOn}`),
  ],
);

/** People, without national ID numbers. */
export const talents = pgTable('talents', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  employerEnterpriseId: uuid('employer_enterprise_id').references(() => enterprises.id),
  employerName: text('employer_name'),
  orgUnitCode: text('org_unit_code')
    .notNull()
    .references(() => orgUnits.code),
  fromDate: date('from_date', { mode: 'string' }).notNull(),
  toDate: date('to_date', { mode: 'string' }),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const patents = pgTable(
  'patents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    type: text('type').$type<PatentTypeValue>().notNull(),
    title: text('title').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    grantedOn: date('granted_on', { mode: 'string' }),
    /** pending, granted, lapsed (fees not paid), invalidated. */
    status: text('status').$type<PatentStatus>().notNull(),
    lapsedOn: date('lapsed_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('patents_number_uq').on(t.number),
    check('patents_type_chk', sql`${t.type} in ('invention','utility_model','design')`),
    check('patents_status_chk', sql`${t.status} in ('pending','granted','lapsed','invalidated')`),
    check('patents_dates_chk', sql`${t.grantedOn} is null or ${t.filedOn} <= ${t.grantedOn}`),
  ],
);

export const patentOwners = pgTable(
  'patent_owners',
  {
    patentId: uuid('patent_id')
      .notNull()
      .references(() => patents.id, { onDelete: 'cascade' }),
    creditCode: text('credit_code').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
  },
  (t) => [uniqueIndex('patent_owners_uq').on(t.patentId, t.creditCode), index('patent_owners_ent_idx').on(t.enterpriseId)],
);

/** Annual figures of one enterprise (money in 万元), entered by the enterprise or imported, approved by the bureau. */
export const enterpriseStats = pgTable(
  'enterprise_stats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    avgEmployees: doublePrecision('avg_employees'),
    stStaff: doublePrecision('st_staff'),
    revenue: doublePrecision('revenue'),
    productSales: doublePrecision('product_sales'),
    newProductSales: doublePrecision('new_product_sales'),
    highTechRevenue: doublePrecision('high_tech_revenue'),
    rdExpense: doublePrecision('rd_expense'),
    rdExpenseDomestic: doublePrecision('rd_expense_domestic'),
    totalCost: doublePrecision('total_cost'),
    netAssets: doublePrecision('net_assets'),
    totalAssets: doublePrecision('total_assets'),
    status: text('status').$type<StatsStatus>().notNull().default('draft'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprise_stats_uq').on(t.enterpriseId, t.year),
    check('enterprise_stats_status_chk', sql`${t.status} in ('draft','submitted','approved')`),
  ],
);

/**
 * Registry events (a new qualification, a platform recognition, a patent grant, approved statistics), written
 * in the same transaction as the change (an outbox), matched against policies afterwards: none is lost.
 */
export const registryEvents = pgTable(
  'registry_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<RegistryEventKind>().notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The record behind the event (qualification id, platform id, patent id, enterprise|year). */
    recordId: text('record_id').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    matchedAt: timestamp('matched_at', { withTimezone: true }),
  },
  (t) => [
    index('registry_events_unmatched_idx')
      .on(t.id)
      .where(sql`${t.matchedAt} is null`),
    check('registry_events_kind_chk', sql`${t.kind} in ('qualification.granted','platform.recognized','patent.granted','stats.approved')`),
  ],
);

/** Enterprises as other modules join them (identity, name, unit, founding date). Read-only (migration 0019: SELECT only, writes refused by a trigger); other modules import it from modules/registry/index.ts. */
export const enterprisesRead = pgView('kc_enterprises_read', {
  id: uuid('id').notNull(),
  creditCode: text('credit_code').notNull(),
  name: text('name').notNull(),
  orgUnitCode: text('org_unit_code').notNull(),
  foundedOn: date('founded_on', { mode: 'string' }),
}).existing();

/** Qualification records as other modules read them (policy facts); validity on a date is validQualifications(). Read-only (migration 0019); exported by modules/registry/index.ts. */
export const qualificationsRead = pgView('kc_qualifications_read', {
  id: uuid('id').notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  typeCode: text('type_code').notNull(),
  number: text('number'),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  validUntil: date('valid_until', { mode: 'string' }),
  revokedOn: date('revoked_on', { mode: 'string' }),
}).existing();

/** Platforms as other modules read them (policy facts). Read-only (migration 0019); exported by modules/registry/index.ts. */
export const platformsRead = pgView('kc_platforms_read', {
  id: uuid('id').notNull(),
  typeCode: text('type_code').notNull(),
  level: text('level').notNull(),
  hostEnterpriseId: uuid('host_enterprise_id'),
  orgUnitCode: text('org_unit_code').notNull(),
  recognizedOn: date('recognized_on', { mode: 'string' }).notNull(),
  revokedOn: date('revoked_on', { mode: 'string' }),
}).existing();

/** An enterprise's annual figures (万元) and their state, as other modules read them (policy facts). Read-only (migration 0019); exported by modules/registry/index.ts. */
export const enterpriseStatsRead = pgView('kc_enterprise_stats_read', {
  id: uuid('id').notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  year: integer('year').notNull(),
  status: text('status').notNull(),
  avgEmployees: doublePrecision('avg_employees'),
  stStaff: doublePrecision('st_staff'),
  revenue: doublePrecision('revenue'),
  productSales: doublePrecision('product_sales'),
  newProductSales: doublePrecision('new_product_sales'),
  highTechRevenue: doublePrecision('high_tech_revenue'),
  rdExpense: doublePrecision('rd_expense'),
  rdExpenseDomestic: doublePrecision('rd_expense_domestic'),
  totalCost: doublePrecision('total_cost'),
  netAssets: doublePrecision('net_assets'),
  totalAssets: doublePrecision('total_assets'),
}).existing();
