import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../common/enums.js';
import { ERROR_MESSAGES, translate } from '../../common/messages.js';
import { createUser, findUserByUsername, resetPassword } from '../modules/accounts/index.js';
import { listUnits } from '../modules/orgunits/index.js';
import { systemContext } from '../platform/audit.js';
import { openAndPrepare } from '../platform/bootstrap.js';
import { loadConfig } from '../platform/config.js';
import { AppError } from '../platform/errors.js';

const HELP = `kechuang <command> [options]

  users:create --username U --role R [--org CODE] [--display-name NAME] [--locale zh-CN|en-US]
      Create a user with a generated password (printed once). --role may repeat;
      --org is the scope (default: the top-level unit). Roles: ${ROLES.join(', ')}.
  users:reset-password --username U
      Give the user a new generated password (printed once) and end their sessions.

Uses the same database as the server: ./data/pg (KECHUANG_DATA_DIR) or DATABASE_URL.
With the embedded database, stop the server first.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${HELP}\n`);
    return command ? 0 : 1;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
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
      const org = values.org ?? (await listUnits(database.db)).find((u) => u.parentCode === null)?.code;
      if (!org) throw new Error('no org units loaded');
      const { user, initialPassword } = await createUser(database.db, ctx, () => true, {
        username: values.username,
        displayName: values['display-name'] ?? values.username,
        locale: values.locale === 'en-US' ? 'en-US' : 'zh-CN',
        roles: roles.map((role) => ({ role: role as Role, orgUnitCode: org })),
      });
      process.stdout.write(`已创建用户 Created user ${user.username} (${roles.join(', ')} @ ${org})\n密码 Password: ${initialPassword}\n`);
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

process.exitCode = await main(process.argv.slice(2));
