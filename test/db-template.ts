import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import { seedReferenceData } from '../server/db/seed/index.js';
import { openDatabase, pgliteClientOf, type Database } from '../server/platform/db.js';

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
    await admin.unsafe(`DROP DATABASE IF EXISTS "${target}"`);
    await admin.unsafe(`CREATE DATABASE "${target}"`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ url: withDatabase(requireUrl(), target), poolSize: 1 });
  await database.migrate();
  await seedReferenceData(database.db);
  await database.close();
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

/** A fresh database for one test file, cloned from the run's template. */
export async function cloneTemplate(): Promise<{ database: Database; dispose: () => Promise<void>; url?: string }> {
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
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(requireUrl(), name);
  const database = await openDatabase({ url, poolSize: 5 });
  return {
    database,
    url,
    dispose: async () => {
      await database.close();
      await dropDatabase(name);
    },
  };
}
