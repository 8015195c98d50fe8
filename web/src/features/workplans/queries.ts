import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActivityInput,
  CreateWorkPlanInput,
  ImportWorkPlanBody,
  ImportWorkPlanResultT,
  PlannedActivity,
  ProgressInput,
  UpdateActivityInput,
  WorkPlan,
  WorkPlanList,
} from '@shared/schemas/workplans.js';
import { api } from '../../api/client.js';

/**
 * Query keys: `['workplans']` covers a project's list of plans and every plan, so one invalidation
 * after any change (an activity, its progress, an approval, an import) refreshes the Gantt, the
 * list and the year tabs' overdue counts together.
 */
export const workPlanQueries = {
  all: ['workplans'] as const,
  list: (projectId: string) =>
    queryOptions({
      queryKey: [...workPlanQueries.all, 'project', projectId] as const,
      queryFn: ({ signal }) => api<WorkPlanList>(`/projects/${projectId}/work-plans`, { signal }),
    }),
  detail: (planId: string) =>
    queryOptions({
      queryKey: [...workPlanQueries.all, 'plan', planId] as const,
      queryFn: ({ signal }) => api<WorkPlan>(`/work-plans/${planId}`, { signal }),
    }),
};

export const useWorkPlans = (projectId: string) => useQuery(workPlanQueries.list(projectId));
export const useWorkPlan = (planId: string | null) => useQuery({ ...workPlanQueries.detail(planId ?? ''), enabled: !!planId });

/** Paths of the plan's workbook, for the Excel menu. */
export const workPlanFiles = (planId: string, year: number) => ({
  export: { path: `/work-plans/${planId}/export.xlsx`, name: `work-plan-${year}.xlsx` },
});

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: workPlanQueries.all });
}

export function useCreateWorkPlan(projectId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateWorkPlanInput) => api<WorkPlan>(`/projects/${projectId}/work-plans`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useApproveWorkPlan(planId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (version: number) => api<WorkPlan>(`/work-plans/${planId}/approve`, { method: 'POST', body: { version } }),
    onSuccess: refresh,
  });
}

/** Creates an activity (no id) or changes one (with its version). */
export function useSaveActivity(planId: string, activityId: string | null) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ActivityInput | UpdateActivityInput) =>
      activityId
        ? api<PlannedActivity>(`/planned-activities/${activityId}`, { method: 'PUT', body })
        : api<PlannedActivity>(`/work-plans/${planId}/activities`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateProgress(activityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ProgressInput) => api<PlannedActivity>(`/planned-activities/${activityId}/progress`, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

export function useDeleteActivity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api<void>(`/planned-activities/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: refresh,
  });
}

/** Checks (dryRun) or imports a work-plan workbook; an import refreshes every plan view. */
export function useImportWorkPlan(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ImportWorkPlanBody>) => api<ImportWorkPlanResultT>(`/work-plans/${planId}/import`, { method: 'POST', body }),
    onSuccess: async (r) => {
      if (!r.dryRun) await qc.invalidateQueries({ queryKey: workPlanQueries.all });
    },
  });
}
