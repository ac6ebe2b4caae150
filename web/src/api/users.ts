import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateUserBody, UpdateUserBody, UserView, listUsersQuery } from '../../../common/contracts/accounts';
import { get, patch, post } from './http';

export type UserFilters = z.input<typeof listUsersQuery>;

export const usersQuery = (filters: UserFilters) =>
  queryOptions({
    queryKey: ['users', 'list', filters],
    queryFn: () => get<{ items: UserView[]; total: number }>('/api/users', { ...filters }),
    placeholderData: (previous) => previous,
  });

export const createUser = (body: CreateUserBody) => post<{ user: UserView; initialPassword?: string }>('/api/users', body);
export const updateUser = (id: string, body: UpdateUserBody) => patch<UserView>(`/api/users/${encodeURIComponent(id)}`, body);
export const resetPassword = (id: string) => post<{ password?: string }>(`/api/users/${encodeURIComponent(id)}/reset-password`, {});
