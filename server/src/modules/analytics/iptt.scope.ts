import type { IpttScope } from '@shared/schemas/monitoring.js';
import type { Locale } from '@shared/locales.js';
import type { Ctx } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { loadVisibleProgramme } from '../programmes/programmes.service.js';
import { loadVisibleProject } from '../projects/projects.service.js';
import { factScopes } from './analytics-access.js';
import type { FactScope } from './engine.types.js';
import * as repo from './iptt.repository.js';

/**
 * What an IPTT is about. A project or programme must be visible (404 otherwise, like everywhere);
 * a country (ISO code as the projects store it) or an organisation gathers the projects the reader
 * can see. Figures are only ever asked of the engine with `scopes`.
 */
export interface IpttScopeInfo {
  scope: IpttScope;
  scopeId: string;
  /** Short name for files: the project or programme code, the country code, the organisation's acronym. */
  code: string;
  title: string;
  /** The scope's whole date range: the periods shown by default and the bounds of the pickers. */
  start: string | null;
  end: string | null;
  /** Fiscal year of the periods shown. */
  fyStartMonth: number;
  scopes: FactScope[];
  /** Projects shown, in order (the one project; a programme's visible projects; a country's or organisation's). */
  projects: repo.ScopeProject[];
  /** Set for a programme: its own framework, rolled up from the projects' indicators. */
  programmeId: string | null;
  /** Set for a country: only places within it count. */
  countryLocationId: string | null;
  /** Fiscal year start of each organisation owning a programme of the scope (targets are keyed in it). */
  fiscalYears: Map<string, number>;
}

/** A name in the reader's language, else the stored one. */
export function localized(fallback: string, json: string, locale: Locale): string {
  const names = JSON.parse(json) as Partial<Record<Locale, string>>;
  return names[locale]?.trim() || fallback;
}

const span = (projects: repo.ScopeProject[]) => ({
  start: projects.map((p) => p.start_date).sort()[0] ?? null,
  end: projects.map((p) => p.end_date).sort().at(-1) ?? null,
});

/** The visible ones of some projects, with the reader's fact scopes on them. */
async function visible(ctx: Ctx, projects: repo.ScopeProject[]) {
  const scopes = await factScopes(ctx, projects.map((p) => p.id));
  const seen = new Set(scopes.map((s) => s.projectId));
  return { scopes, projects: projects.filter((p) => seen.has(p.id)) };
}

export async function loadIpttScope(ctx: Ctx, scope: IpttScope, id: string, sector: string | undefined): Promise<IpttScopeInfo> {
  const base = { scope, scopeId: id, programmeId: null, countryLocationId: null };
  let info: Omit<IpttScopeInfo, 'fiscalYears'>;
  if (scope === 'project') {
    const p = await loadVisibleProject(ctx, id);
    const fy = await repo.fiscalYearStartMonths(ctx.db, [p.organisation_id]);
    info = {
      ...base, code: p.code, title: `${p.code} — ${p.title}`, start: p.start_date, end: p.end_date, fyStartMonth: fy.get(p.organisation_id) ?? 1,
      ...(await visible(ctx, await repo.projectsByIds(ctx.db, [id]))),
    };
  } else if (scope === 'programme') {
    const p = await loadVisibleProgramme(ctx, id);
    const v = await visible(ctx, await repo.projectsOfProgramme(ctx.db, id));
    const s = span(v.projects);
    const fy = await repo.fiscalYearStartMonths(ctx.db, [p.organisation_id]);
    info = {
      ...base, ...v, programmeId: id, code: p.code, title: `${p.code} — ${p.name}`,
      start: p.start_date ?? s.start, end: p.end_date ?? s.end, fyStartMonth: fy.get(p.organisation_id) ?? 1,
    };
  } else if (scope === 'country') {
    const code = id.toUpperCase();
    const country = await repo.findCountry(ctx.db, code);
    if (!country) throw notFound();
    const v = await visible(ctx, await repo.projectsOfCountry(ctx.db, code, sector));
    const fy = await repo.fiscalYearStartMonths(ctx.db, v.projects.map((p) => p.organisation_id));
    // Periods of one fiscal year for every project; when the lead organisations disagree, calendar periods.
    const years = new Set(fy.values());
    info = {
      ...base, ...v, ...span(v.projects), scopeId: code, code, countryLocationId: country.id,
      title: localized(country.name, country.names_json, ctx.locale), fyStartMonth: years.size === 1 ? [...years][0]! : 1,
    };
  } else {
    const organisation = await repo.findOrganisation(ctx.db, id);
    if (!organisation) throw notFound();
    const v = await visible(ctx, await repo.projectsOfOrganisation(ctx.db, id, sector));
    info = {
      ...base, ...v, ...span(v.projects), code: organisation.acronym ?? organisation.name,
      title: organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name,
      fyStartMonth: Number(organisation.fiscal_year_start_month),
    };
  }
  const owners = info.projects.map((p) => p.organisation_id);
  return { ...info, fiscalYears: await repo.fiscalYearStartMonths(ctx.db, owners) };
}
