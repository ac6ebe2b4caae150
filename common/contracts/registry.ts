import { z } from 'zod';
import { ORG_CODE_PATTERN } from '../limits.js';
import {
  INDUSTRY_CODE_PATTERN,
  PATENT_STATUSES,
  PATENT_TYPES,
  PLATFORM_CATEGORIES,
  PLATFORM_LEVELS,
  SIZE_CLASSES,
  STATS_STATUSES,
} from '../values/registry.js';
import { figure, isoDate, name } from './common.js';

const orgCode = z.string().regex(ORG_CODE_PATTERN);
const text = (max: number) => name(max);
const optText = (max: number) => name(max, { min: 0 }).nullable().optional();
const money = figure.min(0).nullable().optional();

export const parkMembership = z.object({ parkCode: orgCode, fromDate: isoDate, toDate: isoDate.nullable().optional() });

export const enterpriseInput = z
  .object({
    creditCode: text(30),
    name: text(200),
    legalRepresentative: optText(50),
    foundedOn: isoDate.nullable().optional(),
    orgUnitCode: orgCode,
    industryCode: z.string().trim().regex(INDUSTRY_CODE_PATTERN).nullable().optional(),
    tags: z.array(z.string().max(40)).max(20).default([]),
    sizeClass: z.enum(SIZE_CLASSES).nullable().optional(),
    contactName: optText(50),
    contactPhone: optText(40),
    address: optText(300),
    parks: z.array(parkMembership).max(10).default([]),
  })
  .strict();
export type EnterpriseInput = z.infer<typeof enterpriseInput>;

/** What an enterprise user may change about itself: contacts and address, not identity or location. */
export const ownProfileInput = enterpriseInput
  .pick({ contactName: true, contactPhone: true, address: true, legalRepresentative: true })
  .strict();

export const qualificationView = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
  revokedOn: z.string().nullable(),
  validToday: z.boolean(),
  isDemo: z.boolean(),
});
export type QualificationView = z.infer<typeof qualificationView>;

export const enterpriseView = z.object({
  id: z.string(),
  /** Whether the caller may edit it (an editor's grant covers its unit); the web shows edit buttons only then. */
  editable: z.boolean().optional(),
  creditCode: z.string(),
  name: z.string(),
  legalRepresentative: z.string().nullable(),
  foundedOn: z.string().nullable(),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  industryCode: z.string().nullable(),
  tags: z.array(z.string()),
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  parks: z.array(z.object({ parkCode: z.string(), parkName: z.string(), fromDate: z.string(), toDate: z.string().nullable() })),
  qualifications: z.array(qualificationView),
  isDemo: z.boolean(),
});
export type EnterpriseView = z.infer<typeof enterpriseView>;

export const enterpriseListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  orgUnit: orgCode.optional(),
  tag: z.string().max(40).optional(),
  qualification: z.string().max(40).optional(),
  validOn: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const enterpriseSummary = enterpriseView
  .omit({ qualifications: true, parks: true })
  .extend({ qualificationCodes: z.array(z.string()) });
export const enterpriseList = z.object({ items: z.array(enterpriseSummary), total: z.number() });

export const qualificationInput = z
  .object({ typeCode: text(40), number: optText(80), issuedOn: isoDate, revokedOn: isoDate.nullable().optional() })
  .strict();

export const qualificationListQuery = z.object({
  type: z.string().max(40).optional(),
  validOn: isoDate.optional(),
  /** Valid today but ending within this many months: the re-certification follow-up list. */
  expiringWithinMonths: z.coerce.number().int().min(1).max(36).optional(),
  orgUnit: orgCode.optional(),
});

export const platformInput = z
  .object({
    name: text(200),
    typeCode: text(40),
    level: z.enum(PLATFORM_LEVELS),
    hostCreditCode: z.string().trim().max(30).nullable().optional(),
    hostName: optText(200),
    orgUnitCode: orgCode,
    recognizedOn: isoDate,
    revokedOn: isoDate.nullable().optional(),
    floorArea: z.number().min(0).max(10_000_000).nullable().optional(),
  })
  .strict();

export const platformView = z.object({
  id: z.string(),
  name: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  category: z.enum(PLATFORM_CATEGORIES),
  level: z.enum(PLATFORM_LEVELS),
  hostEnterpriseId: z.string().nullable(),
  hostName: z.string().nullable(),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  recognizedOn: z.string(),
  revokedOn: z.string().nullable(),
  floorArea: z.number().nullable(),
  isDemo: z.boolean(),
});

export const talentInput = z
  .object({
    name: text(50),
    category: text(40),
    employerCreditCode: z.string().trim().max(30).nullable().optional(),
    employerName: optText(200),
    orgUnitCode: orgCode,
    fromDate: isoDate,
    toDate: isoDate.nullable().optional(),
  })
  .strict();

