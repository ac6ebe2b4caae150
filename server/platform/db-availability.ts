/**
 * A database outage is not a crash (issue #12): while PostgreSQL cannot be reached every request answers
 * 503 with Retry-After within a bounded time, and the server recovers by itself when the database is back.
 *
 * - Connection failures are recognised whatever wraps them (Drizzle's DrizzleQueryError, postgres-js's
 *   connection errors, Node's socket errors, PostgreSQL's shutdown SQLSTATEs): the error handler answers them
 *   503 `database_unavailable` with Retry-After (never a 500 with an internal message).
 * - A circuit breaker: once a query failed so, queries fail at once (without waiting on a pool that has no
 *   connection) for BREAKER_MS; the first query after that is tried against the database, and its success
 *   closes the breaker. So the wait of a request during an outage is bounded by the driver's connect timeout
 *   and reconnection delay (see db.ts), not by how many requests queued before it.
 */

/** Seconds a client should wait before trying again (the Retry-After of a 503). */
export const DATABASE_RETRY_AFTER_S = 2;

/** How long queries fail at once after the database was found unreachable. */
export const BREAKER_MS = 1_000;

/** Thrown instead of a query while the breaker is open: nothing was sent to the database. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(readonly since: number) {
    super('database unavailable');
  }
}

/** postgres-js's own connection errors, and Node's socket errors on the way to the database. */
const CONNECTION_CODES = new Set([
  'DATABASE_UNAVAILABLE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server going away or not yet accepting: admin_shutdown, crash_shutdown, cannot_connect_now,
 * too_many_connections, and class 08 (connection exception).
 */
const UNAVAILABLE_SQLSTATE = /^(57P01|57P02|57P03|53300|08...)$/;

/** Whether the error (or one it wraps) says the database could not be reached or went away. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    // An AggregateError (a connection attempt to several addresses) carries its causes in `errors`.
    const errors = (cur as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((x) => isDatabaseUnavailable(x))) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

/** The breaker of one database connection pool. */
export class Availability {
  /** Since when the database is unreachable (ms since epoch), or null while it answers. */
  downSince: number | null = null;
  private openUntil = 0;

  /** Throws DatabaseUnavailableError while the breaker is open. */
  check(now = Date.now()): void {
    if (this.downSince !== null && now < this.openUntil) throw new DatabaseUnavailableError(this.downSince);
  }

  /** What a query's outcome says about the database. */
  observe(error: unknown, now = Date.now()): void {
    if (error === undefined) {
      this.downSince = null;
      return;
    }
    if (error instanceof DatabaseUnavailableError || !isDatabaseUnavailable(error)) return;
    this.downSince ??= now;
    this.openUntil = now + BREAKER_MS;
  }

  get up(): boolean {
    return this.downSince === null;
  }
}
