import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http';
import { ME_KEY } from '../api/auth';
import { setSignInNotice } from './session';

/**
 * A 401 anywhere means the session is gone: forget the user so the route guard sends
 * them to the login page (remembering where they were).
 */
function onApiError(client: () => QueryClient) {
  return (error: Error) => {
    if (!(error instanceof ApiError) || error.status !== 401) return;
    const c = client();
    if (c.getQueryData(ME_KEY)) {
      setSignInNotice(error.message);
      c.setQueryData(ME_KEY, null);
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
