import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateUserBody,
  InvitationBody,
  UpdateUserBody,
  UserView,
  dataElementOptionsResponse,
  enterpriseOptionsResponse,
  expertOptionsResponse,
  listUsersQuery,
} from '../../../common/contracts/accounts';
import { get, patch, post, postForFile } from './http';

export type UserFilters = z.input<typeof listUsersQuery>;
export type EnterpriseOptions = z.infer<typeof enterpriseOptionsResponse>;
export type ExpertOptions = z.infer<typeof expertOptionsResponse>;
export type DataElementOptions = z.infer<typeof dataElementOptionsResponse>;

export const usersQuery = (filters: UserFilters) =>
  queryOptions({
    queryKey: ['users', 'list', filters],
    queryFn: () => get<{ items: UserView[]; total: number }>('/api/users', { ...filters }),
    placeholderData: (previous) => previous,
  });

export const createUser = (body: CreateUserBody) => post<{ user: UserView; initialPassword?: string }>('/api/users', body);
export const updateUser = (id: string, body: UpdateUserBody) => patch<UserView>(`/api/users/${encodeURIComponent(id)}`, body);
export const resetPassword = (id: string) => post<{ password?: string }>(`/api/users/${encodeURIComponent(id)}/reset-password`, {});

/** The enterprises an enterprise grant at the unit may act for (the unit and below, in the admin's scope). */
export const enterpriseOptionsQuery = (orgUnitCode: string | undefined, q: string) =>
  queryOptions({
    queryKey: ['users', 'options', 'enterprises', orgUnitCode, q],
    queryFn: () => get<EnterpriseOptions>('/api/users/options/enterprises', { orgUnitCode, q }),
    enabled: Boolean(orgUnitCode),
    placeholderData: (previous) => previous,
  });

/** Expert pool entries without an account of the unit and below. */
export const expertOptionsQuery = (orgUnitCode: string | undefined, q: string) =>
  queryOptions({
    queryKey: ['users', 'options', 'experts', orgUnitCode, q],
    queryFn: () => get<ExpertOptions>('/api/users/options/experts', { orgUnitCode, q }),
    enabled: Boolean(orgUnitCode),
    placeholderData: (previous) => previous,
  });

export const dataElementOptionsQuery = () =>
  queryOptions({
    queryKey: ['users', 'options', 'data-elements'],
    queryFn: () => get<DataElementOptions>('/api/users/options/data-elements'),
    staleTime: 10 * 60_000,
  });

/** Creates the enterprise users of an invitation; the answer is the xlsx of their one-time passwords and their number. */
export async function inviteEnterprises(body: InvitationBody): Promise<{ blob: Blob; filename: string | null; created: number }> {
  const { blob, filename, headers } = await postForFile('/api/users/invitations', body);
  return { blob, filename, created: Number(headers.get('x-kechuang-created') ?? 0) };
}
