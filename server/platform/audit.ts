import type { FastifyRequest } from 'fastify';
import type { AuditAction, AuditObjectType } from '../../common/values/audit.js';
import { auditEvents } from '../db/schema/audit.js';
import type { Db } from './db.js';

/** Who is acting and under which request: passed to every service mutation. */
export interface RequestContext {
  userId: string | null;
  username: string | null;
  requestId: string | null;
  ip: string | null;
}

export function contextOf(req: FastifyRequest): RequestContext {
  return {
    userId: req.auth?.user.id ?? null,
    username: req.auth?.user.username ?? null,
    requestId: req.id,
    ip: req.ip,
  };
}

/** For the CLI and start-up seeding. */
export const systemContext = (label = 'system'): RequestContext => ({ userId: null, username: label, requestId: null, ip: null });

const SECRET_FIELDS = new Set(['passwordHash', 'password', 'csrfToken']);

type Plain = Record<string, unknown> | null | undefined;

/** Field-level difference; secrets appear as "***" so the log shows that they changed, not what to. */
export function diff(before: Plain, after: Plain): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    const b = normalise(before?.[k]);
    const a = normalise(after?.[k]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    out[k] = SECRET_FIELDS.has(k)
      ? { before: b === undefined ? null : '***', after: a === undefined ? null : '***' }
      : { before: b ?? null, after: a ?? null };
  }
  return out;
}

function normalise(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

export interface AuditEntry {
  action: AuditAction;
  entity: AuditObjectType;
  entityId: string;
  before?: Plain;
  after?: Plain;
  /** Extra facts for actions without a field change (login, logout). */
  note?: Record<string, unknown>;
  /**
   * The code of the org unit the event concerns, which decides who may read it (auditors and admins of that
   * unit's subtree). Left out, the database fills it from the entity (kc_audit_unit, migration 0016): the
   * object's unit where it has one, for a user (sign-in, account changes) the narrowest unit covering all the
   * user's grants; null when neither is known (an installation-wide event).
   */
  orgUnit?: string | null;
}

/** The narrowest org-unit path that covers all of `paths` (their common ancestor), or null when none does. */
export function commonPath(paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  let p = paths[0]!;
  for (const q of paths)
    while (!q.startsWith(p)) {
      p = p.replace(/[^/]+\/$/, '');
      if (p === '/' || p === '') return null;
    }
  return p;
}

/** The code of the unit at a materialised path ('/500000/500241/' → '500241'). */
export const codeOfPath = (path: string | null): string | null => (path ? (/([^/]+)\/$/.exec(path)?.[1] ?? null) : null);

/** Writes one audit event; call it with the transaction that made the change. */
export async function audit(tx: Db, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  const changes = diff(entry.before, entry.after);
  if (entry.note) for (const [k, v] of Object.entries(entry.note)) changes[k] = { before: null, after: v };
  await tx.insert(auditEvents).values({
    userId: ctx.userId,
    username: ctx.username,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    changes,
    requestId: ctx.requestId,
    ip: ctx.ip,
    ...(entry.orgUnit !== undefined ? { orgUnitCode: entry.orgUnit } : {}),
  });
}
