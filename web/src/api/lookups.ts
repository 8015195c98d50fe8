import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CodelistResponse, Location, OrganisationPage } from '@shared/schemas/index.js';
import { api } from './client.js';
import { currentLocale } from '../i18n/index.js';

/**
 * Reference data many pages need in pickers. Cached for the session; keys include the language
 * where the server answers in it (codelists).
 */
export const lookupQueries = {
  organisations: () => ({
    queryKey: ['organisations', 'lookup'] as const,
    queryFn: () => api<z.infer<typeof OrganisationPage>>('/organisations', { query: { limit: 1000 } }),
    staleTime: 5 * 60_000,
  }),
  countries: () => ({
    queryKey: ['locations', 'countries'] as const,
    queryFn: () => api<{ items: Location[] }>('/locations', { query: { level: 'country' } }),
    staleTime: 5 * 60_000,
  }),
  codelist: (name: 'sectors' | 'currencies' | 'organisation-types' | 'activity-statuses', lang = currentLocale()) => ({
    queryKey: ['codelists', name, lang] as const,
    queryFn: () => api<z.infer<typeof CodelistResponse>>(`/codelists/${name}`, { query: { lang } }),
    staleTime: 60 * 60_000,
  }),
};

export const useOrganisations = () => useQuery(lookupQueries.organisations());
export const useCountries = () => useQuery(lookupQueries.countries());
export const useCodelist = (name: Parameters<typeof lookupQueries.codelist>[0]) => useQuery(lookupQueries.codelist(name));
