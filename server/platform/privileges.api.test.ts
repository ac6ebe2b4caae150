/**
 * Least privilege in the database (issue #12, point 6). On PostgreSQL the server connects as a role that owns
 * nothing: the owner migrates and grants it what the schema allows (migration 0018). Before, the server's role
 * owned the tables and could switch the audit log's and the ledger's triggers off, then delete audit rows.
 * Every api-postgres test runs through the same split (test/db-template.ts); this file checks the split itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, backend, cloneTemplate, TEST_ROLES, withDatabase } from '../../test/db-template.js';
import { fundBudget } from '../modules/ledger/index.js';
import { systemContext } from './audit.js';
import { openAndPrepare } from '../bootstrap.js';
import { loadConfig } from './config.js';
import { rowsOf, type Database } from './db.js';
import { pgErrorOf } from './pg-errors.js';
import postgres, { type Sql } from './postgres.js';

/** What a compromised server (an SQL injection, a bug) might try, to remove the guarantees or the evidence. */
const ATTEMPTS = [
  'ALTER TABLE audit_events DISABLE TRIGGER ALL',
  'ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only',
  'ALTER TABLE ledger_transfers DISABLE TRIGGER USER',
  'ALTER TABLE ledger_accounts DISABLE TRIGGER ledger_accounts_guard_update',
  'DROP TRIGGER audit_events_append_only ON audit_events',
  'DROP TRIGGER ledger_transfers_apply ON ledger_transfers',
  'DROP TABLE audit_events',
  'ALTER TABLE audit_events ADD COLUMN note text',
  'DELETE FROM audit_events',
  "UPDATE audit_events SET action = 'x'",
  'UPDATE ledger_transfers SET amount = 1',
  'DELETE FROM ledger_transfers',
  'DELETE FROM ledger_accounts',
  'TRUNCATE audit_events',
  'TRUNCATE ledger_transfers, ledger_accounts',
  'TRUNCATE users CASCADE',
  'CREATE TABLE public.kc_intruder (id int)',
  'CREATE OR REPLACE FUNCTION kc_reject_modification() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql',
  'CREATE TRIGGER kc_intruder BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION kc_reject_modification()',
  'SET session_replication_role = replica',
  `SET ROLE ${TEST_ROLES.owner.name}`,
  'SELECT kc_grant_app_privileges(current_user)',
  `ALTER ROLE ${TEST_ROLES.app.name} SUPERUSER`,
];

async function sqlstate(database: Database, statement: string): Promise<string> {
  return database.db.execute(sql.raw(statement)).then(
    () => 'accepted',
    (e: unknown) => pgErrorOf(e)?.code ?? String(e),
  );
}

describe.skipIf(backend() !== 'postgres')('least privilege on PostgreSQL', () => {
  let database: Database;
  let owner: Sql;
  let dispose: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const clone = await cloneTemplate();
    database = clone.database;
    dispose = clone.dispose;
    owner = postgres(clone.ownerUrl!, { max: 1, onnotice: () => undefined });
    // Rows in the append-only tables, so that a delete would have something to delete.
    await database.db.transaction((tx) =>
      fundBudget(tx, systemContext('test'), {
        year: 2030,
        source: 'county',
        policyCode: 'lp',
        amount: 100_000,
        key: 'lp:fund',
        reason: 'test',
      }),
    );
  });
  afterAll(async () => {
    await owner?.end();
    await dispose();
  });

  /** Row counts of the guarded tables and the state of every trigger on them. */
  const state = async () => ({
    rows: await owner`select (select count(*) from audit_events)::int as audit, (select count(*) from ledger_transfers)::int as transfers,
                             (select count(*) from ledger_accounts)::int as accounts, (select count(*) from users)::int as users`,
    triggers: await owner`select tgrelid::regclass::text as "table", tgname as name, tgenabled as enabled from pg_trigger
                          where not tgisinternal order by 1, 2`,
  });

  it('the server connects as a role that owns nothing and is no superuser', async () => {
    const [who] = rowsOf<{ me: string; super: boolean }>(
      await database.db.execute(sql`select current_user as me, (select rolsuper from pg_roles where rolname = current_user) as super`),
    );
    expect(who).toEqual({ me: TEST_ROLES.app.name, super: false });
    expect(await database.privileged()).toBe(false);
  });

  it('as the server, every way of switching the guarantees off or erasing the evidence is refused (42501) and changes nothing', async () => {
    const before = await state();
    expect(before.rows[0]!.audit).toBeGreaterThan(0);
    expect(before.rows[0]!.transfers).toBeGreaterThan(0);
    const refused: Record<string, string> = {};
    for (const statement of ATTEMPTS) refused[statement] = await sqlstate(database, statement);
    expect(refused).toEqual(Object.fromEntries(ATTEMPTS.map((s) => [s, '42501'])));
    expect(await state()).toEqual(before);
    expect((await owner`select to_regclass('public.kc_intruder') as t`)[0]!.t).toBeNull();
  });

  it('the rights follow the schema: append-only tables are read and appended to, nothing may be truncated', async () => {
    const rights = await owner<{ table: string; rights: string }[]>`
      select table_name as table, string_agg(privilege_type, ',' order by privilege_type) as rights
      from information_schema.role_table_grants
      where grantee = ${TEST_ROLES.app.name} and table_schema = 'public' group by table_name`;
    const of = Object.fromEntries(rights.map((r) => [r.table, r.rights]));
    expect(of.audit_events).toBe('INSERT,SELECT');
    expect(of.ledger_transfers).toBe('INSERT,SELECT');
    expect(of.ledger_accounts).toBe('INSERT,SELECT,UPDATE');
    expect(of.users).toBe('DELETE,INSERT,SELECT,UPDATE');
    // Every table and read view of the schema, none with more; a view (migration 0019) is read, never written.
    const tables = await owner<{ t: string }[]>`select tablename as t from pg_tables where schemaname = 'public'`;
    const views = await owner<{ v: string }[]>`select viewname as v from pg_views where schemaname = 'public'`;
    expect(views.length).toBeGreaterThan(0);
    expect(Object.keys(of).sort()).toEqual([...tables.map((x) => x.t), ...views.map((x) => x.v)].sort());
    expect(Object.fromEntries(views.map((x) => [x.v, of[x.v]]))).toEqual(Object.fromEntries(views.map((x) => [x.v, 'SELECT'])));
    expect(rights.filter((r) => /TRUNCATE|TRIGGER|REFERENCES/.test(r.rights))).toEqual([]);
    const [schema] = await owner`select has_schema_privilege(${TEST_ROLES.app.name}, 'public', 'CREATE') as "create"`;
    expect(schema!.create).toBe(false);
  });

  it('the server still does its work: reads, appends to the audit log, moves money through transfers', async () => {
    const before = (await owner`select count(*)::int as n from audit_events`)[0]!.n as number;
    const r = await database.db.transaction((tx) =>
      fundBudget(tx, systemContext('test'), {
        year: 2030,
        source: 'county',
        policyCode: 'lp',
        amount: 5,
        key: 'lp:fund:2',
        reason: 'test',
      }),
    );
    expect(r.replayed).toBe(false);
    expect((await owner`select count(*)::int as n from audit_events`)[0]!.n).toBeGreaterThan(before);
  });

  it('the owner is refused by the triggers alone (which only an owner could switch off: the DBA, not the server)', async () => {
    await expect(owner`delete from audit_events`).rejects.toThrow(/append-only: DELETE rejected/);
    await expect(owner`update ledger_transfers set amount = 1`).rejects.toThrow(/append-only: UPDATE rejected/);
  });

  it('a server role that could act as the owner is not granted anything', async () => {
    await expect(owner`select kc_grant_app_privileges(${TEST_ROLES.owner.name})`).rejects.toThrow(/owns the schema/);
    await expect(owner`select kc_grant_app_privileges('postgres')`).rejects.toThrow(/superuser/);
  });
});

