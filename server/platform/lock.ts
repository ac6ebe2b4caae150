import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite is a single-process database: a second process opening the same directory would corrupt it.
 * The server and the CLI take this lock before opening ./data/pg.
 */
export function acquireDataDirLock(dir: string, owner: string): () => void {
  const file = path.join(dir, 'kechuang.lock');
  try {
    const [pidText, who] = readFileSync(file, 'utf8').split('\n');
    const pid = Number(pidText);
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `数据目录 ${dir} 正被进程 ${pid}（${who ?? '?'}）使用；请先停止它，或设置 DATABASE_URL 使用 PostgreSQL。\n` +
          `The data directory ${dir} is in use by process ${pid} (${who ?? '?'}); stop it first, or use PostgreSQL via DATABASE_URL.`,
      );
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  writeFileSync(file, `${process.pid}\n${owner}\n`);
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
