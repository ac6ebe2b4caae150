import type { z } from 'zod';
import type { exportTableBody } from '../../../common/contracts/datavalues';
import { postForFile } from './http';

export type ExportTable = z.input<typeof exportTableBody>;

/** The table as the user sees it, turned into an xlsx workbook by the server. */
export const exportXlsx = (table: ExportTable) => postForFile('/api/export/xlsx', table);
