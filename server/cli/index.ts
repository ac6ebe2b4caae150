import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../common/enums.js';
import { ERROR_MESSAGES, translate } from '../../common/messages.js';
import { createUser, enterpriseByCreditCode, findUserByUsername, resetPassword } from '../modules/accounts/index.js';
import { verifyLedger, type Reconciliation } from '../modules/ledger/index.js';
import { listUnits } from '../modules/orgunits/index.js';
import { IMPORT_KINDS, openRows, runImport, type ImportKind } from '../modules/registry/index.js';
import { systemContext } from '../platform/audit.js';
import { openAndPrepare } from '../bootstrap.js';
import { loadConfig } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import type { Db } from '../platform/db.js';
import type { RoleGrantInput } from '../../common/contracts/accounts.js';

const HELP = `kechuang <command> [options]

  users:create --username U --role R [--org CODE] [--enterprise CREDIT_CODE] [--display-name NAME] [--locale zh-CN|en-US]
      Create a user with a generated password (printed once; it must be changed at first sign-in).
      --role may repeat; --org is the scope (default: the top-level unit; for --role enterprise, the
      enterprise's own unit). --role enterprise needs --enterprise, the credit code of a registered
      enterprise inside --org. Roles: ${ROLES.join(', ')}.
  users:reset-password --username U
      Give the user a new generated password (printed once) and end their sessions.

  import <kind> <file.xlsx|file.csv> [--dry-run] [--org CODE]
      Import registry records (kind: enterprises, qualifications, platforms, patents, stats) with a
      progress bar; every problem is listed by row and nothing is saved while any remains.
      Templates: GET /api/registry/import/template?kind=… in the web app.

  ledger:verify
      Reconcile the ledger: every balance against its entries, debits against credits, no
      overdraft, no reservation resolved twice. Exits 0 when it balances, 1 otherwise.

Uses the same database as the server: ./data/pg (KECHUANG_DATA_DIR) or DATABASE_URL.
With the embedded database, stop the server first.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${HELP}\n`);
    return command ? 0 : 1;
  }
  if (command === 'import') return importCommand(rest);
  if (command === 'ledger:verify') return ledgerVerifyCommand(rest);
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      enterprise: { type: 'string' },
      'display-name': { type: 'string' },
      locale: { type: 'string' },
    },
    strict: true,
  });
  if (command !== 'users:create' && command !== 'users:reset-password') {
    process.stderr.write(`未知命令 Unknown command: ${command}\n\n${HELP}\n`);
    return 2;
  }
  if (!values.username) {
    process.stderr.write('缺少 --username / --username is required\n');
    return 2;
  }
  const config = loadConfig();
  const { database, release } = await openAndPrepare(config, `kechuang ${command}`, { createAdmin: false });
  const ctx = systemContext('cli');
  try {
    if (command === 'users:create') {
      const roles = values.role ?? [];
      const bad = roles.find((r) => !(ROLES as readonly string[]).includes(r));
      if (roles.length === 0 || bad) {
        process.stderr.write(`--role 必须是 must be one of: ${ROLES.join(', ')}${bad ? ` (got "${bad}")` : ''}\n`);
        return 2;
      }
      const grants = await grantsFor(database.db, roles as Role[], values.org, values.enterprise);
      if (typeof grants === 'number') return grants;
      const { user, initialPassword } = await createUser(database.db, ctx, () => true, {
        username: values.username,
        displayName: values['display-name'] ?? values.username,
        locale: values.locale === 'en-US' ? 'en-US' : 'zh-CN',
        roles: grants,
      });
      const org = [...new Set(grants.map((g) => g.orgUnitCode))].join(', ');
      const acting = grants.some((g) => g.enterpriseId) ? ` for ${values.enterprise?.trim().toUpperCase()}` : '';
      process.stdout.write(
        `已创建用户 Created user ${user.username} (${roles.join(', ')} @ ${org}${acting})\n密码 Password: ${initialPassword}\n`,
      );
    } else {
      const user = await findUserByUsername(database.db, values.username);
      if (!user) {
        process.stderr.write(`用户不存在 No such user: ${values.username}\n`);
        return 1;
      }
      const { password } = await resetPassword(database.db, ctx, 'all', user.id, undefined);
      process.stdout.write(`已重置 Reset password of ${user.username}\n新密码 New password: ${password}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      process.stderr.write(
        `${translate(ERROR_MESSAGES, e.code, 'zh-CN', { ...e.params, field: e.field ?? '' })}\n${translate(ERROR_MESSAGES, e.code, 'en-US', { ...e.params, field: e.field ?? '' })}\n`,
      );
      return 1;
    }
    throw e;
  } finally {
    await release();
  }
}

/**
 * The grants of `users:create`: each role at --org (default: the top-level unit; for the enterprise role, the
 * enterprise's own unit), the enterprise role acting for the enterprise of --enterprise. A number is the exit code
 * of input refused here (createUser checks the rest: the unit exists, the enterprise lies inside it).
 */
async function grantsFor(
  db: Db,
  roles: Role[],
  org: string | undefined,
  creditCode: string | undefined,
): Promise<RoleGrantInput[] | number> {
  const wantsEnterprise = roles.includes('enterprise');
  if (wantsEnterprise !== Boolean(creditCode)) {
    process.stderr.write(
      wantsEnterprise
        ? '--role enterprise 需要 --enterprise <统一社会信用代码> / --role enterprise needs --enterprise <credit code>\n'
        : '--enterprise 只用于 --role enterprise / --enterprise goes with --role enterprise only\n',
    );
    return 2;
  }
  const enterprise = creditCode ? await enterpriseByCreditCode(db, creditCode) : undefined;
  if (creditCode && !enterprise) {
    process.stderr.write(`企业未登记 No registered enterprise with credit code ${creditCode}\n`);
    return 1;
  }
  const top = org ?? (await listUnits(db)).find((u) => u.parentCode === null)?.code;
  if (!top) throw new Error('no org units loaded');
  return roles.map((role) =>
    role === 'enterprise' && enterprise
      ? { role, orgUnitCode: org ?? enterprise.orgUnitCode, enterpriseId: enterprise.id }
      : { role, orgUnitCode: top },
  );
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean' }, org: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [kind, file] = positionals;
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind) || !file) {
    process.stderr.write(`用法 Usage: kechuang import <${IMPORT_KINDS.join('|')}> <file> [--dry-run]\n`);
    return 2;
  }
  const body = readFileSync(file);
  const config = loadConfig();
  const { database, release } = await openAndPrepare(config, 'kechuang import', { createAdmin: false });
  try {
    const region =
      (await listUnits(database.db)).find((u) => u.code === (values.org ?? '500241')) ??
      (await listUnits(database.db)).find((u) => u.parentCode === null)!;
    const source = await openRows(kind as ImportKind, body, file.toLowerCase().endsWith('.csv') ? 'text/csv' : undefined);
    const bar = (processed: number, fraction: number) => {
      const width = 30;
      const filled = Math.round(Math.min(1, fraction) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(fraction * 100)}% ${processed}`);
    };
    bar(0, 0);
    const report = await runImport(
      kind as ImportKind,
      { db: database.db, ctx: systemContext('cli'), canWrite: () => true, region },
      source,
      {
        dryRun: Boolean(values['dry-run']),
        locale: 'zh-CN',
        onProgress: bar,
      },
    );
    process.stderr.write('\n');
    for (const r of report.rows.filter((x) => x.status === 'error'))
      process.stdout.write(`第 ${r.row} 行 row ${r.row}: ${r.messages.map((m) => m.message).join('；')}\n`);
    process.stdout.write(
      `${report.counts.ok} 行正确 ok, ${report.counts.error} 行错误 errors — ${report.committed ? '已全部保存 all saved' : values['dry-run'] ? '预检，未保存 dry run, nothing saved' : '未保存任何数据 nothing saved'}\n`,
    );
    return report.counts.error > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof AppError) {
      process.stderr.write(`${translate(ERROR_MESSAGES, e.code, 'zh-CN', e.params)}\n`);
      return 1;
    }
    throw e;
  } finally {
    await release();
  }
}

