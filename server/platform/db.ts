import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { getTableColumns, type InferSelectModel } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import * as schema from '../db/schema/index.js';
import { PROJECT_ROOT } from './config.js';
import { Availability } from './db-availability.js';
import { pgErrorOf } from './pg-errors.js';
import postgres, { type Sql } from './postgres.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /**
   * Applies pending migrations: as the owner role (migrateUrl) when one is given, then grants the server's
   * role what it may do (kc_grant_app_privileges, migration 0018); else through the server's own connection,
   * which must then own the schema unless it is already up to date.
   */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Whether the database answers (PostgreSQL; the embedded PGlite is always up). */
  availability: Availability;
  /** Whether the server's role could alter or drop the tables or switch their triggers off (PostgreSQL). */
  privileged(): Promise<boolean>;
}

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'server', 'db', 'migrations');

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** postgres:// URL of the role that owns the schema, for migrations (see docs/OPERATIONS.md). */
  migrateUrl?: string | undefined;
  /** PGlite data directory; absent = in memory. */
  dataDir?: string | undefined;
  /** A PGlite data dump (from dumpDataDir) to start from: used by tests to clone a migrated template. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const raw = connect(opts.url, opts.poolSize ?? 10);
    const availability = new Availability();
    const client = guarded(raw, availability);
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    const migrateUrl = opts.migrateUrl;
    return {
      db,
      kind: 'postgres',
      availability,
      migrate: async () => {
        if (!migrateUrl) {
          // One role for everything (the owner), or a server role on a schema someone else migrated.
          if (!(await upToDate(raw))) await migrateAs(raw);
          return;
        }
        const owner = connect(migrateUrl, 1);
        try {
          await migrateAs(owner);
          const [app] = await raw<{ role: string }[]>`select current_user as role`;
          const [me] = await owner<{ role: string }[]>`select current_user as role`;
          if (app!.role !== me!.role) await owner`select kc_grant_app_privileges(${app!.role})`;
        } finally {
          await owner.end({ timeout: 5 });
        }
      },
      close: () => raw.end({ timeout: 5 }),
      privileged: async () => {
        const [row] = await raw<{ privileged: boolean }[]>`
          select (select rolsuper from pg_roles where rolname = current_user)
              or exists (select 1 from pg_tables where schemaname = 'public' and pg_has_role(current_user, tableowner, 'MEMBER'))
              as privileged`;
        return Boolean(row?.privileged);
      },
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
    // One embedded database, one (superuser) role: there is no second role to run the server as.
    availability: new Availability(),
    privileged: async () => true,
  };
}

/**
 * A postgres-js pool (the patched driver: server/platform/postgres.ts) that gives up in bounded time when the
 * database is gone: a connection attempt fails after CONNECT_TIMEOUT_S, and a connection that failed is tried
 * again after RECONNECT_DELAY_S (postgres-js's default backoff grows to 20 s, and every query queued behind it
 * waited that long).
 */
export const CONNECT_TIMEOUT_S = 3;
export const RECONNECT_DELAY_S = 0.25;

export function connect(url: string, max: number): Sql {
  return postgres(url, {
    max,
    connect_timeout: CONNECT_TIMEOUT_S,
    backoff: () => RECONNECT_DELAY_S,
    onnotice: () => undefined,
    // bigint columns come back as strings unless typed; ids use mode 'number'.
  });
}

/**
 * The client Drizzle is given: every query first asks the breaker (failing at once while the database is
 * known to be unreachable), and its outcome tells the breaker whether the database answers.
 */
function guarded(client: Sql, availability: Availability): Sql {
  type Thenable = { then: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => Promise<unknown> };
  const observed = <T extends Thenable>(q: T): T => {
    const then = q.then;
    q.then = function (this: T, ok, fail) {
      return then.call(
        this,
        (v) => {
          availability.observe(undefined);
          return ok ? ok(v) : v;
        },
        (e) => {
          availability.observe(e);
          if (fail) return fail(e);
          throw e;
        },
      );
    };
    return q;
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (...args: Parameters<Sql['unsafe']>) => {
          availability.check();
          return observed(target.unsafe(...args) as unknown as Thenable);
        };
      }
      if (prop === 'begin') {
        return (...args: unknown[]) => {
          availability.check();
          return observed((target.begin as (...a: unknown[]) => Promise<unknown>)(...args));
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

async function migrateAs(client: Sql): Promise<void> {
  try {
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_DIR });
  } catch (e) {
    // insufficient_privilege: DATABASE_URL names the server's limited role, which cannot change the schema.
    if (pgErrorOf(e)?.code === '42501') {
      throw new Error(
        'Migrations are pending and the role of DATABASE_URL may not apply them: set DATABASE_MIGRATE_URL to the owner role (docs/OPERATIONS.md, least privilege).',
        { cause: e },
      );
    }
    throw e;
  }
}

/** Whether every migration is applied (as Drizzle's migrator decides): then the server's role need not migrate. */
async function upToDate(client: Sql): Promise<boolean> {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  const newest = Math.max(...files.map((m) => m.folderMillis));
  try {
    const [last] = await client<{ createdAt: string }[]>`
      select created_at::text as "createdAt" from drizzle.__drizzle_migrations order by created_at desc limit 1`;
    return last !== undefined && Number(last.createdAt) >= newest;
  } catch {
    // No migrations table yet, or no right to read it: let the migrator decide (and say why it cannot).
    return false;
  }
}

/** For callers that need the raw PGlite (tests dumping a template). */
export function pgliteClientOf(database: Database): PGlite | undefined {
  const session = (database.db as unknown as { $client?: unknown }).$client;
  return session instanceof PGlite ? session : undefined;
}

/** Rows of a raw `db.execute`: postgres-js returns an array, PGlite an object with rows. */
export function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/**
 * A table's row from its `to_jsonb(row)` image (as a database function returns it): columns by their SQL
 * names, each value mapped as the driver's value would be (timestamps to Date, …).
 */
export function rowFromJson<T extends PgTable>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const [key, col] of Object.entries(getTableColumns(table))) {
    const v = json[col.name];
    out[key] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return out as InferSelectModel<T>;
}
