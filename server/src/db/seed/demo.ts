import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role, ScopeType } from '@shared/roles.js';
import { CreateOrganisationBody, CreateProgrammeBody, CreateProjectBody } from '@shared/schemas/index.js';
import type { Database } from '../database.js';
import type { Ctx } from '../../lib/context.js';
import { uniqueViolation } from '../../lib/db-errors.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { importLocations } from '../../modules/locations/locations.service.js';
import { createOrganisation } from '../../modules/organisations/organisations.service.js';
import { createProgramme } from '../../modules/programmes/programmes.service.js';
import { createProject } from '../../modules/projects/projects.service.js';
import { addMembership, createUser } from '../../modules/users/users.service.js';
import { findByPcodes } from '../../modules/locations/locations.repository.js';
import { COUNTRIES, OTHER_PLACES } from './demo-places.js';
import { seedAgreements } from './demo-agreements.js';
import { seedBudgets } from './demo-budgets.js';
import { DEMO_FRAMEWORKS } from './demo-frameworks.js';
import { MORE_DEMO_FRAMEWORKS } from './demo-frameworks-more.js';
import { seedWorkPlans } from './demo-plans.js';
import { DEMO_LIBRARY, DEMO_PROGRAMME_FRAMEWORKS } from './demo-programme-results.js';
import { type IndicatorIds, type LibraryIds, seedFramework, seedLibrary } from './demo-results.js';
import { DEMO_REPORTING } from './demo-reporting-plans.js';
import { seedReporting } from './demo-reporting.js';
import { seedReportTemplates } from './demo-report-templates.js';
import { DEMO_ORGANISATIONS, DEMO_PROGRAMMES, DEMO_USERS } from './demo-workspace.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const boundary = (file: string) => fs.readFileSync(path.join(here, 'boundaries', file), 'utf8');

export const DEFAULT_DEMO_PASSWORD = 'fieldbook-demo-2026';

export interface SeedResult {
  logins: { email: string; role: string; scope: string }[];
  banner: string;
}

/** Seeds the demo workspace when the database has no organisation yet; returns null otherwise. */
export async function seedDemoIfEmpty(db: Database, password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD): Promise<SeedResult | null> {
  const any = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  try {
    return await seedDemo(db, password);
  } catch (err) {
    // Several app servers starting together on one empty PostgreSQL: the first seed wins, the rest roll back.
    if (uniqueViolation(err)) return null;
    throw err;
  }
}

