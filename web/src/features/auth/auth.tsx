import { createContext, useCallback, useContext, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken, setUnauthorizedHandler } from '../../api/client.ts';
import type { CurrentUser } from '../../lib/contracts.ts';

interface AuthValue {
  user: CurrentUser | null;
  loading: boolean;
  error: unknown;
  retry: () => void;
  login: (username: string, password: string) => Promise<CurrentUser>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<CurrentUser | null> {
  try {
    const user = await api.get<CurrentUser>('/api/auth/me');
    setCsrfToken(user.csrfToken);
    return user;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });

  useEffect(() => {
    // Any 401 outside /api/auth/* means the session expired: forget the user and every cached
    // record; the route guard then sends the browser to the login page.
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(ME_KEY, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  const login = useCallback(
    async (username: string, password: string) => {
      const user = await api.post<CurrentUser>('/api/auth/login', { username, password });
      setCsrfToken(user.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(ME_KEY, user);
      return user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // Already logged out on the server, or offline: forget the session locally anyway.
    }
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);

  const value = useMemo<AuthValue>(
    () => ({
      user: me.data ?? null,
      loading: me.isPending,
      error: me.error,
      retry: () => void me.refetch(),
      login,
      logout,
    }),
    [me, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The logged-in user; only for pages rendered behind RequireAuth. */
export function useCurrentUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser without a session');
  return user;
}
