import type { Role, ScopeType } from '@shared/roles.js';
import type { Database } from '../db/database.js';
import { nowIso } from '../lib/clock.js';
import { newId, newSecret, sha256 } from '../lib/ids.js';
import { hashPassword } from '../lib/passwords.js';

/**
 * Factories write straight to the database so each test builds exactly the world it needs.
 * Unique suffixes keep tests independent when they share a database.
 */
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = 'correct horse battery staple';
let hashed: Promise<string> | undefined;
const testPasswordHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

export async function buildOrganisation(db: Database, over: Partial<{ name: string; type: string; acronym: string }> = {}) {
  const now = nowIso();
  const row = {
    id: newId(),
    name: over.name ?? `Organisation ${unique()}`,
    acronym: over.acronym ?? null,
    iati_identifier: null,
    type: over.type ?? '22',
    country_code: 'MLI',
    website: null,
    fiscal_year_start_month: 1,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('organisations').values(row).execute();
  return row;
}

export interface BuildUserOptions {
  organisationId: string;
  email?: string;
  name?: string;
  disabled?: boolean;
  grants?: { role: Role; scopeType: ScopeType; scopeId: string | null }[];
}

export async function buildUser(db: Database, o: BuildUserOptions) {
  const now = nowIso();
  const row = {
    id: newId(),
    email: o.email ?? `user-${unique()}@example.org`,
    name: o.name ?? `User ${unique()}`,
    organisation_id: o.organisationId,
    password_hash: await testPasswordHash(),
    locale: null,
    disabled: o.disabled ? 1 : 0,
    last_sign_in_at: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('users').values(row).execute();
  for (const g of o.grants ?? []) {
    await db
      .insertInto('memberships')
      .values({ id: newId(), user_id: row.id, role: g.role, scope_type: g.scopeType, scope_id: g.scopeId, created_at: now })
      .execute();
  }
  return row;
}

export async function buildProgramme(db: Database, o: { organisationId: string; name?: string; code?: string }) {
  const now = nowIso();
  const row = {
    id: newId(),
    organisation_id: o.organisationId,
    code: o.code ?? `P-${unique()}`,
    name: o.name ?? `Programme ${unique()}`,
    description: '',
    status: 'active',
    start_date: '2025-01-01',
    end_date: '2027-12-31',
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('programmes').values(row).execute();
  return row;
}

export async function buildProject(
  db: Database,
  o: { programmeId: string; leadOrganisationId: string; title?: string; code?: string; implementingOrganisationIds?: string[] },
) {
  const now = nowIso();
  const row = {
    id: newId(),
    programme_id: o.programmeId,
    code: o.code ?? `PRJ-${unique()}`,
    title: o.title ?? `Project ${unique()}`,
    description: '',
    status: '2',
    start_date: '2025-01-01',
    end_date: '2026-12-31',
    currency: 'USD',
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('projects').values(row).execute();
  await db.insertInto('project_organisations').values({ project_id: row.id, organisation_id: o.leadOrganisationId, role: 'lead' }).execute();
  for (const id of o.implementingOrganisationIds ?? []) {
    await db.insertInto('project_organisations').values({ project_id: row.id, organisation_id: id, role: 'implementing' }).execute();
  }
  return row;
}

/** A country with one admin1 and one admin2 under it, P-codes made unique per call. */
export async function buildLocationTree(db: Database, iso3 = 'MLI') {
  const now = nowIso();
  const existing = await db.selectFrom('locations').selectAll().where('pcode', '=', iso3).executeTakeFirst();
  const country = existing ?? {
    id: newId(), parent_id: null, level: 'country', pcode: iso3, name: iso3, names_json: '{}', geometry_json: null, created_at: now, updated_at: now,
  };
  if (!existing) await db.insertInto('locations').values(country).execute();
  const suffix = unique().toUpperCase();
  const admin1 = { id: newId(), parent_id: country.id, level: 'admin1', pcode: `${iso3.slice(0, 2)}A${suffix}`, name: `Region ${suffix}`, names_json: '{}', geometry_json: null, created_at: now, updated_at: now };
  const admin2 = { id: newId(), parent_id: admin1.id, level: 'admin2', pcode: `${iso3.slice(0, 2)}B${suffix}`, name: `District ${suffix}`, names_json: '{}', geometry_json: null, created_at: now, updated_at: now };
  await db.insertInto('locations').values([admin1, admin2]).execute();
  return { country, admin1, admin2 };
}

/** Opens a session directly (no password round trip) and returns what a browser would hold. */
export async function sessionFor(db: Database, userId: string) {
  const token = newSecret();
  const csrfToken = newSecret();
  const now = nowIso();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now, last_seen_at: now,
      expires_at: new Date(Date.now() + 3_600_000).toISOString(), ip: '127.0.0.1', user_agent: 'vitest',
    })
    .execute();
  return { token, csrfToken };
}

/** The project's results framework (one per project), made when missing. */
export async function buildFramework(db: Database, projectId: string) {
  const existing = await db.selectFrom('results_frameworks').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  if (existing) return existing;
  const now = nowIso();
  const row = { id: newId(), project_id: projectId, template: 'custom', level_labels_json: '[]', created_at: now, updated_at: now };
  await db.insertInto('results_frameworks').values(row).execute();
  return row;
}

export async function buildResultNode(db: Database, o: { projectId: string; parentId?: string | null; level?: number; code?: string; title?: string }) {
  const framework = await buildFramework(db, o.projectId);
  const now = nowIso();
  const row = {
    id: newId(), framework_id: framework.id, parent_id: o.parentId ?? null, level: o.level ?? 0, code: o.code ?? `N${unique()}`,
    title: o.title ?? `Result ${unique()}`, titles_json: '{}', description: '', position: 0, created_at: now, updated_at: now,
  };
  await db.insertInto('result_nodes').values(row).execute();
  return row;
}

export async function buildIndicator(db: Database, o: { nodeId: string; type?: string; code?: string; name?: string }) {
  const node = await db.selectFrom('result_nodes').select(['framework_id']).where('id', '=', o.nodeId).executeTakeFirstOrThrow();
  const now = nowIso();
  const row = {
    id: newId(), framework_id: node.framework_id, result_node_id: o.nodeId, position: 0, code: o.code ?? `I${unique()}`,
    name: o.name ?? `Indicator ${unique()}`, names_json: '{}', definition: '', definitions_json: '{}', unit: '', type: o.type ?? 'number',
    direction: 'increase', time_aggregation: 'sum', location_aggregation: 'sum', cumulative: 0, baseline_value: null, baseline_date: null,
    lop_target: null, means_of_verification: '', data_source: '', collection_method: '', frequency: 'quarter', responsible: '',
    created_at: now, updated_at: now,
  };
  await db.insertInto('indicators').values(row).execute();
  return row;
}

/** A disaggregation category of an organisation with its options (codes given in order); `ages` makes it an age category. */
export async function buildCategory(db: Database, o: { organisationId: string; code?: string; options?: string[]; ages?: [number, number | null][] }) {
  const now = nowIso();
  const row = {
    id: newId(), organisation_id: o.organisationId, code: o.code ?? `C${unique()}`, name: `Category ${unique()}`, names_json: '{}',
    kind: o.ages ? 'age' : 'custom', position: 0, created_at: now, updated_at: now,
  };
  await db.insertInto('disaggregation_categories').values(row).execute();
  const codes = o.options ?? (o.ages ? o.ages.map(([min, max]) => `${min}-${max ?? ''}`) : ['a', 'b']);
  const options = codes.map((code, position) => ({
    id: newId(), category_id: row.id, code, label: code, labels_json: '{}', position,
    min_age: o.ages?.[position]?.[0] ?? null, max_age: o.ages?.[position]?.[1] ?? null, created_at: now, updated_at: now,
  }));
  await db.insertInto('disaggregation_options').values(options).execute();
  return { ...row, options };
}
