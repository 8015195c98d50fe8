import { Readable } from 'node:stream';
import type { z } from 'zod';
import type { AggregationRules } from '@shared/domain/aggregation.js';
import type { LocationLevel } from '@shared/schemas/locations.js';
import type { FourWQuery } from '@shared/schemas/open-data.js';
import type { Ctx } from '../../lib/context.js';
import { visibleProjectIds } from '../access/visibility.repository.js';
import { factScopes } from '../analytics/analytics-access.js';
import { aggregateFacts } from '../analytics/engine.js';
import { translated } from '../analytics/pivot.members.js';
import { codelist } from '../codelists/codelists.service.js';
import { loadVisibleProgramme } from '../programmes/programmes.service.js';
import { FOUR_W_HASHTAGS, fourWColumns, type FourWRecord } from './fourw.columns.js';
import * as repo from './fourw.repository.js';
import { peopleReachedIndicator } from './people-reached.js';
import { PlaceBook } from './places.js';
import { valuesCsvStream } from './values.files.js';
import { safeName } from './values.service.js';

type Query = z.infer<typeof FourWQuery>;

/**
 * The 4W table (who does what, where, when) of the projects the reader can see, one row per project
 * and place: the project's places (admin 1, admin 2 or deeper, with their ancestors), or one row per
 * country for a project without places. People targeted and reached come from the project's
 * people-reached indicator (people-reached.ts): the life-of-project target set for that place (or
 * the indicator's own when the project has a single row), and the approved actual over the whole
 * project for that place from the aggregation engine, with the reader's fact scopes (so a partner
 * sees its own organisation's figures, as in the IPTT). Pending values never appear here.
 */
export async function fourWCsv(ctx: Ctx, q: Query): Promise<{ filename: string; stream: Readable }> {
  if (q.programmeId) await loadVisibleProgramme(ctx, q.programmeId);
  const records = await fourWRecords(ctx, q);
  const columns = fourWColumns(ctx.locale);
  const rows = records.map((r) => columns.map((c) => (r[c.key] === '' ? null : r[c.key])));
  const labels = { sheet: '4W', headings: columns.map((c) => c.heading), hashtags: columns.map((c) => FOUR_W_HASHTAGS[c.key]) };
  const scope = q.programmeId ? 'programme' : q.country ? safeName(q.country) : 'all';
  return {
    filename: `fieldbook-4w-${scope}-${new Date().toISOString().slice(0, 10)}.hxl.csv`,
    stream: valuesCsvStream(Readable.from(rows), labels, true),
  };
}

