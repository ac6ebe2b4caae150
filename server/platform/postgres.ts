import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import type PostgresType from 'postgres';

/**
 * postgres-js (3.4.9), with its write scheduler fixed so that losing the database cannot kill the process.
 *
 * Small writes are batched behind a `setImmediate(nextWrite)`. When the socket closes, `closed()` sets it to
 * null and cancels that immediate but leaves `nextWriteTimer` and the buffered `chunk` behind. Two failures
 * follow (porsager/postgres#1208 and #1154, seen here when PostgreSQL was stopped under load):
 *  - a transaction whose connection just closed issues its ROLLBACK on that connection (the 'close' event runs
 *    before the promise reactions of the error); the write is scheduled and `nextWrite` calls `null.write`
 *    from an immediate: an uncaught TypeError, the process exits;
 *  - a connection closed with a write pending keeps the stale timer and chunk: on reconnection its start-up
 *    message is appended to the old bytes and never flushed (the timer looks armed), so the connection hangs
 *    until connect_timeout and then sends garbage — requests waiting 15–30 s after the database is back.
 * A third: the query that was running when a socket closed stays the connection's current `query` after it
 * was rejected. When the database is starting up (or refuses the connection) its ErrorResponse is then taken
 * for that old query's, the connection attempt is not failed but retried every backoff, and the request that
 * triggered it waits for as long as the database takes to come up (9 s and more after a crash).
 * The fix: `nextWrite` with no socket drops the chunk and fails what waited on the connection with
 * CONNECTION_CLOSED, a catchable error (as proposed upstream); `closed()` and `terminate()` forget the timer
 * and the chunk; a new socket starts with no current query, result or error.
 *
 * The package's CommonJS build is patched as it loads (its text is rewritten in memory; node_modules is not
 * touched, no install script): the rewritten connection.js is placed in the require cache before the
 * package's index requires it. Should a new version of postgres-js change these lines, loading fails here
 * rather than running unpatched — check the upstream fix, then adapt or drop this module. The server's
 * connections (db.ts) and the tests' template and clones load postgres-js through this module.
 */
const require = createRequire(import.meta.url);
const indexPath = require.resolve('postgres');
const connectionPath = path.join(path.dirname(indexPath), 'connection.js');

const PATCHES: [string, string][] = [
  [
    '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    '  function nextWrite(fn) {\n' +
      '    if (!socket) { // kechuang: the connection closed with this write pending (porsager/postgres#1208)\n' +
      '      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n' +
      '      chunk = nextWriteTimer = null\n' +
      "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
      '      return true\n' +
      '    }\n' +
      '    const x = socket.write(chunk, fn)',
  ],
  [
    "    terminated = true\n    if (stream || query || initial || sent.length)\n      error(Errors.connection('CONNECTION_DESTROYED', options))\n\n    clearImmediate(nextWriteTimer)\n",
    "    terminated = true\n    if (stream || query || initial || sent.length)\n      error(Errors.connection('CONNECTION_DESTROYED', options))\n\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null // kechuang\n",
  ],
  [
    "    incomings = null\n    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)",
    "    incomings = null\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null // kechuang\n    socket.removeListener('data', data)",
  ],
  [
    '  function connected() {\n    try {\n      statements = {}\n',
    '  function connected() {\n    try {\n      query = results = errorResponse = null // kechuang: nothing of the closed socket carries over\n      statements = {}\n',
  ],
];

export function patchConnectionSource(source: string): string {
  let out = source;
  for (const [from, to] of PATCHES) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) {
      throw new Error(
        `postgres-js ${versionOf()}: ${connectionPath} no longer has the code server/platform/postgres.ts patches; review the patch against this version`,
      );
    }
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

function versionOf(): string {
  try {
    // cjs/src/index.js → the package's root.
    const pkg = JSON.parse(readFileSync(path.join(path.dirname(indexPath), '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '?';
  } catch {
    return '?';
  }
}

// Our module is marked, so that this file may be evaluated again in one process (a test runner's module
// runners each evaluate it) without mistaking its own earlier patch for postgres-js loaded first.
const PATCHED = Symbol.for('kechuang.postgres.connection');
type Marked = NodeJS.Module & { [PATCHED]?: true };
const cached = require.cache[connectionPath] as Marked | undefined;
if (cached && !cached[PATCHED]) {
  throw new Error('postgres-js was loaded before server/platform/postgres.ts; import it from there');
}
if (!cached) {
  const mod = new Module(connectionPath) as Marked & { _compile(source: string, filename: string): void; paths: string[] };
  mod.filename = connectionPath;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(connectionPath));
  mod._compile(patchConnectionSource(readFileSync(connectionPath, 'utf8')), connectionPath);
  mod.loaded = true;
  mod[PATCHED] = true;
  require.cache[connectionPath] = mod;
}

const postgres = require('postgres') as typeof PostgresType;
export default postgres;
export type Sql = PostgresType.Sql;
