import { describe, expect, it } from 'vitest';
import type { Narrative } from '@shared/schemas/index.js';
import { draftsAfterSave, savedSections, sectionsToSave } from './narrative-drafts.js';

const narrative = (section: Narrative['section'], text: string, language: Narrative['language'] = 'fr', resultNodeId: string | null = null): Narrative => ({
  id: `n-${section}-${resultNodeId ?? ''}`,
  section,
  resultNodeId,
  language,
  text,
  updatedAt: '2026-11-20T10:00:00.000Z',
  updatedBy: { id: 'u1', name: 'Aline' },
  translations: [],
});

describe('narrative saves', () => {
  const saved = savedSections([narrative('achievements', 'Cent vingt enfants inscrits.'), narrative('challenges', 'Pluies.'), narrative('lessons', 'Par résultat', 'fr', 'r1')]);

  it('keeps the package-wide sections only', () => {
    expect(Object.keys(saved).sort()).toEqual(['achievements', 'challenges']);
  });

  it('sends nothing when nothing changed, spaces at the ends included', () => {
    expect(sectionsToSave({}, saved, 'fr')).toEqual([]);
    expect(sectionsToSave({ achievements: '  Cent vingt enfants inscrits.\n' }, saved, 'fr')).toEqual([]);
    expect(sectionsToSave({ lessons: '   ' }, saved, 'fr')).toEqual([]);
  });

  it('sends a changed section trimmed, a new one, and an emptied one (which removes it)', () => {
    expect(sectionsToSave({ achievements: 'Cent vingt et un. ', next_steps: 'Likasi', challenges: '' }, saved, 'fr')).toEqual([
      { section: 'achievements', resultNodeId: null, text: 'Cent vingt et un.' },
      { section: 'challenges', resultNodeId: null, text: '' },
      { section: 'next_steps', resultNodeId: null, text: 'Likasi' },
    ]);
  });

  it('sends every written section again when the language changes', () => {
    expect(sectionsToSave({}, saved, 'en').map((s) => s.section)).toEqual(['achievements', 'challenges']);
  });

  it('keeps what was typed while the save was on its way', () => {
    const sent = [{ section: 'achievements' as const, text: 'A' }, { section: 'challenges' as const, text: 'B' }];
    expect(draftsAfterSave({ achievements: 'A ', challenges: 'B and more' }, sent)).toEqual({ challenges: 'B and more' });
  });
});
