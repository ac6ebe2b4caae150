import { queryOptions } from '@tanstack/react-query';
import type { CreateUserBody, UpdateUserBody, UserView } from '../../../common/contracts/accounts';
import type { Role } from '../../../common/enums';
import { get, patch, post } from './http';

export interface UserFilters {
  q?: string;
  role?: Role;
  disabled?: 'true' | 'false';
}

export const usersQuery = (filters: UserFilters) =>
  queryOptions({
    queryKey: ['users', 'list', filters],
    queryFn: () => get<{ items: UserView[]; total: number }>('/api/users', { ...filters }),
    placeholderData: (previous) => previous,
  });

export const createUser = (body: CreateUserBody) => post<{ user: UserView; initialPassword?: string }>('/api/users', body);
export const updateUser = (id: string, body: UpdateUserBody) => patch<UserView>(`/api/users/${encodeURIComponent(id)}`, body);
export const resetPassword = (id: string) => post<{ password?: string }>(`/api/users/${encodeURIComponent(id)}/reset-password`, {});
