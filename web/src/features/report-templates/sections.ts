import type { Locale } from '@shared/locales.js';
import { REPORT_SECTION_KINDS, type ReportSection, type ReportSectionKind } from '@shared/schemas/report-templates.js';

/**
 * The editor's section list as plain functions (tested on their own): moving, adding and removing
 * keep each section's key, so a renamed or moved section stays the same section across versions.
 */
export const SECTION_KINDS: readonly ReportSectionKind[] = REPORT_SECTION_KINDS;

/** A key for a new section of this kind, unused in the template: `iptt`, then `iptt-2`, `iptt-3`… */
export function newSectionKey(kind: ReportSectionKind, sections: readonly ReportSection[]): string {
  const base = kind.replace(/_/g, '-');
  const used = new Set(sections.map((s) => s.key));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The list with the section at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveSection<T>(sections: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= sections.length || target < 0 || target >= sections.length) return [...sections];
  const next = [...sections];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function addSection(sections: readonly ReportSection[], kind: ReportSectionKind, title: string): ReportSection[] {
  return [...sections, { key: newSectionKey(kind, sections), kind, title, enabled: true, text: '' }];
}

export const removeSection = (sections: readonly ReportSection[], key: string): ReportSection[] => sections.filter((s) => s.key !== key);

export const updateSection = (sections: readonly ReportSection[], key: string, patch: Partial<Omit<ReportSection, 'key' | 'kind'>>): ReportSection[] =>
  sections.map((s) => (s.key === key ? { ...s, ...patch } : s));

/**
 * The patch that sets a section's title or fixed text in one language. An emptied translation is
 * dropped (and the map with it when it was the last), so an untouched section saves exactly as before.
 */
export function translationPatch(section: ReportSection, field: 'titles' | 'texts', locale: Locale, value: string): Partial<ReportSection> {
  const next = { ...section[field] };
  if (value.trim() === '') delete next[locale];
  else next[locale] = value;
  return { [field]: Object.keys(next).length ? next : undefined };
}

/** How many languages a section has a translated title or text for. */
export const translationCount = (section: ReportSection): number => new Set([...Object.keys(section.titles ?? {}), ...Object.keys(section.texts ?? {})]).size;

/** What the editor holds; compared with the saved template to know whether there is anything to save. */
export interface TemplateDraft {
  name: string;
  description: string;
  sections: ReportSection[];
}

export const sameDraft = (a: TemplateDraft, b: TemplateDraft) => JSON.stringify(a) === JSON.stringify(b);
