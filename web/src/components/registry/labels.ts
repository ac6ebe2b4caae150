import type { StatField } from '../../../../common/values/registry';

// The value lists, from the one zod-free module the contracts use too.
export {
  PATENT_STATUSES,
  PATENT_TYPES,
  PLATFORM_LEVELS,
  SIZE_CLASSES,
  STAT_FIELDS,
  type StatField,
} from '../../../../common/values/registry';
export const isHeadcount = (f: StatField) => f === 'avgEmployees' || f === 'stStaff';