describe.skipIf(backend() !== 'postgres')('start-up with two roles', () => {
  const admin = () => postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => undefined });
  const names: string[] = [];
  const dirs: string[] = [];
  const freshDatabase = async () => {
    const name = `kc_lp_${Math.random().toString(36).slice(2, 10)}`;
    names.push(name);
    const a = admin();
    try {
      await a.unsafe(`CREATE DATABASE "${name}" OWNER ${TEST_ROLES.owner.name}`);
    } finally {
      await a.end();
    }
    return name;
  };
  const configFor = (name: string, withOwner: boolean) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-lp-'));
    dirs.push(dir);
    const url = process.env.TEST_DATABASE_URL!;
    return loadConfig({
      KECHUANG_DATA_DIR: dir,
      KECHUANG_ADMIN_PASSWORD: 'Least-Privilege-42',
      DATABASE_URL: asRole(url, 'app', name),
      ...(withOwner ? { DATABASE_MIGRATE_URL: asRole(url, 'owner', name) } : {}),
    });
  };
  afterAll(async () => {
    const a = admin();
    try {
      for (const name of names) await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await a.end();
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('migrates as the owner and serves as the app role; then starts with the app role alone; refuses to migrate as it', async () => {
    const name = await freshDatabase();
    const first = await openAndPrepare(configFor(name, true), 'test', { createAdmin: true });
    try {
      expect(first.privileged).toBe(false);
      expect(first.initialAdmin?.username).toBe('admin');
      expect(rowsOf(await first.database.db.execute(sql`select current_user as me`))).toEqual([{ me: TEST_ROLES.app.name }]);
    } finally {
      await first.release();
    }
    // A second start grants again (idempotent), and one without the owner's URL finds the schema up to date.
    const again = await openAndPrepare(configFor(name, true), 'test', { createAdmin: true });
    await again.release();
    const appOnly = await openAndPrepare(configFor(name, false), 'test', { createAdmin: true });
    try {
      expect(appOnly.privileged).toBe(false);
      expect(rowsOf(await appOnly.database.db.execute(sql`select count(*)::int as n from users where username = 'admin'`))).toEqual([
        { n: 1 },
      ]);
    } finally {
      await appOnly.release();
    }
    // An empty database and no owner: said plainly, nothing created.
    const empty = await freshDatabase();
    await expect(openAndPrepare(configFor(empty, false), 'test', { createAdmin: true })).rejects.toThrow(/DATABASE_MIGRATE_URL/);
    const a = postgres(withDatabase(process.env.TEST_DATABASE_URL!, empty), { max: 1, onnotice: () => undefined });
    try {
      expect(await a`select to_regclass('public.users') as t`).toEqual([{ t: null }]);
    } finally {
      await a.end();
    }
  }, 120_000);
});

describe.skipIf(backend() !== 'pglite')('PGlite', () => {
  it('has one role, which owns everything: the split does not apply (docs/OPERATIONS.md)', async () => {
    const { database, dispose } = await cloneTemplate();
    try {
      expect(await database.privileged()).toBe(true);
    } finally {
      await dispose();
    }
  });
});
