import { describe, expect, it } from 'vitest';
import type { GeneratedReport } from '@shared/schemas/index.js';
import { inProgress, newestFirst, putInHistory, sameState } from './queries.js';

const report = (id: string, patch: Partial<GeneratedReport> = {}): GeneratedReport => ({
  id,
  scope: { type: 'project', id: '00000000-0000-4000-8000-000000000001' },
  scopeName: 'PROT-ML-01',
  title: `Report ${id}`,
  templateId: '00000000-0000-4000-8000-000000000002',
  templateName: 'USAID quarterly performance report',
  templateVersion: 1,
  agreementId: null,
  agreementNumber: null,
  periodStart: '2026-07-01',
  periodEnd: '2026-09-30',
  language: 'en',
  status: 'running',
  job: { id: `job-${id}`, kind: 'report', status: 'running', progress: 40, progressNote: 'IPTT', error: null, downloadUrl: null, result: null, createdAt: '2026-11-24T06:00:00.000Z', startedAt: '2026-11-24T06:00:01.000Z', finishedAt: null },
  files: [],
  untranslatedCount: 0,
  regeneratedFrom: null,
  createdByName: 'Fatoumata Coulibaly',
  createdAt: '2026-11-24T06:00:00.000Z',
  finishedAt: null,
  ...patch,
});

describe('report history cache', () => {
  it('replaces a report in place and adds a new one at the top', () => {
    const list = { items: [report('a'), report('b')] };
    const done = report('b', { status: 'done' });
    expect(putInHistory(list, done)?.items.map((r) => [r.id, r.status])).toEqual([
      ['a', 'running'],
      ['b', 'done'],
    ]);
    expect(putInHistory(list, report('c'))?.items.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(putInHistory(undefined, report('c'))).toBeUndefined();
  });

  it('tells a moved job from the same answer asked again', () => {
    const a = report('a');
    expect(sameState(a, report('a'))).toBe(true);
    expect(sameState(a, report('a', { job: { ...a.job!, progress: 60 } }))).toBe(false);
    expect(sameState(a, report('a', { status: 'done', finishedAt: '2026-11-24T06:00:09.000Z' }))).toBe(false);
  });

  it('orders newest first and knows which reports are still being made', () => {
    const older = report('old', { createdAt: '2026-10-01T08:00:00.000Z' });
    expect(newestFirst([older, report('new')]).map((r) => r.id)).toEqual(['new', 'old']);
    expect([report('q', { status: 'queued' }), report('r'), report('d', { status: 'done' }), report('f', { status: 'failed' })].map(inProgress)).toEqual([true, true, false, false]);
  });
});
