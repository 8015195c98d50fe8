// The dimension rows of the monitoring benchmark, written through the real schema with plain
// Kysely inserts: organisations and their people, a 2,000-place location tree with P-codes, one
// programme with a 50-indicator project (sex × age on the 40 heavy indicators), quarterly targets,
// 60 monthly reporting rounds and one approved package per organisation and month. The facts
// themselves are written by facts.ts.
import type { Database } from '../../server/src/db/database.js';
import type { DB } from '../../server/src/db/schema.js';
import { newId } from '../../server/src/lib/ids.js';
import { type KeyKind, keyNumbers } from '../../server/src/modules/analytics/keys.repository.js';
import {
  AGES, AGE_SHARES, FIRST_MONTH, HEAVY_INDICATORS, LEVEL_COUNTS, LIGHT_INDICATORS, MONTHS, ORGANISATIONS, SECTORS, SEXES, SEX_SHARES,
  isCumulative, isLatest, isPercentage, monthDate, organisationOfSite, parentOf, sitePairs, siteBase,
} from './shape.js';

const NOW = '2026-01-05T08:00:00.000Z';
const CHUNK = 500;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface WorldIndicator {
  id: string;
  no: number;
  code: string;
  /** Position among the heavy indicators (0–39); null for the 10 light, project-level ones. */
  heavy: number | null;
  type: 'number' | 'percentage';
  time: 'sum' | 'latest';
  cumulative: boolean;
}

export interface WorldCombo {
  no: number;
  key: string;
  sexOptionId: string;
  ageOptionId: string;
}

/** What the scenarios and hand-written queries need to know about the generated world (kept in bench_meta). */
export interface World {
  programmeId: string;
  projectId: string;
  projectNo: number;
  leadOrganisationId: string;
  adminUserId: string;
  sexCategoryId: string;
  ageCategoryId: string;
  sexOptionIds: string[];
  ageOptionIds: string[];
  indicators: WorldIndicator[];
  combos: WorldCombo[];
  /** For the generator only: numbers of sites (by site index), organisations (by index) and packages (by organisation, month offset). */
  siteNos: number[];
  organisationNos: number[];
  submissionNos: number[][];
}

