import type { CheckProblem } from '@shared/domain/submission-checks.js';
import type { SubmissionDetail } from '@shared/schemas/index.js';
import { type CellKey, keyOfCell } from './grid-model.js';

/** A problem as the submit dialog lists it: where it is (a cell or a narrative section) and what it says. */
export interface PlacedProblem {
  message: string;
  severity: 'error' | 'warning';
  cell: CellKey | null;
  section: string | null;
  /** "CODE · Place" for a cell. */
  where: string | null;
  /** Position of the indicator in the package, for sorting (sections last). */
  order: number;
}

type Setting = Pick<SubmissionDetail, 'indicators' | 'locations'>;

function describe(setting: Setting, indicatorId: string, locationId: string | null, wholeProject: string) {
  const i = setting.indicators.findIndex((x) => x.id === indicatorId);
  const place = locationId === null ? wholeProject : (setting.locations.find((l) => l.id === locationId)?.name ?? locationId);
  return { order: i < 0 ? Number.MAX_SAFE_INTEGER - 1 : i, where: `${setting.indicators[i]?.code ?? '?'} · ${place}` };
}

/** The shared checks' problems, placed. */
export function placeCheckProblems(setting: Setting, problems: CheckProblem[], message: (p: CheckProblem) => string, wholeProject: string): PlacedProblem[] {
  const categories = new Map(setting.indicators.map((i) => [i.id, i.categories]));
  return sortProblems(
    problems.map((p) => {
      if (!p.cell) return { message: message(p), severity: p.severity, cell: null, section: p.section, where: null, order: Number.MAX_SAFE_INTEGER };
      const d = describe(setting, p.cell.indicatorId, p.cell.locationId, wholeProject);
      return { message: message(p), severity: p.severity, cell: keyOfCell(p.cell, categories.get(p.cell.indicatorId)), section: null, ...d };
    }),
  );
}

/**
 * The server's problems (a refused submit), placed from their params: the checks name the indicator by
 * code and the place by P-code ("—" for the project as a whole), and a narrative by its section.
 */
export function placeServerDetails(setting: Setting, details: { message: string; params?: Record<string, string | number> }[], wholeProject: string): PlacedProblem[] {
  return sortProblems(
    details.map((d) => {
      const code = d.params?.indicator;
      const pcode = d.params?.location;
      const section = typeof d.params?.section === 'string' ? d.params.section : null;
      const indicator = setting.indicators.find((i) => i.code === code);
      const location = pcode === '—' || pcode === undefined ? null : setting.locations.find((l) => l.pcode === pcode);
      if (indicator && location !== undefined) {
        const locationId = location?.id ?? null;
        return { message: d.message, severity: 'error' as const, cell: keyOfCell({ indicatorId: indicator.id, locationId, optionIds: [] }, indicator.categories), section: null, ...describe(setting, indicator.id, locationId, wholeProject) };
      }
      return { message: d.message, severity: 'error' as const, cell: null, section, where: null, order: Number.MAX_SAFE_INTEGER };
    }),
  );
}

const sortProblems = (list: PlacedProblem[]) => list.map((p, i) => ({ p, i })).sort((a, b) => a.p.order - b.p.order || a.i - b.i).map(({ p }) => p);
