// The dataset of the XLSX export benchmark, written through the real schema with plain Kysely
// inserts: a protection project in central Mali with 24 indicators (18 counts of people by sex ×
// age band, 6 percentages by sex), 49 districts, 12 monthly rounds and two organisations, each
// with one approved package per month: 24 packages × 49 places × 216 cells = 254,016 approved values.
import type { Insertable } from 'kysely';
import type { Database } from '../../server/src/db/database.js';
import type { DB } from '../../server/src/db/schema.js';
import { newId } from '../../server/src/lib/ids.js';

export const GENERATOR_VERSION = 1;
const NOW = '2026-01-05T08:00:00.000Z';
const CHUNK = 400;

const REGIONS = ['Kayes', 'Koulikoro', 'Sikasso', 'Ségou', 'Mopti', 'Tombouctou', 'Gao'];
const PLACES_PER_REGION = 7; // 49 districts
const MONTHS = 12;
const COUNTS = 18;
const PERCENTAGES = 6;
const AGE_BANDS: [string, number, number | null, string][] = [
  ['0-4', 0, 4, '0–4 ans'], ['5-11', 5, 11, '5–11 ans'], ['12-17', 12, 17, '12–17 ans'], ['18-59', 18, 59, '18–59 ans'], ['60+', 60, null, '60 ans et plus'],
];

export interface XlsxWorld {
  projectId: string;
  userId: string;
  values: number;
}

async function insert<T extends keyof DB>(db: Database, table: T, rows: Insertable<DB[T]>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
}

const pad = (n: number) => String(n).padStart(2, '0');

