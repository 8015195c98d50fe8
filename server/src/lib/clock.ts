/** The current time as ISO-8601 UTC. Isolated so tests can reason about timestamps. */
export const nowIso = (): string => new Date().toISOString();

export const addMs = (iso: string, ms: number): string => new Date(new Date(iso).getTime() + ms).toISOString();

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
