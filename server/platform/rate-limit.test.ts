import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { DEFAULT_RATE_LIMITS, rateLimitClassOf, rateLimitsFromEnv } from './rate-limit.js';

describe('rate-limit configuration', () => {
  it('the default configuration is the protective one', () => {
    const config = loadConfig({});
    expect(config.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    for (const limit of Object.values(config.rateLimits)) {
      expect(limit).not.toBeNull();
      expect(limit!.max).toBeLessThanOrEqual(300);
    }
    expect(config.rateLimits.anonymousWrite!.max).toBeLessThanOrEqual(10);
    expect(config.rateLimits.login!.max).toBeLessThanOrEqual(20);
  });

  it('each limit is MAX/SECONDS or off in its variable; anything else stops the start', () => {
    const limits = rateLimitsFromEnv({ KECHUANG_RATE_LIMIT_LOGIN: '5/30', KECHUANG_RATE_LIMIT_EXPORTS: 'off' });
    expect(limits.login).toEqual({ max: 5, windowSeconds: 30 });
    expect(limits.exports).toBeNull();
    expect(limits.imports).toEqual(DEFAULT_RATE_LIMITS.imports);
    expect(() => rateLimitsFromEnv({ KECHUANG_RATE_LIMIT_IMPORTS: '10' })).toThrow(/KECHUANG_RATE_LIMIT_IMPORTS must be MAX\/SECONDS/);
    expect(() => rateLimitsFromEnv({ KECHUANG_RATE_LIMIT_RUNS: '0/60' })).toThrow(/KECHUANG_RATE_LIMIT_RUNS/);
  });

  it('classes routes by method, URL and whether they are public', () => {
    expect(rateLimitClassOf('POST', '/api/auth/login', true)).toBe('login');
    expect(rateLimitClassOf('POST', '/api/public/notices/:id/objections', true)).toBe('anonymousWrite');
    expect(rateLimitClassOf('GET', '/api/public/notices', true)).toBe('anonymousRead');
    expect(rateLimitClassOf('GET', '/api/health', true)).toBeUndefined();
    expect(rateLimitClassOf('POST', '/api/data-entry/import', false)).toBe('imports');
    expect(rateLimitClassOf('GET', '/api/registry/imports/:id', false)).toBeUndefined();
    expect(rateLimitClassOf('POST', '/api/composite-index/run', false)).toBe('runs');
    expect(rateLimitClassOf('GET', '/api/audit/export', false)).toBe('exports');
    expect(rateLimitClassOf('GET', '/api/enterprises', false)).toBeUndefined();
  });
});
