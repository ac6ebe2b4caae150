import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE } from '../../../common/clock';
import type { Me } from '../../../common/contracts/accounts';
import { ME_KEY } from '../api/auth';
import { ApiError } from '../api/http';
import { createQueryClient } from './queryClient';
import { takeSignInNotice } from './session';

const me: Me = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'clerk',
  displayName: '科员',
  locale: 'zh-CN',
  mustChangePassword: false,
  timeZone: DEFAULT_TIME_ZONE,
  roles: [{ role: 'bureau', orgUnitCode: '500241', orgUnitName: '秀山土家族苗族自治县', dataElements: null, enterpriseId: null }],
};

/** A query of some page that the server answers with this error. */
async function failWith(error: ApiError) {
  const client = createQueryClient();
  client.setQueryData(ME_KEY, me);
  await client
    .fetchQuery({
      queryKey: ['some', 'page'],
      queryFn: () => Promise.reject(error),
      retry: false,
    })
    .catch(() => undefined);
  return client.getQueryData<Me | null>(ME_KEY);
}

describe('what the app does with the server’s refusals', () => {
  it('a 403 must_change_password marks the user, so the route guard sends them to the change-password page', async () => {
    const after = await failWith(new ApiError(403, 'must_change_password', '请先修改初始密码，然后才能继续使用系统'));
    expect(after).toEqual({ ...me, mustChangePassword: true });
  });

  it('another 403 (out of scope) leaves the user as is: the page shows the server’s reason', async () => {
    expect(await failWith(new ApiError(403, 'forbidden_scope', '没有权限：区划“中和街道”不在您的管辖范围内'))).toEqual(me);
    expect(await failWith(new ApiError(403, 'forbidden', '没有权限执行此操作'))).toEqual(me);
  });

  it('a 401 signs the user out and says why on the login page', async () => {
    expect(await failWith(new ApiError(401, 'unauthenticated', '登录已过期，请重新登录'))).toBeNull();
    expect(takeSignInNotice()).toBe('登录已过期，请重新登录');
  });
});
