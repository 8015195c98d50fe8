import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportFrameworkBody, ImportFrameworkResultT } from '@shared/schemas/index.js';
import { api } from '../../api/client.js';
import { auditQueries } from '../admin/audit/queries.js';
import { resultsQueries } from '../results/queries.js';

/** Checks (dryRun) or applies a framework workbook; an applied import refreshes every framework view and indicator. */
export function useImportFramework(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ImportFrameworkBody>) =>
      api<ImportFrameworkResultT>(`/projects/${projectId}/framework/import`, { method: 'POST', body }),
    onSuccess: async (result) => {
      if (!result.dryRun)
        await Promise.all([
          qc.invalidateQueries({ queryKey: resultsQueries.all }),
          qc.invalidateQueries({ queryKey: ['library'] }),
          qc.invalidateQueries({ queryKey: auditQueries.all }),
        ]);
    },
  });
}
