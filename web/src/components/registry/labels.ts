import type { EnterpriseView, PatentView, PlatformView, StatsView } from '../../api/registry';

// The contract's enums, restated as plain values: importing them from common/contracts would pull zod into the page.
export const SIZE_CLASSES: readonly NonNullable<EnterpriseView['sizeClass']>[] = ['large', 'medium', 'small', 'micro'];
export const PLATFORM_LEVELS: readonly PlatformView['level'][] = ['national', 'municipal', 'county'];
export const PATENT_TYPES: readonly PatentView['type'][] = ['invention', 'utility_model', 'design'];
export const PATENT_STATUSES: readonly PatentView['status'][] = ['pending', 'granted', 'lapsed', 'invalidated'];

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
] as const satisfies readonly (keyof StatsView)[];
export type StatField = (typeof STAT_FIELDS)[number];
export const isHeadcount = (f: StatField) => f === 'avgEmployees' || f === 'stStaff';
