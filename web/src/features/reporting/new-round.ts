import { ROUND_PERIOD_TYPES, type CreateRoundInput } from '@shared/schemas/index.js';
import type { RoundOptions } from './queries.js';

export type RoundPeriodType = (typeof ROUND_PERIOD_TYPES)[number];

/** The new-round form: organisations keyed by id, each with the locations it reports for. */
export interface NewRoundForm {
  periodType: RoundPeriodType;
  periodKey: string | null;
  dueDate: string;
  title: string;
  reporters: Record<string, { checked: boolean; locationIds: string[] }>;
  /** Null: every indicator of the framework (the server's default), so indicators added later are not missed by accident. */
  indicatorIds: string[] | null;
}

/** Days after a period ends that a round is due by default: two weeks is what partners are usually given. */
export const DEFAULT_DAYS_TO_REPORT = 15;

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The periods of a type, newest first is not what people pick from: in calendar order, as the server lists them. */
export const periodsOfType = (options: RoundOptions, type: RoundPeriodType) => options.periods.filter((p) => p.type === type);

/**
 * The period to suggest: the first free one after the latest round of that type (rounds follow each
 * other); without any round yet, the latest free one that has ended by `today` (reporting looks back),
 * else the first free one; null when every period of the type has a round.
 */
export function suggestPeriod(options: RoundOptions, type: RoundPeriodType, today: string): string | null {
  const periods = periodsOfType(options, type);
  const lastTaken = periods.findLastIndex((p) => p.taken);
  if (lastTaken >= 0) {
    const next = periods.slice(lastTaken + 1).find((p) => !p.taken);
    if (next) return next.key;
  }
  const free = periods.filter((p) => !p.taken);
  const ended = free.filter((p) => p.end < today);
  return (ended.at(-1) ?? free[0])?.key ?? null;
}

/** The type to open the form on: quarter when it has a free period (the usual rhythm), else the first type that has one. */
export function suggestType(options: RoundOptions): RoundPeriodType {
  const hasFree = (type: RoundPeriodType) => periodsOfType(options, type).some((p) => !p.taken);
  return hasFree('quarter') ? 'quarter' : (ROUND_PERIOD_TYPES.find(hasFree) ?? 'quarter');
}

/** Two weeks after the period ends, or two weeks from today when that is already past (a late round still needs a real deadline). */
export function suggestDueDate(periodEnd: string, today: string): string {
  const due = addDays(periodEnd, DEFAULT_DAYS_TO_REPORT);
  return due > today ? due : addDays(today, DEFAULT_DAYS_TO_REPORT - 1);
}

/** Donors fund, they do not report: every other organisation of the project reports for every location by default. */
export function initialForm(options: RoundOptions, today: string): NewRoundForm {
  const periodType = suggestType(options);
  const periodKey = suggestPeriod(options, periodType, today);
  const period = options.periods.find((p) => p.type === periodType && p.key === periodKey);
  const allLocations = options.locations.map((l) => l.id);
  const reporters: NewRoundForm['reporters'] = {};
  for (const o of options.organisations) {
    const onlyDonor = o.roles.length > 0 && o.roles.every((r) => r === 'donor');
    reporters[o.id] = { checked: !onlyDonor, locationIds: allLocations };
  }
  return { periodType, periodKey, dueDate: period ? suggestDueDate(period.end, today) : '', title: '', reporters, indicatorIds: null };
}

/** The request body, organisations in the order the server listed them (errors name `reporters.<index>`). */
export function createBody(form: NewRoundForm, options: RoundOptions): CreateRoundInput {
  const reporters = options.organisations
    .filter((o) => form.reporters[o.id]?.checked)
    .map((o) => ({ organisationId: o.id, locationIds: form.reporters[o.id]?.locationIds ?? [] }));
  return {
    periodType: form.periodType,
    periodKey: form.periodKey ?? '',
    dueDate: form.dueDate,
    title: form.title,
    ...(form.indicatorIds ? { indicatorIds: form.indicatorIds } : {}),
    reporters,
  };
}
