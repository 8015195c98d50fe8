import { describe, expect, it } from 'vitest';
import { treeOrder } from './submissions.service.js';

describe('treeOrder', () => {
  it('reads the framework top to bottom: each result, then the results below it, by position', () => {
    // 1 ─┬ 1.1 ─┬ 1.1.1
    //    │      └ 1.1.2
    //    ├ 1.2 ── 1.2.1
    //    └ 1.3      (rows given shuffled, positions out of insertion order)
    const nodes = [
      { id: '1.3', parent_id: '1', position: 2 },
      { id: '1.2.1', parent_id: '1.2', position: 0 },
      { id: '1.1.2', parent_id: '1.1', position: 1 },
      { id: '1', parent_id: null, position: 0 },
      { id: '1.2', parent_id: '1', position: 1 },
      { id: '1.1.1', parent_id: '1.1', position: 0 },
      { id: '1.1', parent_id: '1', position: 0 },
    ];
    const order = treeOrder(nodes);
    expect([...order.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id)).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '1.2.1', '1.3']);
  });
});
