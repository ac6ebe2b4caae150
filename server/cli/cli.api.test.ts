import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../common/registry/index.js';
import { backend, cloneTemplate } from '../../test/db-template.js';
import { PROJECT_ROOT } from '../platform/config.js';

/**
 * The `kechuang` command and the first start, run as real processes: on a fresh embedded database in a
 * temporary directory (PGlite), or on this file's clone of the template (PostgreSQL).
 */
let env: Record<string, string>;
let dispose: () => Promise<void> = async () => undefined;
let dataDir: string;
/** PostgreSQL: the clone as the superuser (the commands run as the limited app role of DATABASE_URL). */
let adminUrl: string | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kc-cli-'));
  env = { ...(process.env as Record<string, string>), KECHUANG_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  if (backend() === 'postgres') {
    const clone = await cloneTemplate();
    await clone.database.close();
    env.DATABASE_URL = clone.url!;
    adminUrl = clone.adminUrl;
    dispose = async () => clone.dispose().catch(() => undefined);
  }
});
afterAll(async () => {
  await dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const kechuang = (...args: string[]) => {
  const res = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(PROJECT_ROOT, 'server', 'cli', 'index.ts'), ...args],
    {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { code: res.status, out: res.stdout, err: res.stderr };
};

describe('kechuang CLI', () => {
  it('users:create prints a generated password once; bad input is refused with a clear message', () => {
    const created = kechuang('users:create', '--username', 'zhang_san', '--role', 'bureau', '--org', '500241', '--display-name', '张三');
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Created user zhang_san \(bureau @ 500241\)\n密码 Password: [A-Za-z2-9]{16}\n/);
    const again = kechuang('users:create', '--username', 'zhang_san', '--role', 'bureau');
    expect(again.code).toBe(1);
    expect(again.err).toContain('用户名“zhang_san”已被使用');
    const role = kechuang('users:create', '--username', 'li_si', '--role', 'king');
    expect(role.code).toBe(2);
    expect(role.err).toContain('got "king"');
  }, 120_000);

  it('users:create --role enterprise acts for the enterprise of --enterprise, in its own unit by default', () => {
    const first17 = '91500241MA7C1K0E1';
    const code = first17 + creditCodeCheckChar(first17);
    const file = path.join(dataDir, 'one-enterprise.csv');
    writeFileSync(file, `统一社会信用代码,企业名称,注册地（乡镇街道）\n${code},秀山县命令行企业用户有限公司,中和街道\n`);
    expect(kechuang('import', 'enterprises', file).code).toBe(0);
    const created = kechuang('users:create', '--username', 'cli_company', '--role', 'enterprise', '--enterprise', code.toLowerCase());
    expect(created.err).toBe('');
    expect(created.out).toContain(`Created user cli_company (enterprise @ 500241001 for ${code})`);
    const missing = kechuang('users:create', '--username', 'cli_company2', '--role', 'enterprise');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--role enterprise needs --enterprise');
    const unknown = kechuang('users:create', '--username', 'cli_company3', '--role', 'enterprise', '--enterprise', '91500241MA7C1K0E9X');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No registered enterprise');
    const outside = kechuang(
      'users:create',
      '--username',
      'cli_company4',
      '--role',
      'enterprise',
      '--enterprise',
      code,
      '--org',
      '500241002',
    );
    expect(outside.code).toBe(1);
    expect(outside.err).toContain('企业用户须关联一家在该区划内登记的企业');
  }, 240_000);

  it('users:reset-password gives a new password; an unknown user is an error', () => {
    const reset = kechuang('users:reset-password', '--username', 'zhang_san');
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/New password: [A-Za-z2-9]{16}/);
    expect(kechuang('users:reset-password', '--username', 'nobody').code).toBe(1);
    expect(kechuang('help').out).toContain('users:create');
  }, 120_000);
});