/** The whole demo workspace in one transaction: it is there completely or not at all. */
export async function seedDemo(db: Database, password: string): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    const ctx: Ctx = { db: trx, actor: { ...SYSTEM_ACTOR, name: 'Demo workspace seed' }, requestId: 'seed-demo', ip: null, locale: 'en' };
    await seedPlaces(ctx);

    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) orgIds.set(o.key, (await createOrganisation(ctx, CreateOrganisationBody.parse(o.data))).id);
    const org = (key: string) => orgIds.get(key)!;

    const scopeIds = new Map<string, string>();
    const projectsOf = new Map<string, { code: string; id: string }[]>();
    for (const p of DEMO_PROGRAMMES) {
      const programme = await createProgramme(ctx, CreateProgrammeBody.parse({ ...p.data, organisationId: org(p.owner) }));
      scopeIds.set(p.data.code, programme.id);
      for (const pr of p.projects) {
        const locations = await findByPcodes(trx, pr.locations);
        const project = await createProject(ctx, CreateProjectBody.parse({
          ...pr.data,
          programmeId: programme.id,
          locationIds: locations.map((l) => l.id),
          leadOrganisationId: org(pr.lead),
          donorOrganisationId: pr.donor ? org(pr.donor) : null,
          implementingOrganisationIds: pr.implementing.map(org),
        }));
        scopeIds.set(pr.data.code, project.id);
        projectsOf.set(p.data.code, [...(projectsOf.get(p.data.code) ?? []), { code: pr.data.code, id: project.id }]);
      }
    }

    // Standard indicators first, then programme frameworks, then the project frameworks that adopt and roll up into them.
    const library: LibraryIds = new Map();
    for (const [key, entries] of Object.entries(DEMO_LIBRARY)) await seedLibrary(ctx, org(key), entries, library);
    const frameworks = { ...DEMO_FRAMEWORKS, ...MORE_DEMO_FRAMEWORKS };
    for (const p of DEMO_PROGRAMMES) {
      const owner = org(p.owner);
      const programmeSeed = DEMO_PROGRAMME_FRAMEWORKS[p.data.code];
      const programmeIndicators: IndicatorIds = programmeSeed
        ? await seedFramework(ctx, { kind: 'programme', id: scopeIds.get(p.data.code)! }, owner, programmeSeed, library, new Map())
        : new Map();
      for (const project of projectsOf.get(p.data.code) ?? []) {
        const seed = frameworks[project.code];
        if (seed) await seedFramework(ctx, { kind: 'project', id: project.id }, owner, seed, library, programmeIndicators);
      }
    }

    const logins: SeedResult['logins'] = [];
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const user = await createUser(ctx, { email: u.email, name: u.name, organisationId: org(u.org), locale: u.locale, password });
      userIds.set(u.email, user.id);
      const scopeId = u.scope.type === 'installation' ? null : u.scope.type === 'organisation' ? org(u.scope.key) : scopeIds.get(u.scope.key)!;
      await addMembership(ctx, user.id, { role: u.role as Role, scopeType: u.scope.type as ScopeType, scopeId });
      logins.push({ email: u.email, role: u.role, scope: `${u.scope.type}${u.scope.type === 'installation' ? '' : ` ${u.scope.key}`}` });
    }

    const places = new Map((await findByPcodes(trx, DEMO_REPORTING.flatMap((p) => p.locations))).map((l) => [l.pcode, l.id]));
    await seedReporting(ctx, {
      project: (code) => scopeIds.get(code)!,
      organisation: org,
      user: (email) => userIds.get(email)!,
      location: (pcode) => places.get(pcode)!,
      fyStartMonth: (key) => DEMO_ORGANISATIONS.find((o) => o.key === key)?.data.fiscalYearStartMonth ?? 1,
    });

    // The lead organisation's donor report templates and the logo on their covers.
    await seedReportTemplates(ctx, org('SAI'));

    // After the report templates: an agreement names the template it prints with.
    await seedAgreements(ctx, { project: (code) => scopeIds.get(code)!, organisation: org });

    // Work plans, then the budgets whose lines point at their activities, expenditures and change requests.
    const planRefs = { project: (code: string) => scopeIds.get(code)!, organisation: org, user: (email: string) => userIds.get(email)! };
    const activities = await seedWorkPlans(ctx, planRefs);
    await seedBudgets(ctx, { ...planRefs, activities });

    const width = Math.max(...logins.map((l) => l.email.length));
    const banner = [
      'Demo workspace created. Sign in at http://localhost:3000 with one of these accounts',
      `(password for all: ${password}). Set SEED_DEMO=false for a real installation.`,
      '',
      ...logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(18)} on ${l.scope}`),
    ].join('\n');
    return { logins, banner };
  });
}

/** Countries, then Mali and DRC boundaries from the boundary files, then the remaining admin areas. */
async function seedPlaces(ctx: Ctx) {
  const countriesCsv = ['pcode,name,level,parent_pcode,name_fr,name_es,name_ar', ...COUNTRIES.map((c) => `${c.pcode},"${c.name}",country,,"${c.fr}","${c.es}","${c.ar}"`)].join('\n');
  await importLocations(ctx, { format: 'csv', content: countriesCsv, dryRun: false });

  const admin1 = new Map(
    boundary('admin1-pcodes.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .map(([, , , feature, nameFr, , pcode]) => [feature!, { pcode: pcode!, nameFr: nameFr! }]),
  );
  await importBoundary(ctx, 'mli-adm1-regions.geojson', 'admin1', (p) => {
    const a = admin1.get(String(p.shapeName));
    return a ? { pcode: a.pcode, name: a.nameFr, parent_pcode: 'MLI', name_fr: a.nameFr } : null;
  });
  await importBoundary(ctx, 'cod-adm1-provinces.geojson', 'admin1', (p) => ({ pcode: String(p.PCode), name: String(p.NOM), parent_pcode: 'COD', name_fr: String(p.NOM) }));

  const cercles = new Map(
    boundary('mli-adm2-pcodes.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter(([, pcode]) => pcode)
      .map(([name, pcode, parent]) => [name!, { pcode: pcode!, parent: parent! }]),
  );
  await importBoundary(ctx, 'mli-adm2-cercles.geojson', 'admin2', (p) => {
    const c = cercles.get(String(p.shapeName));
    if (!c) return null; // Nara has no P-code in the source table.
    // Ménaka's ML10 région does not exist in this pre-2016 frame; its polygon lies in Gao.
    return { pcode: c.pcode, name: String(p.shapeName), parent_pcode: c.parent === 'ML10' ? 'ML07' : c.parent };
  });

  const othersCsv = [
    'pcode,name,level,parent_pcode,name_ar',
    ...OTHER_PLACES.map(([pcode, name, parent, level, ar]) => `${pcode},"${name}",${level},${parent},"${ar ?? ''}"`),
  ].join('\n');
  await importLocations(ctx, { format: 'csv', content: othersCsv, dryRun: false });
}

async function importBoundary(
  ctx: Ctx,
  file: string,
  level: 'admin1' | 'admin2',
  properties: (p: Record<string, unknown>) => Record<string, string> | null,
) {
  const doc = JSON.parse(boundary(file)) as { features: { properties: Record<string, unknown> }[] };
  const features = doc.features
    .map((f) => ({ ...f, properties: properties(f.properties) }))
    .filter((f) => f.properties !== null);
  await importLocations(ctx, { format: 'geojson', level, content: JSON.stringify({ type: 'FeatureCollection', features }), dryRun: false });
}

export { DEMO_USERS };
