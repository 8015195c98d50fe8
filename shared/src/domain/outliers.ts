/**
 * Values far from their history (issue 4): each total of a submission is compared with the same
 * cell's approved values of earlier rounds (same project, indicator, place and breakdown). Flags go
 * to the reviewer and never block.
 *
 * - beyond 3 SD: more than three standard deviations (sample, n − 1) from the history's mean; needs
 *   at least three earlier values that are not all equal;
 * - more than double / less than half of last period's value; skipped when there is no last value or it is 0 or less.
 */

export type OutlierReason = 'beyond_3sd' | 'more_than_double' | 'less_than_half';

export interface Outlier {
  reason: OutlierReason;
  value: number;
  /** The history's mean (beyond_3sd) or last period's value. */
  reference: number;
}

export const MIN_HISTORY_FOR_SD = 3;

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

/** The flags of a value against its approved history, oldest period first. */
export function outliersOf(value: number, history: readonly number[]): Outlier[] {
  const flags: Outlier[] = [];
  if (history.length >= MIN_HISTORY_FOR_SD) {
    const m = mean(history);
    const sd = sampleSd(history);
    if (sd > 0 && Math.abs(value - m) > 3 * sd) flags.push({ reason: 'beyond_3sd', value, reference: m });
  }
  const last = history.at(-1);
  if (last !== undefined && last > 0) {
    if (value > 2 * last) flags.push({ reason: 'more_than_double', value, reference: last });
    else if (value < last / 2) flags.push({ reason: 'less_than_half', value, reference: last });
  }
  return flags;
}