/** 1234567 fen → "¥12,345.67". */
function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** The reconciliation, in Chinese and English: what was checked and, when it does not balance, why. */
function formatReconciliation(r: Reconciliation): string {
  const t = r.totals;
  const lines = [
    '账本对账 Ledger reconciliation',
    `  账户 Accounts: ${r.accounts}`,
    `  转账 Transfers: ${r.transfers}`,
    `  已入账 Posted:  借方 debits ${yuan(t.debitsPosted)} (${t.debitsPosted} 分 fen) / 贷方 credits ${yuan(t.creditsPosted)} (${t.creditsPosted} 分 fen)`,
    `  预留中 Pending: 借方 debits ${yuan(t.debitsPending)} (${t.debitsPending} 分 fen) / 贷方 credits ${yuan(t.creditsPending)} (${t.creditsPending} 分 fen)`,
  ];
  if (r.ok) {
    lines.push('结果 Result: 平衡 OK — 借贷相等，每个余额与其分录一致，无透支，无重复处理的预留款');
    lines.push('  debits equal credits, every balance matches its entries, nothing overdrawn, no reservation resolved twice');
    return `${lines.join('\n')}\n`;
  }
  lines.push('结果 Result: 不平衡 NOT OK');
  if (t.debitsPosted !== t.creditsPosted)
    lines.push(`  已入账借贷不等 Posted debits ≠ credits: ${t.debitsPosted} ≠ ${t.creditsPosted} 分 fen`);
  if (t.debitsPending !== t.creditsPending)
    lines.push(`  预留借贷不等 Pending debits ≠ credits: ${t.debitsPending} ≠ ${t.creditsPending} 分 fen`);
  const names = ['debits_pending', 'debits_posted', 'credits_pending', 'credits_posted'];
  for (const m of r.mismatches) {
    const diff = names.flatMap((n, i) => (m.stored[i] !== m.computed[i] ? [`${n} ${m.stored[i]} ≠ ${m.computed[i]}`] : []));
    lines.push(`  余额与分录不符 Balance differs from its entries: ${m.code} — 存储 ≠ 计算 stored ≠ computed: ${diff.join(', ')}`);
  }
  for (const code of r.overdrawn) lines.push(`  透支 Overdrawn: ${code}`);
  for (const id of r.doubleResolved) lines.push(`  预留款被处理多次 Reservation resolved more than once: #${id}`);
  return `${lines.join('\n')}\n`;
}

async function ledgerVerifyCommand(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write('用法 Usage: kechuang ledger:verify\n');
    return 2;
  }
  const config = loadConfig();
  const { database, release } = await openAndPrepare(config, 'kechuang ledger:verify', { createAdmin: false });
  try {
    const r = await verifyLedger(database.db);
    process.stdout.write(formatReconciliation(r));
    return r.ok ? 0 : 1;
  } finally {
    await release();
  }
}

process.exitCode = await main(process.argv.slice(2));
