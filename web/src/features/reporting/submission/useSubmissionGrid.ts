import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '@shared/schemas/index.js';
import { currentLocale } from '../../../i18n/index.js';
import { formatNumber } from '../../../lib/format.js';
import { useCurrentUser } from '../../auth/session.js';
import { reportingQueries } from '../queries.js';
import { checkSetting, entryErrors, type Formatters } from './checks.js';
import { type CellContent, type CellKey, cellsByIndicator, effectiveCells, type IndicatorCells, parseCellKey, withFilledCount, withSavedValues } from './grid-model.js';
import { useAutosave } from './useAutosave.js';

/** Splits cell-keyed problems by indicator, so a block only renders again when its own problems change. */
function byIndicator(problems: Record<CellKey, string[]>): Record<string, Record<CellKey, string[]>> {
  const out: Record<string, Record<CellKey, string[]>> = {};
  for (const [key, list] of Object.entries(problems)) (out[parseCellKey(key).indicatorId] ??= {})[key] = list;
  return out;
}

/**
 * The grid's state: the server's values with the reporter's edits on top, each edit checked with the
 * shared entry checks (a cell that fails them is kept on the device and marked, not sent) and saved by
 * the autosave queue; saved values go into the cached package without asking the server again.
 */
export function useSubmissionGrid(detail: SubmissionDetail) {
  const { t } = useTranslation('submission');
  const qc = useQueryClient();
  const user = useCurrentUser();
  const submissionId = detail.submission.id;
  const key = reportingQueries.submission(submissionId).queryKey;

  const autosave = useAutosave({
    submissionId,
    enabled: detail.canEdit,
    onSaved: (saved, result) => qc.setQueryData<SubmissionDetail>(key, (d) => (d ? withFilledCount(withSavedValues(d, saved, result.updatedAt, { id: user.id, name: user.name })) : d)),
  });

  const base = useMemo(() => cellsByIndicator(detail.values, detail.indicators), [detail.values, detail.indicators]);
  // Derived from the previous render's result, so untouched indicators keep their maps (React's "state from the previous render" pattern).
  const [merged, setMerged] = useState(() => ({ from: { base, edits: autosave.edits }, ...effectiveCells(base, autosave.edits, null) }));
  let current = merged;
  if (merged.from.base !== base || merged.from.edits !== autosave.edits) {
    current = { from: { base, edits: autosave.edits }, ...effectiveCells(base, autosave.edits, merged) };
    setMerged(current);
  }
  const cells = current.result;
  const cellsRef = useRef<Record<string, IndicatorCells>>(cells);
  useEffect(() => {
    cellsRef.current = cells;
  }, [cells]);

  const setting = useMemo(() => checkSetting(detail), [detail.indicators, detail.locations]); // eslint-disable-line react-hooks/exhaustive-deps
  const formatters: Formatters = useMemo(
    () => ({ locale: currentLocale(), number: (n) => formatNumber(n, { maximumFractionDigits: 4 }), section: (s) => t(`sections.${s}`, { defaultValue: s }) }),
    [t],
  );

  // Cells held back on an earlier visit: still failing the checks, they are marked; else they are sent now.
  const [clientErrors, setClientErrors] = useState<Record<CellKey, string[]>>(() => {
    const out: Record<CellKey, string[]> = {};
    for (const [cell, content] of Object.entries(autosave.initial.rejected)) {
      const problems = entryErrors(setting, cell, content, formatters);
      if (problems.length) out[cell] = problems;
    }
    return out;
  });
  useEffect(() => {
    if (!detail.canEdit) return;
    for (const [cell, content] of Object.entries(autosave.initial.rejected)) if (!(cell in clientErrors)) autosave.edit(cell, content);
    // Once, for what the device kept.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [badText, setBadText] = useState<Record<CellKey, true>>({});

  const onChange = useCallback(
    (cell: CellKey, content: CellContent) => {
      const problems = entryErrors(setting, cell, content, formatters);
      setClientErrors((e) => {
        if (problems.length) return { ...e, [cell]: problems };
        if (!(cell in e)) return e;
        const { [cell]: _, ...rest } = e;
        return rest;
      });
      if (problems.length) autosave.hold(cell, content);
      else autosave.edit(cell, content);
    },
    [setting, formatters, autosave.hold, autosave.edit], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const onBadText = useCallback((cell: CellKey, bad: boolean) => {
    setBadText((b) => {
      if (bad === cell in b) return b;
      if (bad) return { ...b, [cell]: true };
      const { [cell]: _, ...rest } = b;
      return rest;
    });
  }, []);

  const errors = useMemo(() => {
    const merged: Record<CellKey, string[]> = { ...autosave.serverErrors };
    for (const [k, list] of Object.entries(clientErrors)) merged[k] = [...(merged[k] ?? []), ...list];
    return merged;
  }, [clientErrors, autosave.serverErrors]);
  const errorsByIndicator = useMemo(() => byIndicator(errors), [errors]);

  return { cells, cellsRef, errors, errorsByIndicator, badTextCount: Object.keys(badText).length, onChange, onBadText, autosave, formatters };
}
