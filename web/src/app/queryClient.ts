import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Records are edited in forms: refetching behind the user's back would be surprising.
      refetchOnWindowFocus: false,
      staleTime: 10_000,
      retry: (count, err) => {
        if (isApiError(err) && err.status >= 400 && err.status < 500) return false;
        return count < 1;
      },
    },
    mutations: { retry: false },
  },
});
