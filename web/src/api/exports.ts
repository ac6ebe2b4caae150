import { postForFile } from './http';

export interface ExportTable {
  title: string;
  columns: { key: string; title: string }[];
  rows: Record<string, string | number | boolean | null>[];
}

/** The table as the user sees it, turned into an xlsx workbook by the server. */
export const exportXlsx = (table: ExportTable) => postForFile('/api/export/xlsx', table);
