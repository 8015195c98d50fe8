import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Iptt } from '@shared/schemas/monitoring.js';
import { api } from '../../../api/client.js';

type IpttApiQuery = Record<string, string>;

/** The IPTT under `['monitoring', 'iptt', query]`; never considered fresh, so an approval shows on the next visit. */
export const ipttQueries = {
  all: ['monitoring', 'iptt'] as const,
  table: (query: IpttApiQuery) =>
    queryOptions({
      queryKey: [...ipttQueries.all, query] as const,
      queryFn: ({ signal }) => api<Iptt>('/iptt', { query, signal }),
      staleTime: 0,
    }),
};

/**
 * While a changed filter loads, the previous table of the SAME scope stays on screen (dimmed), so
 * the controls do not jump; another project's table is never shown in its place.
 */
export const useIptt = (query: IpttApiQuery, enabled = true) =>
  useQuery({
    ...ipttQueries.table(query),
    enabled,
    placeholderData: (previous) => (previous && previous.scope === query.scope && previous.scopeId === query.id ? previous : undefined),
  });
