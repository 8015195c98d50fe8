import { describe, expect, it } from 'vitest';
import type { LibraryIndicator } from '@shared/schemas/index.js';
import { changedFields, initialForm } from './library-form.js';

const entry: LibraryIndicator = {
  id: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-000000000002',
  organisationName: 'Sahel Action Initiative',
  code: 'PRO-01',
  name: 'People reached with protection services',
  names: { fr: 'Personnes atteintes par les services de protection' },
  definition: '',
  definitions: {},
  unit: 'people',
  type: 'number',
  direction: 'increase',
  timeAggregation: 'sum',
  locationAggregation: 'sum',
  cumulative: false,
  meansOfVerification: '',
  dataSource: '',
  collectionMethod: '',
  frequency: 'quarter',
  source: 'Global Protection Cluster',
  categoryIds: [],
  archived: false,
  adoptedCount: 2,
  updatedAt: '2026-11-23T00:00:00Z',
};

describe('library form', () => {
  it('sends only the fields that changed', () => {
    const form = { ...initialForm(entry), source: 'GPC 2025', names: { fr: 'Personnes atteintes par les services de protection', es: ' ' } };
    expect(changedFields(form, entry)).toEqual({ source: 'GPC 2025' });
  });

  it('sends nothing when nothing changed', () => {
    expect(changedFields(initialForm(entry), entry)).toEqual({});
  });
});
