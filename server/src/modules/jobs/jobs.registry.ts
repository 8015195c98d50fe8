import type { JobHandler, JobHandlerOptions } from './jobs.types.js';

/**
 * Handlers by job kind. A module registers its kinds at load time (top level of a file its routes
 * import), so every app server and the `run-jobs` command, which load every module, know them all.
 * Runners only claim kinds they have a handler for: a server without a kind leaves its jobs queued.
 */
const handlers = new Map<string, { run: JobHandler; options: JobHandlerOptions }>();

export function registerJobHandler(kind: string, handler: JobHandler, options: JobHandlerOptions = {}): void {
  handlers.set(kind, { run: handler, options });
}

export const handlerOf = (kind: string) => handlers.get(kind);

export const registeredKinds = (): string[] => [...handlers.keys()];
