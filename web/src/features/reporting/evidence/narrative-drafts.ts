import { NARRATIVE_SECTIONS, type NarrativeSection } from '@shared/domain/submission-status.js';
import type { Locale } from '@shared/locales.js';
import type { Narrative } from '@shared/schemas/index.js';

/** What the reporter typed and has not saved yet, by section (a section absent here shows its saved text). */
export type Drafts = Partial<Record<NarrativeSection, string>>;

/** The package-wide sections (not those of one result), by section. */
export function savedSections(items: readonly Narrative[]): Partial<Record<NarrativeSection, Narrative>> {
  const out: Partial<Record<NarrativeSection, Narrative>> = {};
  for (const n of items) if (n.resultNodeId === null) out[n.section] = n;
  return out;
}

/** The server trims what it stores, so spaces at either end are not a change. */
const same = (a: string, b: string) => a.trim() === b.trim();

export function currentText(section: NarrativeSection, drafts: Drafts, saved: Partial<Record<NarrativeSection, Narrative>>): string {
  return drafts[section] ?? saved[section]?.text ?? '';
}

/**
 * The sections a save sends: those whose text differs from the saved one, or, when the language
 * changed, every section that has text or had some (they are all written in that language).
 * An empty text removes a saved section.
 */
export function sectionsToSave(
  drafts: Drafts,
  saved: Partial<Record<NarrativeSection, Narrative>>,
  language: Locale,
): { section: NarrativeSection; resultNodeId: null; text: string }[] {
  return NARRATIVE_SECTIONS.filter((s) => {
    const text = currentText(s, drafts, saved);
    const before = saved[s];
    if (!before) return text.trim() !== '';
    return !same(text, before.text) || (before.language !== language && text.trim() !== '');
  }).map((s) => ({ section: s, resultNodeId: null, text: currentText(s, drafts, saved).trim() }));
}

/** After a save, the drafts still worth keeping: those typed while it was on its way. */
export function draftsAfterSave(drafts: Drafts, sent: readonly { section: NarrativeSection; text: string }[]): Drafts {
  const out: Drafts = { ...drafts };
  for (const s of sent) if (out[s.section] !== undefined && same(out[s.section]!, s.text)) delete out[s.section];
  return out;
}
