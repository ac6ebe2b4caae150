import { describe, expect, it } from 'vitest';
import { diff } from './audit.js';
import { describeIssue } from './errors.js';
import { assertAcceptablePassword, generatePassword, hashPassword, isCommonPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Correct-horse-battery');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Correct-horse-battery')).toBe(true);
    expect(await verifyPassword(h, 'correct-horse-battery')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('refuses short, common, repeated and username-containing passwords', () => {
    expect(() => assertAcceptablePassword('short', 'zhang')).toThrow('password_too_short');
    expect(() => assertAcceptablePassword('Password123', 'zhang')).toThrow('password_too_common');
    expect(() => assertAcceptablePassword('zzzzzzzzzzzz', 'zhang')).toThrow('password_too_common');
    expect(() => assertAcceptablePassword('my-zhang-secret', 'zhang')).toThrow('password_contains_username');
    expect(() => assertAcceptablePassword('Tea-garden-2026', 'zhang')).not.toThrow();
    expect(isCommonPassword('WOAINI1314')).toBe(true);
  });

  it('generates passwords that pass its own rules', () => {
    for (let i = 0; i < 50; i++) expect(() => assertAcceptablePassword(generatePassword(), 'admin')).not.toThrow();
  });
});

describe('describeIssue', () => {
  const issue = (keyword: string, path: string, params: Record<string, unknown> = {}, message = '') => ({ keyword, path, params, message });
  it('names the field in Chinese and English', () => {
    expect(
      describeIssue(
        issue('invalid_type', 'username', { expected: 'string' }, 'Invalid input: expected string, received undefined'),
        'zh-CN',
      ).message,
    ).toBe('字段“用户名”：必填');
    expect(describeIssue(issue('too_small', 'password', { origin: 'string', minimum: 10 }), 'en-US').message).toBe(
      'Field "password": must be at least 10 characters',
    );
    expect(describeIssue(issue('invalid_value', 'roles.2.role', { values: ['admin', 'bureau'] }), 'zh-CN')).toEqual({
      field: 'roles.2.role',
      message: '字段“第 3 项的角色”：应为以下之一：admin, bureau',
    });
    expect(describeIssue(issue('unrecognized_keys', '', { keys: ['isRoot'] }), 'zh-CN')).toEqual({
      field: 'isRoot',
      message: '字段“isRoot”：不认识的字段',
    });
  });
});

describe('audit diff', () => {
  it('keeps only changed fields and masks secrets', () => {
    expect(diff({ a: 1, b: [1], passwordHash: 'x' }, { a: 1, b: [1, 2], passwordHash: 'y' })).toEqual({
      b: { before: [1], after: [1, 2] },
      passwordHash: { before: '***', after: '***' },
    });
    expect(diff(null, { name: '秀山' })).toEqual({ name: { before: null, after: '秀山' } });
    expect(diff({ at: new Date(0) }, { at: new Date(0) })).toEqual({});
  });
});
