import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { seedReferenceData } from '../server/db/seed/index.js';
import { openDatabase, pgliteClientOf, type Database } from '../server/platform/db.js';
import postgres, { type Sql } from '../server/platform/postgres.js';

/**
 * Tests never pay for migrations per file: a migrated, seeded template is made once per run
 * (a PGlite dump file, or a PostgreSQL database) and each test file gets its own clone.
 */
export type TestBackend = 'pglite' | 'postgres';

export const backend = (): TestBackend => (process.env.KC_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Least privilege on PostgreSQL (issue #12), as in production (docs/OPERATIONS.md): the template is migrated
 * by an owner role, and every test's app connects as a role that owns nothing — so every api-postgres test
 * runs through the split. TEST_DATABASE_URL (a superuser) only creates, clones and drops the databases.
 * Roles are cluster-wide: made once, idempotently (.ci/run makes them too), with a password for clusters
 * that do not trust loopback.
 */
export const TEST_ROLES = {
  owner: { name: 'kechuang_test_owner', password: 'kechuang-test-owner' },
  app: { name: 'kechuang_test_app', password: 'kechuang-test-app' },
} as const;

/** The URL of `database` as one of the test roles. */
export function asRole(url: string, role: keyof typeof TEST_ROLES, database?: string): string {
  const u = new URL(database ? withDatabase(url, database) : url);
  u.username = TEST_ROLES[role].name;
  u.password = TEST_ROLES[role].password;
  return u.toString();
}

/** Creates the test roles when missing (concurrent runs may race: a duplicate is not an error). */
export async function ensureTestRoles(admin: Sql): Promise<void> {
  for (const [kind, { name, password }] of Object.entries(TEST_ROLES)) {
    // The owner creates the schema in a database it owns; the server's role only logs in.
    const attributes =
      kind === 'owner' ? 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE' : 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT';
    await admin.unsafe(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${name}') THEN
          CREATE ROLE ${name} ${attributes} PASSWORD '${password}';
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
  }
}

export async function buildTemplate(kind: TestBackend, target: string): Promise<void> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await database.migrate();
    await seedReferenceData(database.db);
    const blob = await pgliteClientOf(database)!.dumpDataDir('none');
    await writeFile(target, Buffer.from(await blob.arrayBuffer()));
    await database.close();
    return;
  }
  const admin = postgres(requireUrl(), { max: 1, onnotice: () => undefined });
  try {
    await ensureTestRoles(admin);
    await admin.unsafe(`DROP DATABASE IF EXISTS "${target}"`);
    await admin.unsafe(`CREATE DATABASE "${target}" OWNER ${TEST_ROLES.owner.name}`);
  } finally {
    await admin.end();
  }
  // Migrated by the owner, which grants the app role its rights; the reference data is loaded as the server
  // loads it, through the app role.
  const database = await openDatabase({
    url: asRole(requireUrl(), 'app', target),
    migrateUrl: asRole(requireUrl(), 'owner', target),
    poolSize: 1,
  });
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    if (await database.privileged())
      throw new Error(`the test app role may alter the tables of ${target}: least privilege is not in force`);
  } finally {
    await database.close();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = postgres(requireUrl(), { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function requireUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

/**
 * A fresh database for one test file, cloned from the run's template. On PostgreSQL `database` and `url`
 * connect as the limited app role; `ownerUrl` as the owner (migrations, ALTER DATABASE); `adminUrl` as the
 * superuser of TEST_DATABASE_URL (pg_cancel_backend of any session, session_replication_role).
 */
export async function cloneTemplate(): Promise<{
  database: Database;
  dispose: () => Promise<void>;
  url?: string;
  ownerUrl?: string;
  adminUrl?: string;
}> {
  const template = inject('template');
  if (!template) throw new Error('no template database: run tests through vitest (globalSetup makes it)');
  if (backend() === 'pglite') {
    const dump = await readFile(template);
    const database = await openDatabase({ loadDataDir: new Blob([dump]) });
    return { database, dispose: () => database.close() };
  }
  const name = `kc_t_${randomBytes(5).toString('hex')}`;
  const admin = postgres(requireUrl(), { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER ${TEST_ROLES.owner.name}`);
  } finally {
    await admin.end();
  }
  const url = asRole(requireUrl(), 'app', name);
  const database = await openDatabase({ url, poolSize: 5 });
  return {
    database,
    url,
    ownerUrl: asRole(requireUrl(), 'owner', name),
    adminUrl: withDatabase(requireUrl(), name),
    dispose: async () => {
      await database.close();
      await dropDatabase(name);
    },
  };
}
