import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OrganisationLogoInfo,
  ReportTemplate,
  ReportTemplateInput,
  ReportTemplateList,
  ReportTemplateUpdate,
  ReportTemplateVersion,
  ReportTemplateVersionList,
} from '@shared/schemas/report-templates.js';
import { api } from '../../api/client.js';

const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('logo unreadable'));
    reader.readAsDataURL(blob);
  });

/** `['report-templates']` holds lists, templates and their versions; `['organisation-logo', id]` a logo as a data: address. */
export const reportTemplateQueries = {
  all: ['report-templates'] as const,
  list: (includeArchived: boolean) =>
    queryOptions({
      queryKey: [...reportTemplateQueries.all, 'list', { includeArchived }] as const,
      queryFn: ({ signal }) => api<ReportTemplateList>('/report-templates', { query: { includeArchived }, signal }),
    }),
  one: (id: string) =>
    queryOptions({
      queryKey: [...reportTemplateQueries.all, 'one', id] as const,
      queryFn: ({ signal }) => api<ReportTemplate>(`/report-templates/${id}`, { signal }),
      retry: false,
    }),
  versions: (id: string) =>
    queryOptions({
      queryKey: [...reportTemplateQueries.all, 'versions', id] as const,
      queryFn: ({ signal }) => api<ReportTemplateVersionList>(`/report-templates/${id}/versions`, { signal }),
    }),
  version: (id: string, version: number) =>
    queryOptions({
      queryKey: [...reportTemplateQueries.all, 'version', id, version] as const,
      queryFn: ({ signal }) => api<ReportTemplateVersion>(`/report-templates/${id}/versions/${version}`, { signal }),
      // A saved version never changes.
      staleTime: Infinity,
    }),
};

export const useReportTemplates = (includeArchived: boolean) => useQuery(reportTemplateQueries.list(includeArchived));
export const useReportTemplate = (id: string | undefined) => useQuery({ ...reportTemplateQueries.one(id ?? ''), enabled: !!id });
export const useTemplateVersions = (id: string, enabled: boolean) => useQuery({ ...reportTemplateQueries.versions(id), enabled });
export const useTemplateVersion = (id: string, version: number | null) => useQuery({ ...reportTemplateQueries.version(id, version ?? 0), enabled: version !== null });

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: reportTemplateQueries.all });
}

export function useCreateTemplate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ReportTemplateInput) => api<ReportTemplate>('/report-templates', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useSaveTemplate(id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ReportTemplateUpdate) => api<ReportTemplate>(`/report-templates/${id}`, { method: 'PUT', body }),
    onSuccess: (saved) => {
      qc.setQueryData(reportTemplateQueries.one(id).queryKey, saved);
      return invalidate();
    },
  });
}

// ── Organisation logo ───────────────────────────────────────────────────────────────────────

export const logoQueries = {
  one: (organisationId: string) =>
    queryOptions({
      queryKey: ['organisation-logo', organisationId] as const,
      // The image as a data: address for the preview (nothing to revoke); null when the organisation has none.
      queryFn: async ({ signal }): Promise<string | null> => {
        const res = await fetch(`/api/organisations/${organisationId}/logo`, { credentials: 'same-origin', signal });
        if (res.status === 404) return null;
        if (!res.ok) throw new Error(`logo ${res.status}`);
        return dataUrl(await res.blob());
      },
    }),
};

export const useOrganisationLogo = (organisationId: string) => useQuery(logoQueries.one(organisationId));

export function useUploadLogo(organisationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api<OrganisationLogoInfo>(`/organisations/${organisationId}/logo`, { method: 'PUT', file: { data: file, contentType: file.type || 'application/octet-stream' } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: logoQueries.one(organisationId).queryKey }),
  });
}

export function useRemoveLogo(organisationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/organisations/${organisationId}/logo`, { method: 'DELETE' }),
    onSuccess: () => qc.setQueryData(logoQueries.one(organisationId).queryKey, null),
  });
}
