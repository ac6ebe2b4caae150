/**
 * The SQLSTATE and constraint of a database error, from PGlite or postgres-js, wrapped by Drizzle or not.
 * Lets a service turn a guarantee the database enforced (a unique key, a CHECK) into a clear message.
 */
export function pgErrorOf(e: unknown): { code: string; constraint: string; message: string } | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    const x = cur as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown; cause?: unknown };
    if (typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code))
      return {
        code: x.code,
        constraint: String(x.constraint ?? x.constraint_name ?? ''),
        message: String(x.message ?? ''),
      };
    cur = x.cause;
  }
  return undefined;
}
