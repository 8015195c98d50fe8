import type { ValueChange } from '@shared/schemas/index.js';
import { type CellContent, type CellKey, toChange } from './grid-model.js';

/**
 * The edits waiting to reach the server, kept apart from React so the rules can be tested.
 *
 * - `pending`: typed, not sent yet; the next save takes all of them as one batch.
 * - `inflight`: the batch sent and not yet confirmed. It keeps its id (the `Idempotency-Key`) until
 *   the server answers, so a retry after a dropped connection is the same request and acts once.
 * - `rejected`: cells the server refused (400): kept as typed, with their problems, and not sent again
 *   until the reporter changes them.
 *
 * The whole state is kept on the device (localStorage) until the server confirms, so nothing typed is
 * lost when the connection or the browser goes.
 */
export interface Batch {
  id: string;
  changes: Record<CellKey, CellContent>;
}

export interface QueueState {
  pending: Record<CellKey, CellContent>;
  inflight: Batch | null;
  rejected: Record<CellKey, CellContent>;
}

export const emptyQueue = (): QueueState => ({ pending: {}, inflight: null, rejected: {} });

export function enqueue(state: QueueState, key: CellKey, content: CellContent): QueueState {
  const { [key]: _, ...rejected } = state.rejected;
  return { ...state, pending: { ...state.pending, [key]: content }, rejected };
}

/**
 * The batch to send now: the one already in flight (a retry, same id), else every pending edit under
 * a new id. Null when there is nothing to send.
 */
export function nextBatch(state: QueueState, newId: () => string): { state: QueueState; batch: Batch | null } {
  if (state.inflight) return { state, batch: state.inflight };
  if (Object.keys(state.pending).length === 0) return { state, batch: null };
  const batch = { id: newId(), changes: state.pending };
  return { state: { ...state, pending: {}, inflight: batch }, batch };
}

/** The server saved the batch. */
export function confirm(state: QueueState, batchId: string): QueueState {
  return state.inflight?.id === batchId ? { ...state, inflight: null } : state;
}

/**
 * The server refused the batch (400) and saved none of it: the cells it named keep their content as
 * rejected, the others go back to pending to be sent again with the next batch (an edit typed since
 * then wins).
 */
export function refuse(state: QueueState, batchId: string, badKeys: ReadonlySet<CellKey>): QueueState {
  if (state.inflight?.id !== batchId) return state;
  const pending = { ...state.pending };
  const rejected = { ...state.rejected };
  for (const [key, content] of Object.entries(state.inflight.changes)) {
    if (key in pending) continue;
    if (badKeys.has(key)) rejected[key] = content;
    else pending[key] = content;
  }
  return { pending, inflight: null, rejected };
}

/** What the grid shows over the server's values: rejected, then in flight, then pending (the newest wins). */
export function overlay(state: QueueState): Record<CellKey, CellContent> {
  return { ...state.rejected, ...state.inflight?.changes, ...state.pending };
}

/** Cells whose content the server does not have yet. */
export function unsentCount(state: QueueState): number {
  return Object.keys(overlay(state)).length;
}

export const isIdle = (state: QueueState) => !state.inflight && Object.keys(state.pending).length === 0;

/** The batch as the request body's changes, in a stable order (the order the server's `changes.N` problems refer to). */
export function batchChanges(batch: Batch): { changes: ValueChange[]; order: CellKey[] } {
  const order = Object.keys(batch.changes);
  return { changes: order.map((k) => toChange(k, batch.changes[k]!)), order };
}

/**
 * The server's problems placed on cells: `changes.3.numerator` (after the `body.` prefix) is about the
 * fourth change sent. Problems that name no change come back as `other`.
 */
export function problemsByCell(details: { field?: string; message: string }[], order: CellKey[]) {
  const byCell: Record<CellKey, string[]> = {};
  const other: string[] = [];
  for (const d of details) {
    const m = /^(?:body\.)?changes\.(\d+)(\.|$)/.exec(d.field ?? '');
    const key = m ? order[Number(m[1])] : undefined;
    if (key === undefined) other.push(d.message);
    else (byCell[key] ??= []).push(d.message);
  }
  return { byCell, other };
}

/** What to do after a failed save. */
export type FailureKind = 'retry' | 'refused' | 'stop';

/** No answer, a server or gateway failure, or too many requests: try again. 400: the cells are wrong. Anything else: stop and say so. */
export function failureKind(status: number): FailureKind {
  if (status === 0 || status >= 500 || status === 429 || status === 408) return 'retry';
  if (status === 400) return 'refused';
  return 'stop';
}

/** Waits between retries: 1 s, 2 s, 4 s… up to 30 s, with up to a fifth added at random so many clients do not retry at once. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
  return Math.round(base + base * 0.2 * random());
}

// ── Kept on the device ───────────────────────────────────────────────────────────────────

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const FORMAT = 1;
export const storageKey = (submissionId: string) => `fieldbook.submission-queue.${submissionId}`;

/** Saves the queue; an empty queue removes the entry. A full or blocked storage is not a reason to stop saving to the server. */
export function storeQueue(storage: KeyValueStorage, submissionId: string, state: QueueState): void {
  try {
    if (isIdle(state) && Object.keys(state.rejected).length === 0) storage.removeItem(storageKey(submissionId));
    else storage.setItem(storageKey(submissionId), JSON.stringify({ format: FORMAT, ...state }));
  } catch {
    /* private mode or quota: the edits still go to the server */
  }
}

const isNumberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
const isContent = (c: unknown): c is CellContent => {
  if (!c || typeof c !== 'object') return false;
  const o = c as Record<string, unknown>;
  return isNumberOrNull(o.value) && isNumberOrNull(o.numerator) && isNumberOrNull(o.denominator) && (o.text === null || typeof o.text === 'string') && typeof o.comment === 'string';
};
const contents = (v: unknown): Record<CellKey, CellContent> => {
  if (!v || typeof v !== 'object') return {};
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, CellContent] => isContent(e[1])));
};

/** The queue left on the device by an earlier visit; anything unreadable is dropped rather than sent. */
export function loadQueue(storage: KeyValueStorage, submissionId: string): QueueState {
  let raw: string | null = null;
  try {
    raw = storage.getItem(storageKey(submissionId));
  } catch {
    return emptyQueue();
  }
  if (!raw) return emptyQueue();
  try {
    const o = JSON.parse(raw) as { format?: unknown; pending?: unknown; inflight?: { id?: unknown; changes?: unknown } | null; rejected?: unknown };
    if (o.format !== FORMAT) return emptyQueue();
    const inflight = o.inflight && typeof o.inflight.id === 'string' ? { id: o.inflight.id, changes: contents(o.inflight.changes) } : null;
    return { pending: contents(o.pending), inflight: inflight && Object.keys(inflight.changes).length ? inflight : null, rejected: contents(o.rejected) };
  } catch {
    return emptyQueue();
  }
}

/** A UUID v4 for the `Idempotency-Key`; `crypto.randomUUID` exists only on HTTPS and localhost, field servers are often plain HTTP. */
export function newBatchId(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
