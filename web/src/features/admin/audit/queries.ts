import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditPage } from '@shared/schemas/index.js';
import { api } from '../../../api/client.js';

export interface AuditFilters {
  action?: string;
  entityType?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
}

/** `['audit']` covers every page of the log; admin mutations invalidate it so new entries show up. */
export const auditQueries = {
  all: ['audit'] as const,
  lists: () => [...auditQueries.all, 'list'] as const,
  list: (filters: AuditFilters, limit: number, offset: number) =>
    queryOptions({
      queryKey: [...auditQueries.lists(), filters, limit, offset] as const,
      queryFn: ({ signal }) => api<z.infer<typeof AuditPage>>('/audit', { query: { ...filters, limit, offset }, signal }),
      placeholderData: keepPreviousData,
    }),
};

export const useAuditEntries = (filters: AuditFilters, limit: number, offset: number) => useQuery(auditQueries.list(filters, limit, offset));
