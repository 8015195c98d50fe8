import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateMembershipBody,
  CreateUserBody,
  ProgrammePage,
  ProjectPage,
  UpdateUserBody,
  User,
  UserPage,
} from '@shared/schemas/index.js';
import type { Role } from '@shared/roles.js';
import { api } from '../../../api/client.js';
import { sessionQueries, useCurrentUser } from '../../auth/session.js';
import { auditQueries } from '../audit/queries.js';

export interface UserFilters {
  q?: string;
  organisationId?: string;
  role?: Role;
  includeDisabled: boolean;
  limit: number;
  offset: number;
}

/** `['users']` covers lists and details: every change below invalidates it. */
export const userQueries = {
  all: ['users'] as const,
  lists: () => [...userQueries.all, 'list'] as const,
  list: (filters: UserFilters) =>
    queryOptions({
      queryKey: [...userQueries.lists(), filters] as const,
      queryFn: ({ signal }) =>
        api<z.infer<typeof UserPage>>('/users', { query: { ...filters, includeDisabled: String(filters.includeDisabled) }, signal }),
      placeholderData: keepPreviousData,
    }),
  details: () => [...userQueries.all, 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...userQueries.details(), id] as const,
      queryFn: ({ signal }) => api<User>(`/users/${id}`, { signal }),
    }),
};

/**
 * Programmes and projects offered as role scopes. Keys sit under the projects area's own prefixes
 * (`['programmes', 'list', …]`) so that creating a programme there refreshes these pickers too.
 */
export const scopeQueries = {
  programmes: () =>
    queryOptions({
      queryKey: ['programmes', 'list', { limit: 500, picker: 'admin' }] as const,
      queryFn: ({ signal }) => api<z.infer<typeof ProgrammePage>>('/programmes', { query: { limit: 500 }, signal }),
      staleTime: 60_000,
    }),
  projects: () =>
    queryOptions({
      queryKey: ['projects', 'list', { limit: 500, picker: 'admin' }] as const,
      queryFn: ({ signal }) => api<z.infer<typeof ProjectPage>>('/projects', { query: { limit: 500 }, signal }),
      staleTime: 60_000,
    }),
};

export const useUserList = (filters: UserFilters, enabled = true) => useQuery({ ...userQueries.list(filters), enabled });
export const useUser = (id: string) => useQuery(userQueries.detail(id));

/** After any change to a user: refresh user views and the log; if it was me, my own roles and name too. */
function useAfterUserChange() {
  const qc = useQueryClient();
  const me = useCurrentUser();
  return (user?: User) => {
    if (user) qc.setQueryData(userQueries.detail(user.id).queryKey, user);
    const waits = [qc.invalidateQueries({ queryKey: userQueries.all }), qc.invalidateQueries({ queryKey: auditQueries.all })];
    if (user?.id === me.id) waits.push(qc.invalidateQueries({ queryKey: sessionQueries.all }));
    return Promise.all(waits);
  };
}

export function useCreateUser() {
  const after = useAfterUserChange();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateUserBody>) => api<User>('/users', { method: 'POST', body }),
    onSuccess: (u) => after(u),
  });
}

export function useUpdateUser(id: string) {
  const after = useAfterUserChange();
  return useMutation({
    mutationFn: (body: z.input<typeof UpdateUserBody>) => api<User>(`/users/${id}`, { method: 'PATCH', body }),
    onSuccess: (u) => after(u),
  });
}

export function useSetDisabled(id: string) {
  const after = useAfterUserChange();
  return useMutation({
    mutationFn: (disabled: boolean) => api<User>(`/users/${id}/disabled`, { method: 'POST', body: { disabled } }),
    onSuccess: (u) => after(u),
  });
}

export function useResetPassword(id: string) {
  const after = useAfterUserChange();
  return useMutation({
    mutationFn: (password: string) => api<{ ok: true }>(`/users/${id}/password`, { method: 'POST', body: { password } }),
    onSuccess: () => after(),
  });
}

export function useAddMembership(id: string) {
  const after = useAfterUserChange();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateMembershipBody>) => api<User>(`/users/${id}/memberships`, { method: 'POST', body }),
    onSuccess: (u) => after(u),
  });
}

export function useRemoveMembership(id: string) {
  const after = useAfterUserChange();
  return useMutation({
    mutationFn: (membershipId: string) => api<User>(`/users/${id}/memberships/${membershipId}`, { method: 'DELETE' }),
    onSuccess: (u) => after(u),
  });
}
