import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { isoDate } from './common.js';

export const auditEventView = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditQuery = z.object({
  username: z.string().trim().max(LIMITS.usernameMax).optional(),
  entity: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(128).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditListResponse = z.object({ items: z.array(auditEventView), total: z.number() });
