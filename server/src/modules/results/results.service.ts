import type { z } from 'zod';
import type { CreateResultNodeBody, Framework, ResultNode, UpdateFrameworkBody } from '@shared/schemas/index.js';
import type { Ctx } from '../../lib/context.js';
import * as framework from './framework.service.js';

/**
 * One import for callers outside the module (the demo seed, the command line). The work is done in
 * framework.service.ts (framework and result nodes), indicators.service.ts and
 * contributions.service.ts. The framework-level functions here take a project id, as they did
 * before programmes had frameworks; for a programme's framework call framework.service.ts with
 * `{ kind: 'programme', id }`.
 */
export { deleteNode, moveNode, updateNode } from './framework.service.js';
export { createIndicator, deleteIndicator, getIndicator, indicatorHistory, moveIndicator, updateIndicator } from './indicators.service.js';
export { listContributions } from './contributions.service.js';

export const getFramework = (ctx: Ctx, projectId: string): Promise<Framework> => framework.getFramework(ctx, { kind: 'project', id: projectId });

export const updateFramework = (ctx: Ctx, projectId: string, body: z.infer<typeof UpdateFrameworkBody>): Promise<Framework> =>
  framework.updateFramework(ctx, { kind: 'project', id: projectId }, body);

export const createNode = (ctx: Ctx, projectId: string, body: z.infer<typeof CreateResultNodeBody>): Promise<ResultNode> =>
  framework.createNode(ctx, { kind: 'project', id: projectId }, body);
