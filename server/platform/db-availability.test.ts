import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Availability, BREAKER_MS, DatabaseUnavailableError, isDatabaseUnavailable } from './db-availability.js';
import { patchConnectionSource } from './postgres.js';

/** As Drizzle wraps a driver error. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isDatabaseUnavailable', () => {
  it('recognises connection failures, however wrapped', () => {
    for (const code of [
      'ECONNREFUSED',
      'ECONNRESET',
      'CONNECTION_CLOSED',
      'CONNECT_TIMEOUT',
      'CONNECTION_DESTROYED',
      '57P01',
      '57P03',
      '08006',
    ]) {
      expect(isDatabaseUnavailable(wrapped(Object.assign(new Error(code), { code }))), code).toBe(true);
    }
    expect(isDatabaseUnavailable(new DatabaseUnavailableError(Date.now()))).toBe(true);
    // A connection attempt to several addresses (IPv4 and IPv6) fails with an AggregateError.
    expect(isDatabaseUnavailable(wrapped(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })])))).toBe(true);
  });

  it('leaves the database’s answers alone: a refused value, a deadlock, a cancelled statement', () => {
    for (const code of ['23505', '23514', '40P01', '40001', '57014', '42501', '22P02']) {
      expect(isDatabaseUnavailable(wrapped(Object.assign(new Error(code), { code }))), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe('the breaker', () => {
  it('opens on an unreachable database, fails at once while open, half-opens after BREAKER_MS, closes on a success', () => {
    const a = new Availability();
    expect(a.up).toBe(true);
    a.check(0);
    a.observe(Object.assign(new Error('23505'), { code: '23505' }), 0);
    expect(a.up).toBe(true);
    a.observe(wrapped(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })), 1_000);
    expect(a.up).toBe(false);
    expect(() => a.check(1_000 + BREAKER_MS - 1)).toThrow(DatabaseUnavailableError);
    // Its own refusals do not keep it open.
    a.observe(new DatabaseUnavailableError(1_000), 1_000 + BREAKER_MS - 1);
    expect(() => a.check(1_000 + BREAKER_MS)).not.toThrow();
    expect(a.up).toBe(false);
    a.observe(undefined, 1_000 + BREAKER_MS + 5);
    expect(a.up).toBe(true);
  });
});

describe('the postgres-js patch', () => {
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('postgres')), 'connection.js');
  const source = readFileSync(file, 'utf8');

  it('guards nextWrite, forgets the write timer and chunk of a closed socket, and the query of the last one', () => {
    const patched = patchConnectionSource(source);
    expect(patched).toContain(
      "if (!socket) { // kechuang: the connection closed with this write pending (porsager/postgres#1208)\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))",
    );
    expect(patched.match(/chunk = nextWriteTimer = null \/\/ kechuang/g)).toHaveLength(2);
    expect(patched).toContain('query = results = errorResponse = null // kechuang');
  });

  it('refuses a version whose code it does not know, rather than run unpatched', () => {
    expect(() => patchConnectionSource(source.replace('const x = socket.write(chunk, fn)', 'const x = socket?.write(chunk, fn)'))).toThrow(
      /no longer has the code server\/platform\/postgres.ts patches/,
    );
  });
});
