import type { NarrativeSection } from '@shared/domain/submission-status.js';
import { isLocale, type Locale } from '@shared/locales.js';
import type { Database } from '../../db/database.js';
import { localized } from '../analytics/iptt.scope.js';
import { textHash } from '../reporting/narratives.view.js';
import type { ReportBlock } from './document.types.js';
import type { Loaded, Passage } from './assembly.context.js';
import * as repo from './assembly.repository.js';

/**
 * Narratives of the approved packages of the period. A passage written in another language than
 * the report's is printed in its approved translation (a reviewed one, made from the text as it
 * stands now); without one it is printed as written, marked untranslated and counted.
 */
export async function loadPassages(
  db: Database,
  scope: { projectIds: string[]; ownOrganisation: Map<string, string | null> },
  period: { start: string; end: string },
  language: Locale,
): Promise<Passage[]> {
  const rows = (await repo.approvedNarratives(db, scope.projectIds, period.start, period.end)).filter((n) => {
    // A reader limited to their own organisation's figures gets their own organisation's words too.
    const own = scope.ownOrganisation.get(n.project_id);
    return n.text.trim() !== '' && (own === null || own === undefined || own === n.organisation_id);
  });
  const foreign = rows.filter((n) => n.language !== language);
  const translations = new Map((await repo.reviewedTranslations(db, foreign.map((n) => n.id), language)).map((t) => [t.narrative_id, t]));
  return rows.map((n): Passage => {
    const t = n.language === language ? undefined : translations.get(n.id);
    const current = t && t.source_hash === textHash(n.text);
    const original: Locale = isLocale(n.language) ? n.language : 'en';
    return {
      id: n.id,
      submissionId: n.submission_id,
      section: n.section as NarrativeSection,
      projectId: n.project_id,
      resultNodeId: n.result_node_id,
      nodeCode: n.node_code,
      nodeTitle: n.node_title === null ? null : localized(n.node_title, n.node_titles_json ?? '{}', language),
      organisation: n.organisation_acronym ?? n.organisation_name,
      periodKey: n.period_key,
      language: current ? language : original,
      text: current ? t.text : n.text,
      translated: !!current,
      untranslated: !current && n.language !== language,
    };
  });
}

const byCode = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', undefined, { numeric: true });

/** A passage with the line that says where it comes from: organisation, period, and what kind of text it is. */
function passageBlocks(l: Loaded, p: Passage, withSection: boolean, extra: string[] = []): ReportBlock[] {
  const source = [...extra, p.organisation, p.periodKey, ...(withSection ? [l.T.narratives.sections[p.section]] : [])].join(' · ');
  return [
    { type: 'paragraph', text: source, style: 'note' },
    p.untranslated ? { type: 'paragraph', text: p.text, style: 'untranslated', language: p.language } : { type: 'paragraph', text: p.text },
  ];
}

/** Passages grouped by result: the package's overall text first, then results in code order. */
function byResult(l: Loaded, passages: Passage[], level: 2 | 3): ReportBlock[] {
  const groups = new Map<string, Passage[]>();
  for (const p of [...passages].sort((a, b) => Number(a.resultNodeId !== null) - Number(b.resultNodeId !== null) || byCode(a.nodeCode, b.nodeCode))) {
    const key = p.resultNodeId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].flatMap((group) => {
    const first = group[0]!;
    const heading = first.resultNodeId ? `${first.nodeCode ?? ''} ${first.nodeTitle ?? ''}`.trim() : l.T.narratives.overall;
    return [{ type: 'heading', level, text: heading } as ReportBlock, ...group.flatMap((p) => passageBlocks(l, p, true))];
  });
}

/** Progress by result: achievements and next steps, per project first in a consolidated report. */
export function narrativeByResult(l: Loaded): ReportBlock[] {
  const passages = l.passages.filter((p) => p.section === 'achievements' || p.section === 'next_steps');
  if (!passages.length) return [{ type: 'paragraph', text: l.T.narratives.none, style: 'note' }];
  if (!l.consolidated) return byResult(l, passages, 2);
  return [...l.projects.entries()].flatMap(([id, project]) => {
    const own = passages.filter((p) => p.projectId === id);
    return own.length ? [{ type: 'heading', level: 2, text: `${project.code} — ${project.title}` } as ReportBlock, ...byResult(l, own, 3)] : [];
  });
}

/** Challenges, then lessons learned; absent when the period has neither. */
export function risksAndLessons(l: Loaded): ReportBlock[] | null {
  const blocks: ReportBlock[] = [];
  for (const [section, heading] of [['challenges', l.T.risks.challenges], ['lessons', l.T.risks.lessons]] as const) {
    const passages = l.passages.filter((p) => p.section === section);
    if (!passages.length) continue;
    blocks.push({ type: 'heading', level: 2, text: heading });
    for (const p of passages) {
      const where = [...(l.consolidated ? [l.projects.get(p.projectId)?.code ?? ''] : []), ...(p.nodeCode ? [p.nodeCode] : [])];
      blocks.push(...passageBlocks(l, p, false, where));
    }
  }
  return blocks.length ? blocks : null;
}
