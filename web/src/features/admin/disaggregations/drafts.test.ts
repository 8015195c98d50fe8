import { describe, expect, it } from 'vitest';
import type { DisaggregationCategory } from '@shared/schemas/index.js';
import { draftOf, optionsBody } from './drafts.js';

const age: DisaggregationCategory = {
  id: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-000000000002',
  code: 'age',
  name: 'Age',
  names: { fr: 'Âge' },
  kind: 'age',
  position: 1,
  usedBy: 3,
  updatedAt: '2026-11-23T00:00:00Z',
  options: [
    { id: '00000000-0000-4000-8000-00000000000b', code: '18+', label: '18 and over', labels: {}, position: 1, minAge: 18, maxAge: null },
    { id: '00000000-0000-4000-8000-00000000000a', code: '0-17', label: 'Children', labels: { fr: 'Enfants', ar: ' ' }, position: 0, minAge: 0, maxAge: 17 },
  ],
};

describe('category drafts', () => {
  it('lists options by position and sends existing ones back with their id, so their targets stay', () => {
    const body = optionsBody(draftOf(age).options, true);
    expect(body).toEqual([
      { id: '00000000-0000-4000-8000-00000000000a', code: '0-17', label: 'Children', labels: { fr: 'Enfants' }, minAge: 0, maxAge: 17 },
      { id: '00000000-0000-4000-8000-00000000000b', code: '18+', label: '18 and over', labels: {}, minAge: 18, maxAge: null },
    ]);
  });

  it('sends no ages for a category that is not age bands, and no id for a new option', () => {
    const draft = draftOf(null);
    draft.options[0] = { ...draft.options[0]!, code: ' f ', label: 'Female', minAge: 4 };
    expect(optionsBody(draft.options, false)[0]).toEqual({ code: 'f', label: 'Female', labels: {}, minAge: null, maxAge: null });
  });

  it('starts a new category with two empty options, the fewest that split anything', () => {
    expect(draftOf(null).options).toHaveLength(2);
  });
});