export async function fourWRecords(ctx: Ctx, q: Query): Promise<FourWRecord[]> {
  const visible = await visibleProjectIds(ctx.db, ctx.actor);
  const projects = await repo.projectsFor(ctx.db, { visible, programmeId: q.programmeId, country: q.country });
  if (!projects.length) return [];
  const ids = projects.map((p) => p.id);
  const [organisations, sectors, countries, places, indicators] = await Promise.all([
    repo.organisationsOf(ctx.db, ids),
    repo.sectorsOf(ctx.db, ids),
    repo.countriesOf(ctx.db, ids),
    repo.placesOf(ctx.db, ids),
    repo.indicatorsOf(ctx.db, ids),
  ]);
  const book = new PlaceBook(ctx.db, ctx.locale);
  await book.load(places.map((p) => p.id));
  const countryRows = await repo.countryPlaces(ctx.db, [...new Set(countries.map((c) => c.country_code))]);
  const countryName = new Map(countryRows.map((c) => [c.pcode, translated(c.names_json, ctx.locale, c.name)]));
  const sectorName = new Map(codelist('sectors', ctx.locale).map((s) => [s.code, s.name]));
  const statusName = new Map(codelist('activity-statuses', ctx.locale).map((s) => [s.code, s.name]));

  const people = new Map<string, (typeof indicators)[number]>();
  for (const p of projects) {
    const own = indicators.filter((i) => i.project_id === p.id);
    const pick = peopleReachedIndicator(own.map((i) => ({ ...i, names: [i.name, ...Object.values(JSON.parse(i.names_json) as Record<string, string>)] })));
    if (pick) people.set(p.id, own.find((i) => i.id === pick.id)!);
  }
  const reached = await reachedByPlace(ctx, projects, places, [...people.values()]);
  const targets = await repo.placeTargetsOf(ctx.db, [...people.values()].map((i) => i.id));

  const out: FourWRecord[] = [];
  for (const p of projects) {
    const of = (role: string) => organisations.filter((o) => o.project_id === p.id && o.role === role);
    const lead = of('lead')[0];
    const codes = sectors.filter((s) => s.project_id === p.id).map((s) => s.sector_code);
    const indicator = people.get(p.id);
    const base = {
      leadOrganisation: lead?.name ?? '',
      leadOrganisationCode: lead?.iati_identifier ?? '',
      implementing: of('implementing').map((o) => o.name).join('; '),
      donor: of('donor').map((o) => o.name).join('; '),
      sectorCode: codes.join('; '),
      sectorName: codes.map((c) => sectorName.get(c) ?? c).join('; '),
      projectCode: p.code,
      projectTitle: p.title,
      statusCode: p.status,
      status: statusName.get(p.status) ?? p.status,
      start: p.start_date,
      end: p.end_date,
      peopleIndicator: indicator?.code ?? '',
    };
    const inCountry = countries.filter((c) => c.project_id === p.id && (!q.country || c.country_code === q.country));
    const mine = places
      .filter((l) => l.project_id === p.id)
      .map((l) => ({ placeId: l.id as string | null, where: book.describe(l.id) }))
      .filter((l) => !q.country || l.where.countryCode === q.country)
      .sort((a, b) => a.where.adm1.localeCompare(b.where.adm1) || a.where.adm2.localeCompare(b.where.adm2) || a.where.place.localeCompare(b.where.place));
    const rowsOfProject = mine.length
      ? mine
      : (inCountry.length ? inCountry : [null]).map((c) => ({
          where: { ...book.describe(null), country: c ? (countryName.get(c.country_code) ?? c.country_code) : '', countryCode: c?.country_code ?? '' },
          placeId: null as string | null,
        }));
    const single = rowsOfProject.length === 1;
    for (const { where, placeId } of rowsOfProject) {
      const placeTarget = indicator && placeId ? targets.find((t) => t.indicator_id === indicator.id && t.location_id === placeId) : undefined;
      const targeted = placeTarget ? Number(placeTarget.value) : single && indicator?.lop_target != null ? Number(indicator.lop_target) : null;
      // A project-wide figure belongs on a row only when the project has that one row.
      const reachedKey = indicator && (placeId || single) ? `${indicator.id}|${placeId ?? ''}` : null;
      out.push({ ...base, ...where, targeted, reached: reachedKey ? (reached.get(reachedKey) ?? null) : null });
    }
  }
  return out;
}

/**
 * Approved actuals of the people indicators by place, keyed `indicatorId|placeId` ('' for the whole
 * project): one engine question per place level, each grouping by that level.
 */
async function reachedByPlace(
  ctx: Ctx,
  projects: repo.FourWProject[],
  places: { project_id: string; id: string; level: string }[],
  indicators: { id: string; project_id: string | null; type: string; time_aggregation: string; location_aggregation: string }[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!indicators.length) return out;
  const scopes = await factScopes(ctx, projects.map((p) => p.id));
  const engineIndicators = indicators.map((i) => ({
    id: i.id,
    sourceIds: [i.id],
    rules: { type: i.type, time: i.time_aggregation, location: i.location_aggregation } as AggregationRules,
  }));
  const levels = new Set(places.map((p) => p.level as LocationLevel));
  const ask = (level: LocationLevel | undefined) =>
    aggregateFacts(ctx.db, { indicators: engineIndicators, scopes, includePending: false, groupBy: level ? { location: level } : {} });
  // Projects without places: their figure over the whole project.
  for (const r of await ask(undefined)) if (r.figure.value !== null) out.set(`${r.indicatorId}|`, r.figure.value);
  for (const level of levels) {
    for (const r of await ask(level)) if (r.locationId && r.figure.value !== null) out.set(`${r.indicatorId}|${r.locationId}`, r.figure.value);
  }
  return out;
}
