import { z } from 'zod';
import { LOCALES } from '../enums.js';
import { MIME, type FileKind } from '../values/files.js';

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

/** One problem of a request, localised: an item of `error.details` of a validation error. */
export const fieldIssue = z.object({ field: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssue>;

/**
 * A 204 answer (no body): `response: { 204: noContent }`. The OpenAPI document shows the status with no content
 * (a `type: 'null'` schema is how @fastify/swagger leaves the content out); the handler answers
 * `reply.status(204).send()`.
 */
export const noContent = z.undefined().describe('No content');

/**
 * A file's bytes: `type: string, format: binary` in the OpenAPI document; a Buffer or a string to the handler
 * (never validated or serialized: Fastify sends a Buffer, or a string of a non-JSON type, as it is).
 */
export const binaryFile = z.custom<Buffer | Uint8Array | string>(() => true).meta({ type: 'string', format: 'binary' });

/**
 * A file download: `response: { 200: fileDownload('xlsx') }` (several kinds when the route may send either).
 * The document lists each media type with a binary schema; the handler sets `content-type` and sends a
 * Buffer or a string, which Fastify does not pass through the JSON serializer.
 */
export function fileDownload(...kinds: [FileKind, ...FileKind[]]) {
  return {
    description: `A file (${kinds.join(', ')})`,
    content: Object.fromEntries(kinds.map((k) => [MIME[k], { schema: binaryFile }])),
  };
}

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