describe('kechuang import', () => {
  it('imports a csv all or nothing, with a progress bar and errors by row', () => {
    const first17 = '91500241MA7C1K0A1';
    const code = first17 + creditCodeCheckChar(first17);
    const file = path.join(dataDir, 'enterprises.csv');
    writeFileSync(
      file,
      `统一社会信用代码,企业名称,注册地（乡镇街道）\n${code},秀山县命令行科技有限公司,中和街道\n123,坏代码公司,中和街道\n`,
    );
    const bad = kechuang('import', 'enterprises', file);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('第 3 行 row 3');
    expect(bad.out).toContain('未保存任何数据 nothing saved');
    expect(bad.err).toMatch(/\[#{30}\] 100% 2/);
    writeFileSync(file, `统一社会信用代码,企业名称,注册地（乡镇街道）\n${code},秀山县命令行科技有限公司,中和街道\n`);
    const dry = kechuang('import', 'enterprises', file, '--dry-run');
    expect(dry.out).toContain('dry run, nothing saved');
    const ok = kechuang('import', 'enterprises', file);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('1 行正确 ok, 0 行错误 errors — 已全部保存 all saved');
    expect(kechuang('import', 'enterprises', file).out).toContain('已登记');
  }, 180_000);
});

describe('kechuang ledger:verify', () => {
  it('prints the reconciliation in Chinese and English; exits 0 when it balances, 1 with the problems when not', async () => {
    const { openDatabase } = await import('../platform/db.js');
    const { fundBudget } = await import('../modules/ledger/index.js');
    const { systemContext } = await import('../platform/audit.js');
    const { sql } = await import('drizzle-orm');
    // The same database as the commands: this file's clone (PostgreSQL) or the embedded one in dataDir.
    // As the superuser on PostgreSQL: switching the triggers off below is what the app role may not do.
    const open = () => openDatabase(adminUrl ? { url: adminUrl, poolSize: 1 } : { dataDir: path.join(dataDir, 'pg') });

    const empty = kechuang('ledger:verify');
    expect(empty.err).toBe('');
    expect(empty.code).toBe(0);
    expect(empty.out).toContain('账本对账 Ledger reconciliation');
    expect(empty.out).toContain('结果 Result: 平衡 OK');

    let database = await open();
    try {
      await database.db.transaction((tx) =>
        fundBudget(tx, systemContext('test'), {
          year: 2026,
          source: 'county',
          policyCode: 'cli_verify',
          amount: 1_234_567,
          key: 'cli:verify:fund',
          reason: 'CLI test',
        }),
      );
    } finally {
      await database.close();
    }
    const funded = kechuang('ledger:verify');
    expect(funded.code).toBe(0);
    expect(funded.out).toMatch(/账户 Accounts: [1-9]\d*\n/);
    expect(funded.out).toMatch(/转账 Transfers: [1-9]\d*\n/);
    expect(funded.out).toContain('已入账 Posted:  借方 debits ¥12,345.67 (1234567 分 fen) / 贷方 credits ¥12,345.67 (1234567 分 fen)');
    expect(funded.out).toContain('平衡 OK');

    // The database refuses any edit of a balance; with its triggers switched off (superuser), one that
    // bypassed them is found.
    database = await open();
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`update ledger_accounts set credits_posted = credits_posted + 1 where code = 'budget:2026:county:cli_verify'`);
      });
    } finally {
      await database.close();
    }
    const broken = kechuang('ledger:verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('结果 Result: 不平衡 NOT OK');
    expect(broken.out).toContain('已入账借贷不等 Posted debits ≠ credits: 1234567 ≠ 1234568 分 fen');
    expect(broken.out).toContain(
      '余额与分录不符 Balance differs from its entries: budget:2026:county:cli_verify — 存储 ≠ 计算 stored ≠ computed: credits_posted 1234568 ≠ 1234567',
    );
    expect(kechuang('ledger:verify', 'extra').code).toBe(2);
  }, 180_000);
});

describe.skipIf(backend() === 'postgres')('first start', () => {
  it('creates admin with a random password written to a 0600 file, once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-first-'));
    try {
      const { openAndPrepare } = await import('../bootstrap.js');
      const { loadConfig } = await import('../platform/config.js');
      const config = loadConfig({ KECHUANG_DATA_DIR: dir });
      const first = await openAndPrepare(config, 'test', { createAdmin: true });
      expect(first.initialAdmin).toMatchObject({ username: 'admin', password: expect.stringMatching(/^[A-Za-z2-9]{16}$/) });
      const file = path.join(dir, 'initial-admin.txt');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toContain(first.initialAdmin!.password!);
      await first.release();
      const second = await openAndPrepare(config, 'test', { createAdmin: true });
      expect(second.initialAdmin).toBeUndefined();
      await second.release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
