import { describe, expect, it } from 'vitest';
import { countsPeople } from './people-reached.js';

describe('people reached', () => {
  it('counts number indicators whose unit names people, in any interface language', () => {
    for (const unit of ['people', 'Children', 'women farmers', 'personnes déplacées', 'bénéficiaires', 'niñas', 'أطفال', 'residents']) {
      expect(countsPeople({ type: 'number', unit }), unit).toBe(true);
    }
  });

  it('leaves out other units and other indicator types', () => {
    for (const unit of ['households', 'spaces', 'sessions', 'reports', 'USD', '', 'ménages']) expect(countsPeople({ type: 'number', unit }), unit).toBe(false);
    expect(countsPeople({ type: 'percentage', unit: 'children' })).toBe(false);
    expect(countsPeople({ type: 'currency', unit: 'people' })).toBe(false);
  });
});
