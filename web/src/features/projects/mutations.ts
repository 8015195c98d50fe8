import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateProgrammeBody, CreateProjectBody, Programme, Project, UpdateProgrammeBody, UpdateProjectBody } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';
import { programmeQueries, projectQueries } from './queries.js';

export function useCreateProgramme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateProgrammeBody>) => api<Programme>('/programmes', { method: 'POST', body }),
    onSuccess: (programme) => {
      qc.setQueryData(programmeQueries.detail(programme.id).queryKey, programme);
      return qc.invalidateQueries({ queryKey: programmeQueries.lists() });
    },
  });
}

export function useUpdateProgramme(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof UpdateProgrammeBody>) => api<Programme>(`/programmes/${id}`, { method: 'PATCH', body }),
    onSuccess: (programme) => {
      qc.setQueryData(programmeQueries.detail(id).queryKey, programme);
      // Project rows and details carry the programme's name.
      return Promise.all([qc.invalidateQueries({ queryKey: programmeQueries.lists() }), qc.invalidateQueries({ queryKey: projectQueries.all })]);
    },
  });
}

export function useCreateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateProjectBody>) => api<Project>('/projects', { method: 'POST', body }),
    onSuccess: (project) => {
      qc.setQueryData(projectQueries.detail(project.id).queryKey, project);
      // Programmes count their projects.
      return Promise.all([qc.invalidateQueries({ queryKey: projectQueries.lists() }), qc.invalidateQueries({ queryKey: programmeQueries.all })]);
    },
  });
}

export function useUpdateProject(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof UpdateProjectBody>) => api<Project>(`/projects/${id}`, { method: 'PATCH', body }),
    onSuccess: (project) => {
      qc.setQueryData(projectQueries.detail(id).queryKey, project);
      // A project may have moved to another programme, which changes both programmes' counts.
      return Promise.all([qc.invalidateQueries({ queryKey: projectQueries.lists() }), qc.invalidateQueries({ queryKey: programmeQueries.all })]);
    },
  });
}
