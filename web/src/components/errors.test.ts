import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { applyServerError } from './errors';

/** A form as antd keeps it: errors stay only on the names it renders an input for. */
function fakeForm(rendered: string[]) {
  const errors = new Map<string, string[]>();
  const key = (name: (string | number)[] | string) => (Array.isArray(name) ? name.join('.') : name);
  const scrolled: string[] = [];
  const form = {
    setFields: (fields: { name: (string | number)[]; errors: string[] }[]) => {
      for (const f of fields) if (rendered.includes(key(f.name))) errors.set(key(f.name), f.errors);
    },
    getFieldError: (name: (string | number)[]) => errors.get(key(name)) ?? [],
    scrollToField: (name: (string | number)[]) => scrolled.push(key(name)),
  };
  return { form: form as unknown as FormInstance, errors, scrolled };
}

const refusal = (field: string, message: string) => new ApiError(400, 'grant_enterprise', message, field);

describe('applyServerError: a failed save is never silent', () => {
  it('puts a message under the input it names and says so', () => {
    const { form, errors, scrolled } = fakeForm(['username', 'roles.0.enterpriseId']);
    expect(applyServerError(form, refusal('roles.0.enterpriseId', '须关联企业'), ['username', 'roles'])).toBe(true);
    expect(errors.get('roles.0.enterpriseId')).toEqual(['须关联企业']);
    expect(scrolled).toEqual(['roles.0.enterpriseId']);
  });

  it('a message for a field of the form that has no input (the drawer before the enterprise picker) is left to the caller', () => {
    const { form, errors } = fakeForm(['username', 'roles.0.role', 'roles.0.orgUnitCode']);
    expect(applyServerError(form, refusal('roles.0.enterpriseId', '须关联企业'), ['username', 'roles'])).toBe(false);
    expect(errors.size).toBe(0);
  });

  it('some issues shown and some not: the caller shows the error too', () => {
    const { form, errors } = fakeForm(['username']);
    const error = new ApiError(400, 'validation', '用户名格式不正确', 'username', [
      { field: 'username', message: '用户名格式不正确' },
      { field: 'roles.0.dataElements', message: '数据元不存在' },
    ]);
    expect(applyServerError(form, error, ['username', 'roles'])).toBe(false);
    expect(errors.get('username')).toEqual(['用户名格式不正确']);
  });

  it('an error naming no field of the form, or not from the server, is the caller’s', () => {
    const { form } = fakeForm(['username']);
    expect(applyServerError(form, new ApiError(403, 'forbidden_scope', '没有权限'), ['username'])).toBe(false);
    expect(applyServerError(form, new Error('boom'), ['username'])).toBe(false);
  });
});
