import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveValuesResult } from '@shared/schemas/index.js';
import type { z } from 'zod';
import { api, ApiError } from '../../../api/client.js';
import {
  backoffDelay,
  batchChanges,
  confirm,
  emptyQueue,
  enqueue,
  failureKind,
  isIdle,
  loadQueue,
  newBatchId,
  nextBatch,
  overlay,
  problemsByCell,
  type QueueState,
  refuse,
  storeQueue,
  unsentCount,
} from './autosave-queue.js';
import type { CellContent, CellKey } from './grid-model.js';

export type SaveResult = z.infer<typeof SaveValuesResult>;

/** After this long without typing, the edits are sent. */
const IDLE_MS = 1_000;

export interface AutosaveStatus {
  /** idle: nothing unsent; waiting: typed, about to be sent; saving: on its way; offline: retrying after a failure; stopped: the server refused to take more. */
  state: 'idle' | 'waiting' | 'saving' | 'offline' | 'stopped';
  unsent: number;
  savedAt: string | null;
  /** The failure that stopped saving (403, 409…), or the last one while retrying. */
  error: ApiError | null;
}

/**
 * Saves grid edits as the reporter types: queued, sent after a second of quiet (or when the page is
 * hidden or left) as one PUT with an `Idempotency-Key`, kept in localStorage until confirmed, retried
 * with backoff when the connection fails. `onSaved` receives what the server confirmed.
 */
