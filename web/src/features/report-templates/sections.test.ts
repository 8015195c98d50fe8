import { describe, expect, it } from 'vitest';
import type { ReportSection } from '@shared/schemas/report-templates.js';
import { addSection, moveSection, newSectionKey, removeSection, sameDraft, translationCount, translationPatch, updateSection } from './sections.js';

const s = (key: string, kind: ReportSection['kind'] = 'fixed_text'): ReportSection => ({ key, kind, title: key, enabled: true, text: '' });

describe('template sections', () => {
  it('moves a section one place up or down, and not past either end', () => {
    const list = [s('a'), s('b'), s('c')];
    expect(moveSection(list, 1, -1).map((x) => x.key)).toEqual(['b', 'a', 'c']);
    expect(moveSection(list, 1, 1).map((x) => x.key)).toEqual(['a', 'c', 'b']);
    expect(moveSection(list, 0, -1).map((x) => x.key)).toEqual(['a', 'b', 'c']);
    expect(moveSection(list, 2, 1).map((x) => x.key)).toEqual(['a', 'b', 'c']);
    expect(list.map((x) => x.key)).toEqual(['a', 'b', 'c']);
  });

  it('gives a new section a key of its kind that the template does not use yet', () => {
    expect(newSectionKey('people_reached', [])).toBe('people-reached');
    expect(newSectionKey('iptt', [s('iptt', 'iptt'), s('iptt-2', 'iptt')])).toBe('iptt-3');
    const added = addSection([s('cover', 'cover')], 'fixed_text', 'Visibility');
    expect(added.at(-1)).toEqual({ key: 'fixed-text', kind: 'fixed_text', title: 'Visibility', enabled: true, text: '' });
  });

  it('renames, switches, removes by key and tells an unchanged draft from a changed one', () => {
    const list = [s('a'), s('b')];
    const changed = updateSection(list, 'b', { title: 'Beneficiaries', enabled: false });
    expect(changed[1]).toMatchObject({ key: 'b', title: 'Beneficiaries', enabled: false });
    expect(removeSection(changed, 'a').map((x) => x.key)).toEqual(['b']);
    const draft = { name: 'EU', description: '', sections: list };
    expect(sameDraft(draft, { ...draft, sections: [...list] })).toBe(true);
    expect(sameDraft(draft, { ...draft, sections: changed })).toBe(false);
  });

  it('sets and clears a title or text in one language, dropping emptied translations so an untouched section saves as before', () => {
    const base = s('summary', 'executive_summary');
    const french = updateSection([base], 'summary', translationPatch(base, 'titles', 'fr', 'Résumé analytique'))[0]!;
    expect(french.titles).toEqual({ fr: 'Résumé analytique' });
    const both = { ...french, ...translationPatch(french, 'texts', 'ar', 'يغطي هذا التقرير') };
    expect(translationCount(both)).toBe(2);
    const cleared = { ...both, ...translationPatch(both, 'titles', 'fr', '  '), ...translationPatch(both, 'texts', 'ar', '') };
    expect(cleared.titles).toBeUndefined();
    expect(cleared.texts).toBeUndefined();
    expect(translationCount(cleared)).toBe(0);
    expect(sameDraft({ name: 'x', description: '', sections: [base] }, { name: 'x', description: '', sections: [JSON.parse(JSON.stringify(cleared)) as ReportSection] })).toBe(true);
  });
});
