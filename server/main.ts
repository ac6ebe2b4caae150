import { pino } from 'pino';
import { buildApp } from './app.js';
import { openAndPrepare } from './bootstrap.js';
import { loadConfig } from './platform/config.js';
import { AppError } from './platform/errors.js';
import { ERROR_MESSAGES, translate } from '../common/messages.js';

const config = loadConfig();
const log = pino({ level: config.logLevel });
const t0 = performance.now();

const opened = await openAndPrepare(config, 'kechuang server', { createAdmin: true, demo: config.demo }).catch((e: unknown) => {
  // A configuration mistake (a weak KECHUANG_ADMIN_PASSWORD, a locked data directory) is told plainly.
  const message =
    e instanceof AppError
      ? `${translate(ERROR_MESSAGES, e.code, 'zh-CN', { ...e.params, field: e.field ?? '' })}\n${translate(ERROR_MESSAGES, e.code, 'en-US', { ...e.params, field: e.field ?? '' })}`
      : e instanceof Error
        ? e.message
        : String(e);
  process.stderr.write(`\n启动失败 / Start-up failed:\n${message}\n\n`);
  process.exit(1);
});
const { database, initialAdmin, privileged, release } = opened;
if (database.kind === 'postgres' && privileged) {
  log.warn(
    'The server connects to PostgreSQL as a role that owns the tables (or a superuser): it could switch off the audit and ledger triggers. ' +
      'Run it as a limited role (DATABASE_URL) and migrate as the owner (DATABASE_MIGRATE_URL): docs/OPERATIONS.md, "Least privilege".',
  );
}
if (initialAdmin?.password) {
  // Printed once, on the first start only; also written to a 0600 file in the data directory.
  process.stdout.write(
    `\n  首次启动：已创建管理员账号 / First start: administrator created\n` +
      `  用户名 username: ${initialAdmin.username}\n  密码 password:   ${initialAdmin.password}\n` +
      (initialAdmin.file ? `  （已保存到 saved to ${initialAdmin.file}，登录后请修改 / change it after signing in）\n\n` : '\n'),
  );
}

const app = await buildApp({ database, config, logger: log });
await app.listen({ host: config.host, port: config.port });
log.info({ database: database.kind, ms: Math.round(performance.now() - t0) }, `Kechuang ready on http://${config.host}:${config.port}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    void app
      .close()
      .then(release)
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
