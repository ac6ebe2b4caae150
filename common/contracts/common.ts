import { z } from 'zod';
import { LOCALES } from '../enums.js';

export { figure, isoDate, name, text } from './primitives.js';
export const localeSchema = z.enum(LOCALES);

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    details: z.unknown().optional(),
  }),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type Health = z.infer<typeof healthResponse>;

/** /api/health while the database cannot be reached (503, with Retry-After). */
export const healthDownResponse = z.object({
  status: z.literal('down'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  error: z.object({ code: z.literal('database_unavailable'), message: z.string() }),
});
