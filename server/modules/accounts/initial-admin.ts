import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { assertAcceptablePassword, generatePassword, hashPassword } from '../../platform/passwords.js';
import { listUnits } from '../orgunits/index.js';
import * as repo from './accounts.repo.js';
import { auditable } from './accounts.service.js';

export interface InitialAdmin {
  username: string;
  password: string | undefined;
  file: string | undefined;
}

/**
 * When no active administrator exists (first start): create `admin` with a random password (or KECHUANG_ADMIN_PASSWORD), an admin
 * grant on every top-level unit, and write the password once to <dataDir>/initial-admin.txt (mode 0600).
 */
export async function ensureInitialAdmin(
  db: Db,
  ctx: RequestContext,
  opts: { password: string | undefined; dataDir: string | undefined },
): Promise<InitialAdmin | undefined> {
  // Only when nobody can administer the installation (a fresh database, or one the CLI filled with non-admins).
  if ((await repo.countActiveAdmins(db)) > 0 || (await repo.findUserByUsername(db, 'admin'))) return undefined;
  const roots = (await listUnits(db)).filter((u) => u.parentCode === null);
  const password = opts.password ?? generatePassword();
  if (opts.password) assertAcceptablePassword(password, 'admin', 'KECHUANG_ADMIN_PASSWORD');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      username: 'admin',
      displayName: '系统管理员',
      passwordHash,
      mustChangePassword: !opts.password,
    });
    await repo.replaceGrants(
      tx,
      user.id,
      roots.map((r) => ({ role: 'admin', orgUnitCode: r.code })),
    );
    const grants = await repo.grantsOf(tx, [user.id]);
    await audit(tx, ctx, { action: 'create', entity: 'user', entityId: user.id, after: auditable(user, grants) });
  });
  let file: string | undefined;
  if (!opts.password && opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    file = path.join(opts.dataDir, 'initial-admin.txt');
    writeFileSync(file, `username: admin\npassword: ${password}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { username: 'admin', password: opts.password ? undefined : password, file };
}