export async function buildXlsxWorld(db: Database): Promise<XlsxWorld> {
  const stamp = { created_at: NOW, updated_at: NOW };
  const lead = { id: newId(), name: 'Sahel Action International', acronym: 'SAI', iati_identifier: 'GB-CHC-1187654', type: '21', country_code: 'GBR', website: null, fiscal_year_start_month: 1, ...stamp };
  const partner = { id: newId(), name: 'Association Malienne pour la Protection de l’Enfance', acronym: 'AMPE', iati_identifier: null, type: '22', country_code: 'MLI', website: null, fiscal_year_start_month: 1, ...stamp };
  await insert(db, 'organisations', [lead, partner]);
  const userId = newId();
  await insert(db, 'users', [{ id: userId, email: 'me@bench.example', name: 'Aminata Traoré', organisation_id: lead.id, password_hash: '!', locale: 'fr', disabled: 0, last_sign_in_at: null, ...stamp }]);
  await insert(db, 'memberships', [{ id: newId(), user_id: userId, role: 'me_officer', scope_type: 'organisation', scope_id: lead.id, created_at: NOW }]);

  const country = { id: newId(), parent_id: null, level: 'country', pcode: 'MLI', name: 'Mali', names_json: '{}', geometry_json: null, ...stamp };
  const places: { id: string }[] = [];
  const locations: Insertable<DB['locations']>[] = [country];
  REGIONS.forEach((region, r) => {
    const admin1 = { id: newId(), parent_id: country.id, level: 'admin1', pcode: `ML${pad(r + 1)}`, name: region, names_json: '{}', geometry_json: null, ...stamp };
    locations.push(admin1);
    for (let k = 1; k <= PLACES_PER_REGION; k++) {
      const admin2 = { id: newId(), parent_id: admin1.id, level: 'admin2', pcode: `ML${pad(r + 1)}${pad(k)}`, name: `${region} cercle ${k}`, names_json: '{}', geometry_json: null, ...stamp };
      locations.push(admin2);
      places.push(admin2);
    }
  });
  await insert(db, 'locations', locations);

  const programme = { id: newId(), organisation_id: lead.id, code: 'PROT', name: 'Central Sahel Protection Response', description: '', status: 'active', start_date: '2025-01-01', end_date: '2025-12-31', ...stamp };
  await insert(db, 'programmes', [programme]);
  const project = { id: newId(), programme_id: programme.id, code: 'PROT-ML-BENCH', title: 'Protection Services in central and northern Mali', description: '', status: '2', start_date: '2025-01-01', end_date: '2025-12-31', currency: 'XOF', ...stamp };
  await insert(db, 'projects', [project]);
  await insert(db, 'project_organisations', [{ project_id: project.id, organisation_id: lead.id, role: 'lead' }, { project_id: project.id, organisation_id: partner.id, role: 'implementing' }]);
  await insert(db, 'project_countries', [{ project_id: project.id, country_code: 'MLI' }]);
  await insert(db, 'project_sectors', [{ project_id: project.id, sector_code: '15160' }, { project_id: project.id, sector_code: '72010' }]);
  await insert(db, 'project_locations', places.map((p) => ({ project_id: project.id, location_id: p.id })));

  const sex = { id: newId(), organisation_id: lead.id, code: 'sex', name: 'Sex', names_json: JSON.stringify({ fr: 'Sexe' }), kind: 'sex', position: 0, ...stamp };
  const age = { id: newId(), organisation_id: lead.id, code: 'age', name: 'Age', names_json: JSON.stringify({ fr: 'Âge' }), kind: 'age', position: 1, ...stamp };
  await insert(db, 'disaggregation_categories', [sex, age]);
  const sexOptions = [['female', 'Female', 'Féminin'], ['male', 'Male', 'Masculin']].map(([code, label, fr], position) => ({
    id: newId(), category_id: sex.id, code: code!, label: label!, labels_json: JSON.stringify({ fr }), position, min_age: null, max_age: null, ...stamp,
  }));
  const ageOptions = AGE_BANDS.map(([code, min, max, fr], position) => ({
    id: newId(), category_id: age.id, code, label: code, labels_json: JSON.stringify({ fr }), position, min_age: min, max_age: max, ...stamp,
  }));
  await insert(db, 'disaggregation_options', [...sexOptions, ...ageOptions]);

  const framework = { id: newId(), project_id: project.id, programme_id: null, template: 'custom', level_labels_json: '[]', ...stamp };
  await insert(db, 'results_frameworks', [framework]);
  const node = { id: newId(), framework_id: framework.id, parent_id: null, level: 0, code: 'SO1', title: 'Children and adults at risk are protected', titles_json: '{}', description: '', position: 0, ...stamp };
  await insert(db, 'result_nodes', [node]);
  const indicators = Array.from({ length: COUNTS + PERCENTAGES }, (_, i) => {
    const percentage = i >= COUNTS;
    return {
      id: newId(), framework_id: framework.id, result_node_id: node.id, position: i, code: `SO1.${i + 1}`,
      name: percentage ? `Share of cases closed within 30 days (${i + 1})` : `Number of people reached with protection services (${i + 1})`,
      names_json: JSON.stringify({ fr: percentage ? `Part des cas clôturés en 30 jours (${i + 1})` : `Nombre de personnes atteintes par les services de protection (${i + 1})` }),
      definition: '', definitions_json: '{}', unit: percentage ? '%' : 'people', type: percentage ? 'percentage' : 'number', direction: 'increase',
      time_aggregation: 'sum', location_aggregation: 'sum', cumulative: 0, baseline_value: null, baseline_date: null, lop_target: null,
      means_of_verification: '', data_source: '', collection_method: '', frequency: 'month', responsible: '', library_indicator_id: null, contributes_to_id: null, ...stamp,
    };
  });
  await insert(db, 'indicators', indicators);
  await insert(db, 'indicator_disaggregations', indicators.flatMap((i) => [
    { indicator_id: i.id, category_id: sex.id, position: 0 },
    ...(i.type === 'number' ? [{ indicator_id: i.id, category_id: age.id, position: 1 }] : []),
  ]));

  // The cells of one place: the total and every full combination (sex × age for counts, sex for percentages).
  const countKeys = ['', ...sexOptions.flatMap((s) => ageOptions.map((a) => `${s.id}|${a.id}`))];
  const percentageKeys = ['', ...sexOptions.map((s) => s.id)];
  let values = 0;
  for (let m = 0; m < MONTHS; m++) {
    const start = `2025-${pad(m + 1)}-01`;
    const end = new Date(Date.UTC(2025, m + 1, 0)).toISOString().slice(0, 10);
    const round = {
      id: newId(), project_id: project.id, period_type: 'month', period_key: `2025-${pad(m + 1)}`, period_start: start, period_end: end,
      due_date: end, title: '', status: 'closed', created_by: userId, ...stamp,
    };
    await insert(db, 'reporting_rounds', [round]);
    await insert(db, 'round_indicators', indicators.map((i) => ({ round_id: round.id, indicator_id: i.id })));
    for (const [o, organisation] of [lead, partner].entries()) {
      const submission = {
        id: newId(), round_id: round.id, organisation_id: organisation.id, status: 'approved', version: 3, source_language: 'fr',
        submitted_at: NOW, submitted_by: userId, decided_at: NOW, decided_by: userId, ...stamp,
      };
      await insert(db, 'submissions', [submission]);
      const rows: Insertable<DB['indicator_values']>[] = [];
      places.forEach((place, p) => {
        indicators.forEach((indicator, i) => {
          const keys = indicator.type === 'number' ? countKeys : percentageKeys;
          keys.forEach((key, k) => {
            const base = 10 + ((p * 31 + i * 17 + k * 7 + m * 3 + o * 11) % 90);
            const comment = k === 0 && p % 10 === 0 ? (p === 0 && i === 0 ? '=Données vérifiées par le superviseur' : 'Données vérifiées par le superviseur') : '';
            const common = { id: newId(), submission_id: submission.id, indicator_id: indicator.id, location_id: place.id, disaggregation_key: key, text_value: null, comment, updated_by: userId, updated_at: NOW };
            rows.push(indicator.type === 'number' ? { ...common, value: base, numerator: null, denominator: null } : { ...common, value: (100 * base) / (base + 20), numerator: base, denominator: base + 20 });
          });
        });
      });
      await insert(db, 'indicator_values', rows);
      values += rows.length;
    }
  }
  return { projectId: project.id, userId, values };
}
