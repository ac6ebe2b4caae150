import type { Me } from '../../../common/contracts/accounts';
import type { Locale } from '../../../common/enums';
import { ApiError, get, patch, post } from './http';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await get<Me>('/api/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export const login = (username: string, password: string) =>
  post<{ user: Me; csrfToken: string }>('/api/auth/login', { username, password });
export const logout = () => post<void>('/api/auth/logout');
export const updateMe = (body: { locale?: Locale; displayName?: string }) => patch<Me>('/api/auth/me', body);
export const changePassword = (currentPassword: string, newPassword: string) =>
  post<void>('/api/auth/password', { currentPassword, newPassword });
