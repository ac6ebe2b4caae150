import type { Me } from '../../../common/contracts/accounts';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http';
import { ME_KEY } from '../api/auth';
import { setSignInNotice } from './session';

/**
 * A 401 anywhere means the session is gone: forget the user so the route guard sends
 * them to the login page (remembering where they were). A 403 must_change_password means the password
 * must be changed now (an administrator reset it during this session): the route guard sends the user
 * to the change-password page, and no other page (nor its requests) is shown until then.
 */
export function onApiError(client: () => QueryClient) {
  return (error: Error) => {
    if (!(error instanceof ApiError)) return;
    const c = client();
    const me = c.getQueryData<Me | null>(ME_KEY);
    if (error.status === 401 && me) {
      setSignInNotice(error.message);
      c.setQueryData(ME_KEY, null);
    }
    if (error.status === 403 && error.code === 'must_change_password' && me && !me.mustChangePassword) {
      c.setQueryData<Me>(ME_KEY, { ...me, mustChangePassword: true });
    }
  };
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: onApiError(() => client) }),
    mutationCache: new MutationCache({ onError: onApiError(() => client) }),
    defaultOptions: {
      queries: {
        // A 4xx will not change on retry; network blips and 5xx may.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
