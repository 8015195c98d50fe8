import type { IndicatorType, LocationAggregation, TimeAggregation } from '@shared/domain/aggregation.js';
import type { Database } from '../../db/database.js';
import { nowIso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { buildIndicator, buildOrganisation, buildProgramme, buildProject, buildResultNode } from '../../test/factories.js';
import { buildCategory } from '../../test/results-factories.js';
import { monthIndexOf, rebuildTotals } from './facts.js';
import type { EngineRow } from './engine.types.js';
import { keyNumbers } from './keys.repository.js';

/**
 * Test data for the engine: real organisations, projects, locations, indicators and categories (the
 * engine reads the location tree and the indicators' categories), and facts written straight into
 * analytics_facts, as facts.ts would write them for approved or submitted packages.
 */

/**
 * country → admin1 r1, r2 → admin2 d11, d12 (in r1), d21 (in r2) → sites s111, s112 (in d11),
 * s121 (in d12), s211 (in d21). P-codes are unique per call.
 */
export async function buildEngineTree(db: Database) {
  const now = nowIso();
  const tag = newId().slice(0, 8).toUpperCase();
  const rows: { id: string; parent_id: string | null; level: string; pcode: string; name: string; names_json: string; geometry_json: null; created_at: string; updated_at: string }[] = [];
  const add = (name: string, level: string, parent: { id: string } | null) => {
    const row = { id: newId(), parent_id: parent?.id ?? null, level, pcode: `${tag}-${name}`, name, names_json: '{}', geometry_json: null, created_at: now, updated_at: now };
    rows.push(row);
    return row;
  };
  const country = add('C', 'country', null);
  const r1 = add('R1', 'admin1', country);
  const r2 = add('R2', 'admin1', country);
  const d11 = add('D11', 'admin2', r1);
  const d12 = add('D12', 'admin2', r1);
  const d21 = add('D21', 'admin2', r2);
  const s111 = add('S111', 'site', d11);
  const s112 = add('S112', 'site', d11);
  const s121 = add('S121', 'site', d12);
  const s211 = add('S211', 'site', d21);
  await db.insertInto('locations').values(rows).execute();
  return { country, r1, r2, d11, d12, d21, s111, s112, s121, s211 };
}

export async function buildEngineWorld(db: Database) {
  const lead = await buildOrganisation(db);
  const partner = await buildOrganisation(db);
  const programme = await buildProgramme(db, { organisationId: lead.id });
  const projectA = await buildProject(db, { programmeId: programme.id, leadOrganisationId: lead.id, implementingOrganisationIds: [partner.id] });
  const projectB = await buildProject(db, { programmeId: programme.id, leadOrganisationId: lead.id });
  const nodeA = await buildResultNode(db, { projectId: projectA.id });
  const nodeB = await buildResultNode(db, { projectId: projectB.id });
  const sex = await buildCategory(db, { organisationId: lead.id, code: 'sex', options: ['f', 'm'] });
  const age = await buildCategory(db, { organisationId: lead.id, code: 'age', options: ['u5', 'o5', 'old'] });
  const places = await buildEngineTree(db);
  return { lead, partner, programme, projectA, projectB, nodeA, nodeB, sex, age, places };
}
export type EngineWorld = Awaited<ReturnType<typeof buildEngineWorld>>;

export interface RuledIndicatorInput {
  nodeId: string;
  type?: IndicatorType;
  time?: TimeAggregation;
  location?: LocationAggregation;
  /** Disaggregation categories, in the indicator's order. */
  categoryIds?: string[];
}

/** An indicator with aggregation rules and disaggregation categories. */
export async function buildRuledIndicator(db: Database, o: RuledIndicatorInput) {
  const row = await buildIndicator(db, { nodeId: o.nodeId, type: o.type ?? 'number' });
  const rules = { type: o.type ?? 'number', time: o.time ?? 'sum', location: o.location ?? 'sum' } as const;
  await db.updateTable('indicators').set({ time_aggregation: rules.time, location_aggregation: rules.location }).where('id', '=', row.id).execute();
  const categoryIds = o.categoryIds ?? [];
  if (categoryIds.length) {
    await db.insertInto('indicator_disaggregations').values(categoryIds.map((category_id, position) => ({ indicator_id: row.id, category_id, position }))).execute();
  }
  return { id: row.id, rules, categoryIds };
}

export interface FactInput {
  indicatorId: string;
  projectId: string;
  organisationId: string;
  /** Null or absent: a value for the whole project. */
  locationId?: string | null;
  /** First month of the reporting period, `YYYY-MM`. */
  month: string;
  /** Length of the reporting period in months (1). */
  months?: number;
  /** Option ids of a full combination, in the indicator's category order; absent: the total. */
  optionIds?: string[];
  /** False: the package is submitted and awaiting review. */
  approved?: boolean;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  /** Facts of one package share a submission; by default one per project, organisation and month. */
  submission?: string;
}

/** Writes facts (creating their analytics keys) the way facts.ts stores a package's values, and recomputes analytics_totals. */
export async function insertFacts(db: Database, facts: FactInput[]): Promise<void> {
  const submissionOf = (f: FactInput) => f.submission ?? `${f.projectId}/${f.organisationId}/${f.month}`;
  const [indicators, locations, combos, organisations, projects, submissions] = await Promise.all([
    keyNumbers(db, 'indicator', facts.map((f) => f.indicatorId), true),
    keyNumbers(db, 'location', facts.flatMap((f) => (f.locationId ? [f.locationId] : [])), true),
    keyNumbers(db, 'combo', facts.flatMap((f) => (f.optionIds?.length ? [f.optionIds.join('|')] : [])), true),
    keyNumbers(db, 'organisation', facts.map((f) => f.organisationId), true),
    keyNumbers(db, 'project', facts.map((f) => f.projectId), true),
    keyNumbers(db, 'submission', facts.map(submissionOf), true),
  ]);
  const rows = facts.map((f) => {
    const start = monthIndexOf(`${f.month}-01`);
    return {
      submission_no: submissions.get(submissionOf(f))!,
      indicator_no: indicators.get(f.indicatorId)!,
      location_no: f.locationId ? locations.get(f.locationId)! : 0,
      organisation_no: organisations.get(f.organisationId)!,
      project_no: projects.get(f.projectId)!,
      combo_no: f.optionIds?.length ? combos.get(f.optionIds.join('|'))! : 0,
      month_start: start,
      month_end: start + (f.months ?? 1) - 1,
      approved: f.approved === false ? 0 : 1,
      value: f.value ?? null,
      numerator: f.numerator ?? null,
      denominator: f.denominator ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('analytics_facts').values(rows.slice(i, i + 500)).execute();
  await rebuildTotals(db);
}

/**
 * Rows as sorted "period location [organisation/project/options]: value (numerator/denominator) pending"
 * lines, with names instead of ids, for comparing with a table written by hand.
 */
export function rowTable(rows: EngineRow[], w: EngineWorld, names: Record<string, string> = {}): string[] {
  const name = new Map<string, string>([...Object.values(w.places).map((p) => [p.id, p.name] as const), ...Object.entries(names)]);
  for (const o of [...w.sex.options, ...w.age.options]) name.set(o.id, o.code);
  const nameOf = (id: string | null) => (id === null ? '-' : (name.get(id) ?? id));
  return rows
    .map((r) => {
      const parts = [r.period?.key ?? 'all'];
      if (r.locationId !== undefined) parts.push(nameOf(r.locationId));
      if (r.organisationId !== undefined) parts.push(nameOf(r.organisationId));
      if (r.projectId !== undefined) parts.push(nameOf(r.projectId));
      if (r.options) parts.push(Object.values(r.options).map(nameOf).join('/'));
      if (names[r.indicatorId]) parts.unshift(names[r.indicatorId]!);
      const value = r.figure.value === null ? 'null' : String(Math.round(r.figure.value * 1000) / 1000);
      const pct = r.figure.numerator === undefined ? '' : ` (${r.figure.numerator}/${r.figure.denominator})`;
      return `${parts.join(' ')}: ${value}${pct}${r.figure.pending ? ' pending' : ''}`;
    })
    .sort();
}