export const talentView = talentInput.omit({ employerCreditCode: true }).extend({
  id: z.string(),
  employerEnterpriseId: z.string().nullable(),
  employerName: z.string().nullable(),
  toDate: z.string().nullable(),
  isDemo: z.boolean(),
});

export const patentInput = z
  .object({
    number: text(30),
    title: text(300),
    filedOn: isoDate,
    grantedOn: isoDate.nullable().optional(),
    status: z.enum(PATENT_STATUSES),
    lapsedOn: isoDate.nullable().optional(),
    owners: z.array(z.string().trim().min(1).max(30)).min(1).max(20),
  })
  .strict();

export const patentView = z.object({
  id: z.string(),
  number: z.string(),
  type: z.enum(PATENT_TYPES),
  title: z.string(),
  filedOn: z.string(),
  grantedOn: z.string().nullable(),
  status: z.enum(PATENT_STATUSES),
  lapsedOn: z.string().nullable(),
  expiresOn: z.string(),
  owners: z.array(z.object({ creditCode: z.string(), enterpriseId: z.string().nullable(), name: z.string().nullable() })),
  isDemo: z.boolean(),
});

export const statsInput = z
  .object({
    avgEmployees: money,
    stStaff: money,
    revenue: money,
    productSales: money,
    newProductSales: money,
    highTechRevenue: money,
    rdExpense: money,
    rdExpenseDomestic: money,
    totalCost: money,
    netAssets: figure.nullable().optional(),
    totalAssets: money,
    submit: z.boolean().default(false),
  })
  .strict();

export const statsView = z.object({
  enterpriseId: z.string(),
  year: z.number(),
  avgEmployees: z.number().nullable(),
  stStaff: z.number().nullable(),
  revenue: z.number().nullable(),
  productSales: z.number().nullable(),
  newProductSales: z.number().nullable(),
  highTechRevenue: z.number().nullable(),
  rdExpense: z.number().nullable(),
  rdExpenseDomestic: z.number().nullable(),
  totalCost: z.number().nullable(),
  netAssets: z.number().nullable(),
  totalAssets: z.number().nullable(),
  status: z.enum(STATS_STATUSES),
  isDemo: z.boolean(),
});

/** An enterprise is addressed by its id or by its 统一社会信用代码 (checked: a wrong code is a 400 naming the position). */
const enterpriseRef = z.string().trim().min(1).max(40).describe('enterprise id (UUID) or unified social credit code');
export const idParam = z.object({ id: enterpriseRef });
export const statsParam = z.object({ id: enterpriseRef, year: z.coerce.number().int().min(1990).max(2100) });
export const yearParam = z.object({ year: z.coerce.number().int().min(1990).max(2100) });

// ---- Views of the list and reference routes, and the types the web derives from them ----

/** A record just created: its id (201). */
export const createdView = z.object({ id: z.string() });

export const revokeInput = z.object({ revokedOn: isoDate }).strict();
export const qualificationParams = idParam.extend({ qid: z.uuid() });

const typeRow = { code: z.string(), nameZh: z.string(), nameEn: z.string(), sortOrder: z.number() };
export const registryTypesView = z.object({
  industryTags: z.array(z.object(typeRow)),
  /** validity: years:N, calendar_year or open (server/db/schema/registry.ts). */
  qualificationTypes: z.array(z.object({ ...typeRow, validity: z.string() })),
  platformTypes: z.array(z.object({ ...typeRow, category: z.enum(PLATFORM_CATEGORIES), incubator: z.boolean() })),
});
export type RegistryTypes = z.infer<typeof registryTypesView>;

export const qualificationList = z.array(qualificationView);
export const platformList = z.array(platformView);
export const talentList = z.array(talentView);
export const patentList = z.array(patentView);
export const statsList = z.array(statsView);

/** The portal's routes act for the caller's own enterprise (one of them, when it has several). */
export const myEnterpriseQuery = z.object({ enterprise: z.uuid().optional() });

export type EnterpriseSummary = z.infer<typeof enterpriseSummary>;
export type EnterpriseList = z.infer<typeof enterpriseList>;
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;
export type QualificationInput = z.input<typeof qualificationInput>;
export type QualificationListQuery = z.infer<typeof qualificationListQuery>;
export type PlatformView = z.infer<typeof platformView>;
export type PlatformInput = z.input<typeof platformInput>;
export type TalentView = z.infer<typeof talentView>;
export type TalentInput = z.input<typeof talentInput>;
export type PatentView = z.infer<typeof patentView>;
export type PatentInput = z.input<typeof patentInput>;
export type StatsView = z.infer<typeof statsView>;
export type StatsInput = z.input<typeof statsInput>;
export type OwnProfileInput = z.input<typeof ownProfileInput>;
