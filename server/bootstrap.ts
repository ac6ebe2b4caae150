import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadDemoData } from './db/seed/demo.js';
import { seedReferenceData } from './db/seed/index.js';
import { ensureInitialAdmin, type InitialAdmin } from './modules/accounts/index.js';
import { systemContext } from './platform/audit.js';
import type { Config } from './platform/config.js';
import { configureClock } from './platform/clock.js';
import { openDatabase, type Database } from './platform/db.js';
import { acquireDataDirLock } from './platform/lock.js';

export interface Opened {
  database: Database;
  initialAdmin: InitialAdmin | undefined;
  /**
   * PostgreSQL: the server's role could alter or drop tables or switch their triggers off (it owns them, or
   * is a superuser) — least privilege is not in force. Always true of the embedded PGlite (one role).
   */
  privileged: boolean;
  release: () => Promise<void>;
}

/** Opens the configured database, applies migrations and loads reference data: shared by server and CLI. */
export async function openAndPrepare(config: Config, owner: string, opts: { createAdmin: boolean; demo?: boolean }): Promise<Opened> {
  configureClock(config.timeZone);
  let unlock = () => undefined as void;
  let database: Database;
  if (config.databaseUrl) {
    database = await openDatabase({ url: config.databaseUrl, migrateUrl: config.databaseMigrateUrl });
  } else {
    const pgDir = path.join(config.dataDir, 'pg');
    mkdirSync(pgDir, { recursive: true });
    unlock = acquireDataDirLock(config.dataDir, owner);
    database = await openDatabase({ dataDir: pgDir });
  }
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    if (opts.demo) await loadDemoData(database.db);
    const initialAdmin = opts.createAdmin
      ? await ensureInitialAdmin(database.db, systemContext('startup'), { password: config.adminPassword, dataDir: config.dataDir })
      : undefined;
    return {
      database,
      initialAdmin,
      privileged: await database.privileged(),
      release: async () => {
        await database.close();
        unlock();
      },
    };
  } catch (e) {
    await database.close().catch(() => undefined);
    unlock();
    throw e;
  }
}