export function useAutosave({ submissionId, enabled, onSaved }: { submissionId: string; enabled: boolean; onSaved: (saved: Record<CellKey, CellContent>, result: SaveResult) => void }) {
  // What an earlier visit left on this device (the page is keyed by submission, so this runs once per package).
  const [initial] = useState<QueueState>(() => (typeof localStorage === 'undefined' ? emptyQueue() : loadQueue(localStorage, submissionId)));
  const queue = useRef<QueueState>(initial);
  const [edits, setEdits] = useState<Record<CellKey, CellContent>>(() => overlay(initial));
  const [status, setStatus] = useState<AutosaveStatus>(() => ({ state: isIdle(initial) ? 'idle' : 'waiting', unsent: unsentCount(initial), savedAt: null, error: null }));
  /** Server problems by cell for refused cells (400); cleared when the cell changes. */
  const [serverErrors, setServerErrors] = useState<Record<CellKey, string[]>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sending = useRef(false);
  const attempt = useRef(0);
  const stopped = useRef(false);
  const onSavedRef = useRef(onSaved);
  const flushRef = useRef<() => Promise<void>>(async () => {});
  useEffect(() => {
    onSavedRef.current = onSaved;
  });

  const publish = useCallback(
    (next: QueueState, patch: Partial<AutosaveStatus> = {}) => {
      queue.current = next;
      storeQueue(localStorage, submissionId, next);
      setEdits(overlay(next));
      setStatus((s) => ({ ...s, unsent: unsentCount(next), ...patch }));
    },
    [submissionId],
  );

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), ms);
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    if (!enabled || sending.current || stopped.current) return;
    if (timer.current) clearTimeout(timer.current);
    const { state, batch } = nextBatch(queue.current, newBatchId);
    if (!batch) return;
    publish(state, { state: 'saving' });
    sending.current = true;
    const { changes, order } = batchChanges(batch);
    try {
      const result = await api<SaveResult>(`/submissions/${submissionId}/values`, { method: 'PUT', body: { changes }, headers: { 'Idempotency-Key': batch.id } });
      sending.current = false;
      attempt.current = 0;
      onSavedRef.current(batch.changes, result);
      const next = confirm(queue.current, batch.id);
      publish(next, { state: isIdle(next) ? 'idle' : 'waiting', savedAt: result.updatedAt, error: null });
      if (!isIdle(next)) await flushRef.current();
      return;
    } catch (err) {
      sending.current = false;
      const e = err instanceof ApiError ? err : new ApiError(0, 'network_error', '');
      const kind = failureKind(e.status);
      if (kind === 'retry') {
        publish(queue.current, { state: 'offline', error: e });
        schedule(backoffDelay(attempt.current++));
      } else if (kind === 'refused') {
        const placed = problemsByCell(e.details, order);
        const onCells = Object.keys(placed.byCell).length > 0;
        // Nothing placed on a cell: hold the whole batch, with the message, rather than send it again and again.
        const byCell = onCells ? placed.byCell : Object.fromEntries(order.map((k) => [k, placed.other.length ? placed.other : [e.message]]));
        setServerErrors((s) => ({ ...s, ...byCell }));
        setOtherErrors(onCells ? placed.other : []);
        const next = refuse(queue.current, batch.id, new Set(Object.keys(byCell)));
        publish(next, { state: isIdle(next) ? 'idle' : 'waiting', error: null });
        if (!isIdle(next)) schedule(IDLE_MS);
      } else {
        stopped.current = true;
        publish(queue.current, { state: 'stopped', error: e });
      }
    }
  }, [enabled, publish, schedule, submissionId]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  /** A cell changed: queue it and send after a second of quiet. */
  const edit = useCallback(
    (key: CellKey, content: CellContent) => {
      setServerErrors((s) => {
        if (!(key in s)) return s;
        const { [key]: _, ...rest } = s;
        return rest;
      });
      publish(enqueue(queue.current, key, content), stopped.current ? {} : { state: sending.current ? 'saving' : 'waiting' });
      if (!sending.current && !stopped.current) schedule(IDLE_MS);
    },
    [publish, schedule],
  );

  /** A cell holds content that must not be sent yet (it fails the entry checks): kept on the device, shown, not queued. */
  const hold = useCallback(
    (key: CellKey, content: CellContent) => {
      const q = queue.current;
      const { [key]: _, ...pending } = q.pending;
      publish({ ...q, pending, rejected: { ...q.rejected, [key]: content } });
    },
    [publish],
  );

  /** Forget every edit not yet saved (after the package stopped being editable). */
  const discard = useCallback(() => {
    stopped.current = false;
    setServerErrors({});
    setOtherErrors([]);
    publish(emptyQueue(), { state: 'idle', error: null });
  }, [publish]);

  /** Try again now (after a failure the reporter can retry by hand). */
  const retryNow = useCallback(() => {
    stopped.current = false;
    attempt.current = 0;
    void flush();
  }, [flush]);

  /**
   * Sends what is queued and waits for the answer (before submitting). True when the server has every
   * change; false when it cannot get them now (offline, refused).
   */
  const settle = useCallback(async (): Promise<boolean> => {
    for (let i = 0; i < 50; i++) {
      if (isIdle(queue.current)) return true;
      if (stopped.current || attempt.current > 0) return false;
      if (sending.current) await new Promise((r) => setTimeout(r, 100));
      else await flush();
    }
    return isIdle(queue.current);
  }, [flush]);

  /** The queue as it is now, for event handlers. */
  const getQueue = useCallback(() => queue.current, []);

  // Edits restored from an earlier visit go out as soon as the page can save.
  useEffect(() => {
    if (enabled && !isIdle(queue.current)) void flush();
  }, [enabled, flush]);

  // Hidden, left or closed: send now rather than after the quiet second.
  useEffect(() => {
    const now = () => void flush();
    const onHidden = () => document.visibilityState === 'hidden' && now();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', now);
    window.addEventListener('blur', now);
    // Back online: no need to wait for the next retry.
    window.addEventListener('online', now);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', now);
      window.removeEventListener('blur', now);
      window.removeEventListener('online', now);
    };
  }, [flush]);

  // Leaving the page: whatever is queued is sent (and stays on the device until confirmed either way).
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      void flush();
    },
    [flush],
  );

  return { edits, status, serverErrors, otherErrors, initial, edit, hold, flush, settle, discard, retryNow, getQueue };
}
