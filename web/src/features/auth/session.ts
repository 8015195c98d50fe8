import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CurrentUser, SessionResponse, UpdateMeBody, ChangePasswordBody } from '@shared/schemas/index.js';
import type { Role } from '@shared/roles.js';
import { api, ApiError, setCsrfToken } from '../../api/client.js';
import { applyLocale } from '../../i18n/index.js';

export const sessionQueries = {
  all: ['session'] as const,
};

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const s = await api<SessionResponse>('/auth/session');
    setCsrfToken(s.csrfToken);
    if (s.user.locale) await applyLocale(s.user.locale);
    return s;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/** The signed-in user, or null. Loaded once and kept; sign-in and sign-out replace it. */
export function useSession() {
  // A dropped connection is tried again like any query; a 401 is an answer (null), not an error.
  return useQuery({
    queryKey: sessionQueries.all,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: (count, err) => count < 2 && err instanceof ApiError && err.code === 'network_error',
  });
}

export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside a signed-in page');
  return data.user;
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<SessionResponse>('/auth/login', { method: 'POST', body }),
    onSuccess: async (s) => {
      setCsrfToken(s.csrfToken);
      if (s.user.locale) await applyLocale(s.user.locale);
      qc.clear();
      qc.setQueryData(sessionQueries.all, s);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout', { method: 'POST', body: {} }),
    onSettled: () => {
      setCsrfToken(null);
      // Null the session where its observers are listening first, so RequireSession unmounts the
      // signed-in frame before anything in it renders again without a user; then forget the rest.
      // (Clearing first would leave those observers on the removed query, and the next render of
      // the layout or page would throw in useCurrentUser.)
      qc.setQueryData(sessionQueries.all, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueries.all[0] });
    },
  });
}

export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof UpdateMeBody>) => api<CurrentUser>('/auth/me', { method: 'PATCH', body }),
    onSuccess: (user) => {
      qc.setQueryData<SessionResponse | null>(sessionQueries.all, (s) => (s ? { ...s, user } : s));
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: z.input<typeof ChangePasswordBody>) => api('/auth/password', { method: 'POST', body }),
  });
}

/** Whether the user holds one of the roles anywhere (for showing navigation; the server decides access). */
export function hasAnyRole(user: CurrentUser, roles: readonly Role[], scopeType?: string): boolean {
  return user.memberships.some((m) => roles.includes(m.role) && (!scopeType || m.scopeType === scopeType));
}
