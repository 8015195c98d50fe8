import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  batchChanges,
  confirm,
  emptyQueue,
  enqueue,
  failureKind,
  type KeyValueStorage,
  loadQueue,
  newBatchId,
  nextBatch,
  overlay,
  problemsByCell,
  refuse,
  storageKey,
  storeQueue,
  unsentCount,
} from './autosave-queue.js';
import { type CellContent, cellKey } from './grid-model.js';

const v = (value: number | null, comment = ''): CellContent => ({ value, numerator: null, denominator: null, text: null, comment });
const A = cellKey('ind1', 'loc1', '');
const B = cellKey('ind1', 'loc1', 'f');
const C = cellKey('ind2', null, '');

function ids() {
  let n = 0;
  return () => `batch-${++n}`;
}

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, val) => void data.set(k, val), removeItem: (k) => void data.delete(k) };
}

describe('autosave queue', () => {
  it('keeps only the last edit of a cell and sends every pending edit as one batch', () => {
    let s = enqueue(emptyQueue(), A, v(1));
    s = enqueue(s, A, v(12));
    s = enqueue(s, B, v(5));
    const { state, batch } = nextBatch(s, ids());
    expect(batch).toEqual({ id: 'batch-1', changes: { [A]: v(12), [B]: v(5) } });
    expect(state.pending).toEqual({});
    expect(unsentCount(state)).toBe(2);
  });

  it('resends the batch in flight with the same id until the server confirms it', () => {
    const next = ids();
    const first = nextBatch(enqueue(emptyQueue(), A, v(1)), next);
    // Typed while the first save was on its way: waits for the next batch.
    const typed = enqueue(first.state, C, v(3));
    const retry = nextBatch(typed, next);
    expect(retry.batch?.id).toBe('batch-1');
    expect(retry.batch?.changes).toEqual({ [A]: v(1) });
    const confirmed = confirm(retry.state, 'batch-1');
    expect(confirmed.inflight).toBeNull();
    const second = nextBatch(confirmed, next);
    expect(second.batch).toEqual({ id: 'batch-2', changes: { [C]: v(3) } });
    expect(nextBatch(confirm(second.state, 'batch-2'), next).batch).toBeNull();
  });

  it('ignores a confirmation for another batch', () => {
    const { state } = nextBatch(enqueue(emptyQueue(), A, v(1)), ids());
    expect(confirm(state, 'other')).toBe(state);
  });

  it('shows the newest content of a cell over the server values: pending over in flight over rejected', () => {
    let s = nextBatch(enqueue(emptyQueue(), A, v(1)), ids()).state;
    s = enqueue(s, A, v(2));
    expect(overlay(s)[A]).toEqual(v(2));
    expect(unsentCount(s)).toBe(1);
  });

  it('keeps refused cells aside and puts the rest of the batch back to be sent again', () => {
    let s = enqueue(emptyQueue(), A, v(-1));
    s = enqueue(s, B, v(4));
    s = enqueue(s, C, v(7));
    const sent = nextBatch(s, ids());
    // C was changed again while the batch was on its way: the newer edit stays pending.
    const typed = enqueue(sent.state, C, v(8));
    const refused = refuse(typed, 'batch-1', new Set([A]));
    expect(refused.rejected).toEqual({ [A]: v(-1) });
    expect(refused.pending).toEqual({ [C]: v(8), [B]: v(4) });
    expect(refused.inflight).toBeNull();
    // A rejected cell is sent again only once it is changed.
    expect(Object.keys(nextBatch(refused, ids()).batch!.changes).sort()).toEqual([B, C].sort());
    const fixed = enqueue(refused, A, v(1));
    expect(fixed.rejected).toEqual({});
    expect(fixed.pending[A]).toEqual(v(1));
  });

  it('lists the changes in a stable order and places the server problems on them', () => {
    const { batch } = nextBatch(enqueue(enqueue(emptyQueue(), A, v(1, 'note')), B, v(2)), ids());
    const { changes, order } = batchChanges(batch!);
    expect(order).toEqual([A, B]);
    expect(changes[0]).toEqual({ indicatorId: 'ind1', locationId: 'loc1', optionIds: [], value: 1, numerator: null, denominator: null, text: null, comment: 'note' });
    expect(changes[1]!.optionIds).toEqual(['f']);
    const placed = problemsByCell(
      [
        { field: 'body.changes.1.value', message: 'Must be at least 0.' },
        { field: 'changes.1.comment', message: 'Too long.' },
        { field: 'changes', message: 'Too many.' },
        { message: 'Something else.' },
      ],
      order,
    );
    expect(placed.byCell).toEqual({ [B]: ['Must be at least 0.', 'Too long.'] });
    expect(placed.other).toEqual(['Too many.', 'Something else.']);
  });

  it('retries when there is no answer or the server fails, and stops on refusals', () => {
    expect([0, 500, 502, 503, 504, 429, 408].map(failureKind)).toEqual(Array(7).fill('retry'));
    expect(failureKind(400)).toBe('refused');
    expect([401, 403, 404, 409].map(failureKind)).toEqual(['stop', 'stop', 'stop', 'stop']);
  });

  it('waits longer after each failed try, up to 30 seconds and a fifth more', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, () => 0))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoffDelay(2, () => 1)).toBe(4800);
  });

  it('keeps the queue on the device until the server has it all, and restores it', () => {
    const storage = memoryStorage();
    let s = enqueue(emptyQueue(), A, v(1));
    s = nextBatch(s, ids()).state;
    s = enqueue(s, B, v(2));
    storeQueue(storage, 'sub1', s);
    expect(storage.data.has(storageKey('sub1'))).toBe(true);
    const restored = loadQueue(storage, 'sub1');
    expect(restored).toEqual(s);
    // The restored batch in flight is retried under its own id.
    expect(nextBatch(restored, () => 'new').batch?.id).toBe('batch-1');
    expect(loadQueue(storage, 'sub2')).toEqual(emptyQueue());
    storeQueue(storage, 'sub1', emptyQueue());
    expect(storage.data.size).toBe(0);
  });

  it('drops what it cannot read rather than sending it', () => {
    const storage = memoryStorage();
    storage.setItem(storageKey('x'), '{not json');
    expect(loadQueue(storage, 'x')).toEqual(emptyQueue());
    storage.setItem(storageKey('x'), JSON.stringify({ format: 99, pending: { [A]: v(1) } }));
    expect(loadQueue(storage, 'x')).toEqual(emptyQueue());
    storage.setItem(storageKey('x'), JSON.stringify({ format: 1, pending: { [A]: v(1), [B]: { value: 'seven' } }, inflight: null, rejected: {} }));
    expect(loadQueue(storage, 'x').pending).toEqual({ [A]: v(1) });
  });

  it('carries on when the device storage refuses to store', () => {
    const full: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    expect(() => storeQueue(full, 's', enqueue(emptyQueue(), A, v(1)))).not.toThrow();
    expect(loadQueue(full, 's')).toEqual(emptyQueue());
  });

  it('makes version 4 UUIDs', () => {
    const a = newBatchId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newBatchId()).not.toBe(a);
  });
});
