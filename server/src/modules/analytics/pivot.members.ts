import type { Locale } from '@shared/locales.js';
import type { PivotDimension, PivotMember } from '@shared/schemas/monitoring.js';
import type { Database } from '../../db/database.js';
import type { Collected, MemberBook, RankedMember } from './pivot.assemble.js';
import { PIVOT_TEXTS, periodLabel } from './pivot.labels.js';
import { dimensionId, NONE } from './pivot.plan.js';
import * as repo from './pivot.repository.js';

/**
 * Names and order of the members that have data, in the reader's language. Order: indicators and
 * results by code, projects and programmes by code, places and organisations by name, periods by
 * time, options by their position; the `none` member always last.
 */

/** Names the pivot already knows from its indicators (no query needed). */
export interface OwnerNames {
  indicators: Map<string, { code: string; name: string }>;
  resultNodes: Map<string, { code: string; title: string }>;
  projects: Map<string, { code: string; title: string }>;
  programmes: Map<string, { code: string; name: string }>;
}

/** A name in the reader's language from a `{ "fr": … }` JSON column, else the stored one. */
export const translated = (json: string, locale: Locale, fallback: string): string => {
  const names = JSON.parse(json) as Record<string, string | undefined>;
  return names[locale] || fallback;
};

interface Candidate {
  member: PivotMember;
  /** Compared first (numbers), then `text` with the reader's collation. */
  order: number;
  text: string;
}

function rank(candidates: Candidate[], locale: Locale): Map<string, RankedMember> {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sorted = [...candidates].sort(
    (a, b) => (a.member.key === NONE ? 1 : 0) - (b.member.key === NONE ? 1 : 0) || a.order - b.order || collator.compare(a.text, b.text) || (a.member.key < b.member.key ? -1 : 1),
  );
  return new Map(sorted.map((c, i) => [c.member.key, { member: c.member, rank: i }]));
}

const noneCandidate = (label: string): Candidate => ({ member: { key: NONE, label, code: null }, order: 0, text: '' });

export async function memberBook(db: Database, dims: readonly PivotDimension[], collected: Collected, owners: OwnerNames, locale: Locale): Promise<MemberBook> {
  const t = PIVOT_TEXTS[locale];
  const book: MemberBook = new Map();
  for (const d of dims) {
    const id = dimensionId(d);
    const keys = [...(collected.keys.get(id) ?? [])];
    const real = keys.filter((k) => k !== NONE);
    const none = keys.length !== real.length;
    let candidates: Candidate[];
    switch (d.type) {
      case 'indicator':
        candidates = real.map((k) => {
          const i = owners.indicators.get(k);
          return { member: { key: k, label: i ? `${i.code} ${i.name}` : k, code: i?.code ?? null }, order: 0, text: `${i?.code ?? ''}\u0000${i?.name ?? ''}` };
        });
        break;
      case 'resultNode':
        candidates = real.map((k) => {
          const n = owners.resultNodes.get(k);
          return { member: { key: k, label: n ? `${n.code} ${n.title}` : k, code: n?.code ?? null }, order: 0, text: n?.code ?? '' };
        });
        break;
      case 'project':
        candidates = real.map((k) => {
          const p = owners.projects.get(k);
          return { member: { key: k, label: p?.title ?? k, code: p?.code ?? null }, order: 0, text: p?.code ?? '' };
        });
        if (none) candidates.push(noneCandidate(t.none.project));
        break;
      case 'programme':
        candidates = real.map((k) => {
          const p = owners.programmes.get(k);
          return { member: { key: k, label: p?.name ?? k, code: p?.code ?? null }, order: 0, text: p?.code ?? '' };
        });
        break;
      case 'organisation': {
        const rows = await repo.organisationsByIds(db, real);
        candidates = rows.map((o) => ({ member: { key: o.id, label: o.name, code: o.acronym }, order: 0, text: o.name }));
        if (none) candidates.push(noneCandidate(t.none.organisation));
        break;
      }
      case 'location': {
        const rows = await repo.locationsByIds(db, real);
        candidates = rows.map((l) => {
          const label = translated(l.names_json, locale, l.name);
          return { member: { key: l.id, label, code: l.pcode }, order: 0, text: label };
        });
        if (none) candidates.push(noneCandidate(t.none.location));
        break;
      }
      case 'period':
        // By first day as a number (20260401): every granularity and fiscal year orders by time.
        candidates = real.map((k) => ({
          member: { key: k, label: periodLabel(k, locale), code: null },
          order: Number((collected.periodStarts.get(k) ?? '').replaceAll('-', '')),
          text: k,
        }));
        break;
      case 'category': {
        const rows = await repo.optionsOfCategories(db, [d.categoryId]);
        const present = new Set(real);
        candidates = rows
          .filter((o) => present.has(o.id))
          .map((o) => ({ member: { key: o.id, label: translated(o.labels_json, locale, o.label), code: o.code }, order: o.position, text: '' }));
        if (none) candidates.push(noneCandidate(t.none.category));
        break;
      }
    }
    book.set(id, rank(candidates, locale));
  }
  return book;
}
