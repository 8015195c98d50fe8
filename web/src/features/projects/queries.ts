import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Location, Programme, ProgrammePage, Project, ProjectPage, ProjectStatus } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';

export interface ProgrammeFilters {
  q?: string;
  organisationId?: string;
  limit?: number;
  offset?: number;
}

export interface ProjectFilters {
  q?: string;
  programmeId?: string;
  status?: ProjectStatus;
  country?: string;
  organisationId?: string;
  limit?: number;
  offset?: number;
}

/**
 * Query keys nest so that one invalidation reaches every cached view: `['programmes']` covers
 * lists and details, `['programmes', 'list']` every list whatever its filters (the home page's too).
 */
export const programmeQueries = {
  all: ['programmes'] as const,
  lists: () => [...programmeQueries.all, 'list'] as const,
  list: (filters: ProgrammeFilters = {}) =>
    queryOptions({
      queryKey: [...programmeQueries.lists(), filters] as const,
      queryFn: ({ signal }) => api<z.infer<typeof ProgrammePage>>('/programmes', { query: { ...filters }, signal }),
      placeholderData: keepPreviousData,
    }),
  details: () => [...programmeQueries.all, 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...programmeQueries.details(), id] as const,
      queryFn: ({ signal }) => api<Programme>(`/programmes/${id}`, { signal }),
    }),
};

export const projectQueries = {
  all: ['projects'] as const,
  lists: () => [...projectQueries.all, 'list'] as const,
  list: (filters: ProjectFilters = {}) =>
    queryOptions({
      queryKey: [...projectQueries.lists(), filters] as const,
      queryFn: ({ signal }) => api<z.infer<typeof ProjectPage>>('/projects', { query: { ...filters }, signal }),
      placeholderData: keepPreviousData,
    }),
  details: () => [...projectQueries.all, 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...projectQueries.details(), id] as const,
      queryFn: ({ signal }) => api<Project>(`/projects/${id}`, { signal }),
    }),
};

/** Every programme the user can see, for pickers and filters (a portfolio has tens, not thousands). */
export const allProgrammes = () => programmeQueries.list({ limit: 500 });

/** The admin areas and sites of one country, in P-code order (so each area follows its parent). */
export const countryAreasQuery = (countryPcode: string) =>
  queryOptions({
    queryKey: ['locations', 'under-country', countryPcode] as const,
    queryFn: ({ signal }) => api<{ items: Location[] }>('/locations', { query: { countryPcode, limit: 2000 }, signal }),
    select: (data) => data.items.filter((l) => l.level !== 'country'),
    staleTime: 5 * 60_000,
  });

export const useProgrammes = (filters: ProgrammeFilters) => useQuery(programmeQueries.list(filters));
export const useProgramme = (id: string) => useQuery(programmeQueries.detail(id));
export const useProjects = (filters: ProjectFilters, enabled = true) => useQuery({ ...projectQueries.list(filters), enabled });
export const useProject = (id: string) => useQuery(projectQueries.detail(id));

/** Admin areas under each of the given countries, fetched one country at a time and cached per country. */
export function useCountryAreas(countries: readonly string[]) {
  return useQueries({
    queries: countries.map((c) => countryAreasQuery(c)),
    combine: (results) => ({
      byCountry: countries.map((c, i) => ({ country: c, areas: results[i]?.data ?? [] })),
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}
