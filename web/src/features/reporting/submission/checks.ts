import { type CheckCell, type CheckProblem, type CheckSetting, checkConsistency, checkEntries, checkSubmit, type CheckNarrative } from '@shared/domain/submission-checks.js';
import type { Locale } from '@shared/locales.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import type { SubmissionDetail, SubmissionIndicator } from '@shared/schemas/index.js';
import { type CellContent, type CellKey, type IndicatorCells, keyOfCell, parseCellKey } from './grid-model.js';

/**
 * The grid's side of the shared checks (shared/src/domain/submission-checks.ts): the same checks the
 * server runs on a save and on submit, run as the reporter types, with their messages.
 */
export function checkSetting(detail: Pick<SubmissionDetail, 'indicators' | 'locations'>): CheckSetting {
  return { indicators: detail.indicators.map(checkIndicator), locations: detail.locations };
}

const checkIndicator = (i: SubmissionIndicator) => ({ id: i.id, code: i.code, type: i.type, categories: i.categories.map((c) => ({ id: c.id, code: c.code, options: c.options.map((o) => ({ id: o.id, code: o.code })) })) });

export function settingFor(indicator: SubmissionIndicator, locations: SubmissionDetail['locations']): CheckSetting {
  return { indicators: [checkIndicator(indicator)], locations };
}

export interface Formatters {
  locale: Locale;
  number: (n: number) => string;
  /** A narrative section's name in the reader's language. */
  section: (s: string) => string;
}

/** A problem in words: figures formatted the reader's way, a narrative section by its name. */
export function problemMessage(p: Pick<CheckProblem, 'reason' | 'params'>, f: Formatters): string {
  const params = Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? f.number(v) : k === 'section' ? f.section(v) : v]));
  return errorMessage(p.reason, f.locale, params);
}

/** The entry errors of one cell's new content (refused by the server, so not sent while they stand). */
export function entryErrors(setting: CheckSetting, key: CellKey, content: CellContent, f: Formatters): string[] {
  return checkEntries([{ ...parseCellKey(key), ...content }], setting).problems.map((p) => problemMessage(p, f));
}

const asCheckCells = (cells: Record<CellKey, CellContent>): CheckCell[] =>
  Object.entries(cells).map(([key, c]) => ({ ...parseCellKey(key), value: c.value, text: c.text }));

/** Breakdowns of one indicator that do not add up, by the key of the total cell they concern. */
export function consistencyWarnings(indicator: SubmissionIndicator, locations: SubmissionDetail['locations'], cells: IndicatorCells, f: Formatters): Record<CellKey, string[]> {
  const out: Record<CellKey, string[]> = {};
  for (const p of checkConsistency(asCheckCells(cells), settingFor(indicator, locations), 'warning')) {
    if (p.cell) (out[keyOfCell(p.cell, indicator.categories)] ??= []).push(problemMessage(p, f));
  }
  return out;
}

/** What blocks submitting: missing values and narratives, breakdowns that do not add up. */
export function submitProblems(detail: Pick<SubmissionDetail, 'indicators' | 'locations'>, cells: Record<string, IndicatorCells>, narratives: CheckNarrative[]): CheckProblem[] {
  const all = Object.values(cells).flatMap(asCheckCells);
  return checkSubmit(all, narratives, checkSetting(detail));
}
