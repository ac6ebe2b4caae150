/**
 * The value lists of the innovation register (enterprises, qualifications, platforms, patents, annual figures,
 * the registry's event outbox), written once: the contracts (common/contracts/registry.ts), the server and the
 * web's selects and labels read them from here. Zod-free, so the web imports it directly. The database checks
 * in server/db/schema/registry.ts hold the same lists (a migration changes them together).
 */

export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const PLATFORM_LEVELS = ['national', 'municipal', 'county'] as const;
export type PlatformLevel = (typeof PLATFORM_LEVELS)[number];

/** rd = 研发机构, service = 科技服务机构 (表1 indicator 7 counts both). */
export const PLATFORM_CATEGORIES = ['rd', 'service'] as const;
export type PlatformCategory = (typeof PLATFORM_CATEGORIES)[number];

export const PATENT_TYPES = ['invention', 'utility_model', 'design'] as const;
export type PatentTypeValue = (typeof PATENT_TYPES)[number];

/** pending, granted, lapsed (fees not paid), invalidated. */
export const PATENT_STATUSES = ['pending', 'granted', 'lapsed', 'invalidated'] as const;
export type PatentStatus = (typeof PATENT_STATUSES)[number];

export const STATS_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type StatsStatus = (typeof STATS_STATUSES)[number];

/** The annual figures, in form and table order; the first two are headcounts, the rest money in 万元. */
export const STAT_FIELDS = [
  'avgEmployees',
  'stStaff',
  'revenue',
  'productSales',
  'newProductSales',
  'highTechRevenue',
  'rdExpense',
  'rdExpenseDomestic',
  'totalCost',
  'netAssets',
  'totalAssets',
] as const;
export type StatField = (typeof STAT_FIELDS)[number];

/** Changes that can earn an enterprise a benefit (免申即享): the registry writes them to its outbox. */
export const REGISTRY_EVENT_KINDS = ['qualification.granted', 'platform.recognized', 'patent.granted', 'stats.approved'] as const;
export type RegistryEventKind = (typeof REGISTRY_EVENT_KINDS)[number];

/** An industry code of GB/T 4754: a section letter, optionally followed by 2–4 digits. */
export const INDUSTRY_CODE_PATTERN = /^[A-T](\d{2,4})?$/;

/** The kinds of register import (one spreadsheet template each). */
export const IMPORT_KINDS = ['enterprises', 'qualifications', 'platforms', 'patents', 'stats'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * The codes a registry import's report can give a row's problem (server/modules/registry/import*.ts, bulk.ts and
 * the services they call), each with its parameters; the web renders them (features/registry/import/messages.ts).
 * `validation` is a value the input schema refused: its `problem` parameter is one of IMPORT_PROBLEMS.
 */
export const IMPORT_MESSAGE_CODES = [
  'validation',
  'import_required',
  'import_cell_too_long',
  'import_duplicate_row',
  'import_bad_period',
  'import_unknown_unit',
  'import_ambiguous_unit',
  'credit_code_length',
  'credit_code_charset',
  'credit_code_check',
  'unknown_enterprise',
  'enterprise_duplicate',
  'unknown_type',
  'not_in_scope_unit',
  'forbidden_scope',
  'dates_out_of_order',
  'patent_number',
  'patent_duplicate',
  'stats_locked',
] as const;
export type ImportMessageCode = (typeof IMPORT_MESSAGE_CODES)[number];

/**
 * What was wrong with a value: the `problem` of a `validation` message (a zod issue's kind, or a refinement's
 * message) and of `patent_number` (patent_*: the number's own check, validatePatentNumber's error).
 */
export const IMPORT_PROBLEMS = [
  'required',
  'type',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_big',
  'format',
  'date',
  'one_of',
  'unknown_key',
  'control_char',
  'invalid',
  'patent_format',
  'patent_year',
  'patent_type',
  'patent_check',
  'patent_missing_check',
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];