async function insertAll<T extends keyof DB>(db: Database, table: T, rows: readonly object[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely's insert types are per table; the rows here are built to match the table by hand.
    await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

async function numbers(db: Database, kind: KeyKind, ids: string[]): Promise<number[]> {
  const found = await keyNumbers(db, kind, ids, true);
  return ids.map((id) => found.get(id)!);
}

const stamp = { created_at: NOW, updated_at: NOW };

/** Country, regions, districts, communes and sites, with P-codes like XB01, XB0107, XB010703, XB010703S1. */
async function buildPlaces(db: Database) {
  type Place = { id: string; parent_id: string | null; level: string; pcode: string; name: string; names_json: string; geometry_json: null; created_at: string; updated_at: string };
  const country: Place = { id: newId(), parent_id: null, level: 'country', pcode: 'XB', name: 'Benchland', names_json: '{}', geometry_json: null, ...stamp };
  const levels = [['admin1', LEVEL_COUNTS.admin1, 'Region'], ['admin2', LEVEL_COUNTS.admin2, 'District'], ['admin3', LEVEL_COUNTS.admin3, 'Commune'], ['site', LEVEL_COUNTS.site, 'Site']] as const;
  const tree: Place[][] = [[country]];
  for (const [level, count, label] of levels) {
    const parents = tree[tree.length - 1]!;
    const seen = new Map<string, number>();
    const rows = Array.from({ length: count }, (_, j): Place => {
      const parent = parents[parentOf(j, count, parents.length)]!;
      const n = (seen.get(parent.id) ?? 0) + 1;
      seen.set(parent.id, n);
      const pcode = level === 'site' ? `${parent.pcode}S${n}` : `${parent.pcode}${pad(n, 2)}`;
      return { id: newId(), parent_id: parent.id, level, pcode, name: `${label} ${pcode}`, names_json: '{}', geometry_json: null, ...stamp };
    });
    tree.push(rows);
  }
  for (const rows of tree) await insertAll(db, 'locations', rows);
  return { sites: tree[4]!, admin2: tree[2]! };
}

async function buildOrganisations(db: Database) {
  const orgs = Array.from({ length: ORGANISATIONS }, (_, o) => ({
    id: newId(),
    name: o === 0 ? 'Benchland Relief Consortium' : `Partner Organisation ${pad(o, 3)}`,
    acronym: o === 0 ? 'BRC' : `PO${pad(o, 3)}`,
    iati_identifier: null,
    type: o === 0 ? '21' : o % 4 === 0 ? '21' : '22',
    country_code: 'XB',
    website: null,
    fiscal_year_start_month: 1,
    ...stamp,
  }));
  await insertAll(db, 'organisations', orgs);
  return orgs;
}

/** An installation admin (the scenarios' reader), an M&E officer who approves, and a partner reporter per organisation. */
async function buildPeople(db: Database, orgs: { id: string }[], projectId: string) {
  const person = (organisationId: string, email: string, name: string) => ({
    id: newId(), email, name, organisation_id: organisationId, password_hash: 'no-login', locale: null, disabled: 0, last_sign_in_at: null, ...stamp,
  });
  const admin = person(orgs[0]!.id, 'admin@bench.invalid', 'Bench Admin');
  const officer = person(orgs[0]!.id, 'me@bench.invalid', 'Bench M&E Officer');
  const reporters = orgs.map((o, i) => person(o.id, `reporter${pad(i, 3)}@bench.invalid`, `Reporter ${pad(i, 3)}`));
  await insertAll(db, 'users', [admin, officer, ...reporters]);
  const grant = (userId: string, role: string, scopeType: string, scopeId: string | null) => ({ id: newId(), user_id: userId, role, scope_type: scopeType, scope_id: scopeId, created_at: NOW });
  await insertAll(db, 'memberships', [
    grant(admin.id, 'admin', 'installation', null),
    grant(officer.id, 'me_officer', 'project', projectId),
    ...reporters.map((r, i) => grant(r.id, i === 0 ? 'reporter' : 'partner_reporter', 'project', projectId)),
  ]);
  return { admin, officer, reporters };
}

async function buildCategories(db: Database, organisationId: string) {
  const sex = { id: newId(), organisation_id: organisationId, code: 'sex', name: 'Sex', names_json: '{}', kind: 'sex', position: 0, ...stamp };
  const age = { id: newId(), organisation_id: organisationId, code: 'age', name: 'Age', names_json: '{}', kind: 'age', position: 1, ...stamp };
  await insertAll(db, 'disaggregation_categories', [sex, age]);
  const sexOptions = SEXES.map((code, position) => ({
    id: newId(), category_id: sex.id, code, label: code === 'female' ? 'Female' : 'Male', labels_json: '{}', position, min_age: null, max_age: null, ...stamp,
  }));
  const ageOptions = AGES.map(([min, max], position) => ({
    id: newId(), category_id: age.id, code: `${min}-${max ?? ''}`, label: max === null ? `${min}+` : `${min}–${max}`, labels_json: '{}', position, min_age: min, max_age: max, ...stamp,
  }));
  await insertAll(db, 'disaggregation_options', [...sexOptions, ...ageOptions]);
  return { sex, age, sexOptions, ageOptions };
}

interface IndicatorPlan {
  code: string;
  name: string;
  heavy: number | null;
  type: 'number' | 'percentage';
  time: 'sum' | 'latest';
  cumulative: boolean;
  direction: 'increase' | 'decrease';
  unit: string;
}

function heavyPlan(i: number): IndicatorPlan {
  const sector = SECTORS[Math.floor(i / 5)]!;
  const kind = isPercentage(i) ? 'percentage' : 'number';
  const name = isLatest(i)
    ? `${sector}: people in care at the end of the month`
    : isPercentage(i)
      ? `${sector}: % of people assisted meeting the standard`
      : `${sector}: people reached with service ${(i % 5) + 1}${isCumulative(i) ? ' (cumulative)' : ''}`;
  return {
    code: `${sector.slice(0, 3).toUpperCase()}.${(i % 5) + 1}`, name, heavy: i, type: kind, time: isLatest(i) ? 'latest' : 'sum',
    cumulative: isCumulative(i), direction: 'increase', unit: kind === 'percentage' ? '%' : 'people',
  };
}

function lightPlan(j: number): IndicatorPlan {
  const percentage = j % 3 === 1;
  return {
    code: `OC.${j + 1}`,
    name: percentage ? `Outcome ${j + 1}: % of households reporting improved access` : `Outcome ${j + 1}: coordination and reports delivered`,
    heavy: null, type: percentage ? 'percentage' : 'number', time: 'sum', cumulative: false,
    direction: j === 4 ? 'decrease' : 'increase', unit: percentage ? '%' : 'reports',
  };
}

/** Goal (2 light indicators) → 4 outcomes (2 light each) → 8 outputs (one sector, 5 heavy indicators each). */
async function buildFramework(db: Database, projectId: string, categoryIds: string[], pairs: { site: number; indicator: number }[]) {
  const framework = { id: newId(), project_id: projectId, programme_id: null, template: 'custom', level_labels_json: '[]', ...stamp };
  await insertAll(db, 'results_frameworks', [framework]);
  const node = (parentId: string | null, level: number, code: string, title: string, position: number) => ({
    id: newId(), framework_id: framework.id, parent_id: parentId, level, code, title, titles_json: '{}', description: '', position, ...stamp,
  });
  const goal = node(null, 0, '1', 'People in Benchland live healthier and safer lives', 0);
  const outcomes = Array.from({ length: 4 }, (_, k) => node(goal.id, 1, `1.${k + 1}`, `Outcome ${k + 1}`, k));
  const outputs = SECTORS.map((sector, k) => node(outcomes[Math.floor(k / 2)]!.id, 2, `1.${Math.floor(k / 2) + 1}.${(k % 2) + 1}`, `${sector} services delivered`, k % 2));
  await insertAll(db, 'result_nodes', [goal, ...outcomes, ...outputs]);

  const sitesOf = new Map<number, number[]>();
  for (const p of pairs) sitesOf.set(p.indicator, [...(sitesOf.get(p.indicator) ?? []), p.site]);
  const plans: { plan: IndicatorPlan; nodeId: string; position: number }[] = [];
  for (let j = 0; j < LIGHT_INDICATORS; j++) plans.push({ plan: lightPlan(j), nodeId: j < 2 ? goal.id : outcomes[Math.floor((j - 2) / 2)]!.id, position: j < 2 ? j : (j - 2) % 2 });
  for (let i = 0; i < HEAVY_INDICATORS; i++) plans.push({ plan: heavyPlan(i), nodeId: outputs[Math.floor(i / 5)]!.id, position: i % 5 });

  const rows = plans.map(({ plan, nodeId, position }) => {
    // Targets about 10 % above what the generated data reaches (see facts.ts for the value rule).
    const sites = plan.heavy === null ? [] : (sitesOf.get(plan.heavy) ?? []);
    const perMonth = sites.reduce((a, s) => a + siteBase(s, plan.heavy!) * 8 * 1.1, 0);
    const quarter = plan.type === 'percentage' ? 80 : plan.heavy === null ? 3 : Math.round(perMonth * (plan.time === 'latest' ? 1 : 3));
    const lop = plan.type === 'percentage' ? 80 : plan.time === 'latest' ? quarter : quarter * (MONTHS / 3);
    return {
      row: {
        id: newId(), framework_id: framework.id, result_node_id: nodeId, position, code: plan.code, name: plan.name, names_json: '{}',
        definition: '', definitions_json: '{}', unit: plan.unit, type: plan.type, direction: plan.direction, time_aggregation: plan.time,
        location_aggregation: 'sum', cumulative: plan.cumulative ? 1 : 0, baseline_value: plan.type === 'percentage' ? (plan.direction === 'decrease' ? 60 : 40) : 0,
        baseline_date: '2020-12-31', lop_target: lop, means_of_verification: 'Monthly activity reports', data_source: 'Partner reports',
        collection_method: 'Registers', frequency: 'quarter', responsible: 'M&E officer', library_indicator_id: null, contributes_to_id: null, ...stamp,
      },
      plan,
      quarter,
    };
  });
  await insertAll(db, 'indicators', rows.map((r) => r.row));
  await insertAll(db, 'indicator_disaggregations', rows.filter((r) => r.plan.heavy !== null).flatMap((r) => categoryIds.map((categoryId, position) => ({ indicator_id: r.row.id, category_id: categoryId, position }))));
  const targets = rows.flatMap((r) =>
    Array.from({ length: MONTHS / 3 }, (_, q) => ({
      id: newId(), indicator_id: r.row.id, period_key: `${Math.floor((FIRST_MONTH + q * 3) / 12)}-Q${(q % 4) + 1}`, location_id: null, disaggregation_key: '',
      value: r.plan.cumulative ? r.quarter * (q + 1) : r.quarter, ...stamp,
    })),
  );
  await insertAll(db, 'indicator_targets', targets);
  return rows.map((r) => ({ id: r.row.id, code: r.plan.code, heavy: r.plan.heavy, type: r.plan.type, time: r.plan.time, cumulative: r.plan.cumulative }));
}

/** 60 closed monthly rounds, each asking for every indicator, and one approved package per organisation (most on time). */
async function buildRounds(db: Database, projectId: string, orgs: { id: string }[], sites: { id: string }[], officerId: string, reporterIds: string[], indicatorIds: string[]) {
  const rounds = Array.from({ length: MONTHS }, (_, m) => {
    const month = FIRST_MONTH + m;
    const end = new Date(Date.UTC(Math.floor(month / 12), (month % 12) + 1, 0)).toISOString().slice(0, 10);
    return {
      id: newId(), project_id: projectId, period_type: 'month', period_key: monthDate(month).slice(0, 7), period_start: monthDate(month), period_end: end,
      due_date: monthDate(month + 1, 15), title: '', status: 'closed', created_by: officerId, ...stamp,
    };
  });
  await insertAll(db, 'reporting_rounds', rounds);
  await insertAll(db, 'round_indicators', rounds.flatMap((r) => indicatorIds.map((indicator_id) => ({ round_id: r.id, indicator_id }))));
  const submissions = rounds.flatMap((r, m) =>
    orgs.map((o, i) => {
      // One package in nine arrives three days late; the rest between 1 and 10 days before the due date.
      const late = (i + m) % 9 === 0;
      const submitted = new Date(`${r.due_date}T10:00:00.000Z`);
      submitted.setUTCDate(submitted.getUTCDate() + (late ? 3 : -(1 + (i % 10))));
      const decided = new Date(submitted);
      decided.setUTCDate(decided.getUTCDate() + 2);
      return {
        id: newId(), round_id: r.id, organisation_id: o.id, status: 'approved', version: 3, source_language: 'en',
        submitted_at: submitted.toISOString(), submitted_by: reporterIds[i]!, decided_at: decided.toISOString(), decided_by: officerId, ...stamp,
      };
    }),
  );
  await insertAll(db, 'submissions', submissions);
  const sitesOfOrg = orgs.map(() => [] as string[]);
  sites.forEach((s, j) => sitesOfOrg[organisationOfSite(j)]!.push(s.id));
  // The lead organisation also reports the project-level (light) indicators, which have no place.
  await insertAll(db, 'submission_locations', submissions.flatMap((s, k) => sitesOfOrg[k % orgs.length]!.map((location_id) => ({ submission_id: s.id, location_id }))));
  return submissions;
}

export async function buildWorld(db: Database): Promise<World> {
  const pairs = sitePairs();
  const { sites, admin2 } = await buildPlaces(db);
  const orgs = await buildOrganisations(db);
  const programme = {
    id: newId(), organisation_id: orgs[0]!.id, code: 'BENCH', name: 'Benchland integrated response', description: '', status: 'active', start_date: '2021-01-01', end_date: '2025-12-31', ...stamp,
  };
  await insertAll(db, 'programmes', [programme]);
  const project = {
    id: newId(), programme_id: programme.id, code: 'BENCH-01', title: 'Benchland multi-sector response', description: '', status: '2',
    start_date: '2021-01-01', end_date: '2025-12-31', currency: 'USD', ...stamp,
  };
  await insertAll(db, 'projects', [project]);
  await insertAll(db, 'project_organisations', orgs.map((o, i) => ({ project_id: project.id, organisation_id: o.id, role: i === 0 ? 'lead' : 'implementing' })));
  await insertAll(db, 'project_countries', [{ project_id: project.id, country_code: 'XB' }]);
  await insertAll(db, 'project_sectors', [{ project_id: project.id, sector_code: '720' }, { project_id: project.id, sector_code: '122' }]);
  await insertAll(db, 'project_locations', admin2.map((l) => ({ project_id: project.id, location_id: l.id })));
  const people = await buildPeople(db, orgs, project.id);
  const categories = await buildCategories(db, orgs[0]!.id);
  const indicators = await buildFramework(db, project.id, [categories.sex.id, categories.age.id], pairs);
  const submissions = await buildRounds(db, project.id, orgs, sites, people.officer.id, people.reporters.map((r) => r.id), indicators.map((i) => i.id));

  // Key numbers in the order the facts are sorted by: heavy indicators first, then light ones.
  const byNo = [...indicators].sort((a, b) => (a.heavy ?? 100) - (b.heavy ?? 100));
  const indicatorNos = await numbers(db, 'indicator', byNo.map((i) => i.id));
  const siteNos = await numbers(db, 'location', sites.map((s) => s.id));
  const organisationNos = await numbers(db, 'organisation', orgs.map((o) => o.id));
  const [projectNo] = await numbers(db, 'project', [project.id]);
  const comboKeys = categories.sexOptions.flatMap((s, si) => categories.ageOptions.map((a, ai) => ({ key: `${s.id}|${a.id}`, si, ai })));
  const comboNos = await numbers(db, 'combo', comboKeys.map((c) => c.key));
  const subNos = await numbers(db, 'submission', submissions.map((s) => s.id));
  return {
    programmeId: programme.id,
    projectId: project.id,
    projectNo: projectNo!,
    leadOrganisationId: orgs[0]!.id,
    adminUserId: people.admin.id,
    sexCategoryId: categories.sex.id,
    ageCategoryId: categories.age.id,
    sexOptionIds: categories.sexOptions.map((o) => o.id),
    ageOptionIds: categories.ageOptions.map((o) => o.id),
    indicators: byNo.map((i, k) => ({ ...i, no: indicatorNos[k]! })),
    combos: comboKeys.map((c, k) => ({ no: comboNos[k]!, key: c.key, sexOptionId: categories.sexOptions[c.si]!.id, ageOptionId: categories.ageOptions[c.ai]!.id })),
    siteNos,
    organisationNos,
    submissionNos: orgs.map((_, i) => Array.from({ length: MONTHS }, (_, m) => subNos[m * orgs.length + i]!)),
  };
}

/** Per mille weight of each sex × age cell (8 × the population share, so they average 1,000). */
export const comboWeight = (c: WorldCombo, w: Pick<World, 'sexOptionIds' | 'ageOptionIds'>) =>
  Math.round((8 * SEX_SHARES[w.sexOptionIds.indexOf(c.sexOptionId)]! * AGE_SHARES[w.ageOptionIds.indexOf(c.ageOptionId)]!) / 1000);
