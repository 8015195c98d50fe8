import type { z } from 'zod';
import type { CreateProjectBody, ListProjectsQuery, Project, UpdateProjectBody } from '@shared/schemas/index.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, conflict, type DetailInput, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { authorise, hasRole, MANAGERS, programmeChain, projectChain } from '../access/access.policy.js';
import { visibleProjectIds } from '../access/visibility.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { isKnownCode } from '../codelists/codelists.service.js';
import { countryOf, findByPcodes } from '../locations/locations.repository.js';
import { existingOrganisationIds } from '../organisations/organisations.repository.js';
import { loadVisibleProgramme } from '../programmes/programmes.service.js';
import { auditableProject, toProject, toProjectSummary } from './projects.mapper.js';
import * as repo from './projects.repository.js';

export async function listProjects(ctx: Ctx, query: z.infer<typeof ListProjectsQuery>) {
  const ids = await visibleProjectIds(ctx.db, ctx.actor);
  const { rows, total } = await repo.listProjects(ctx.db, { ids, ...query }, query.limit, query.offset);
  const links = await repo.loadProjectLinks(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => toProjectSummary(toProject(r, links))), total };
}

/** A project the actor can see (with its programme's organisation), or 404. */
export async function loadVisibleProject(ctx: Ctx, id: string) {
  const row = await repo.findProject(ctx.db, id);
  const ids = row ? await visibleProjectIds(ctx.db, ctx.actor) : [];
  authorise(!!row && (ids === null || ids.includes(id)), true);
  return row!;
}

async function hydrate(ctx: Ctx, id: string): Promise<Project> {
  const row = (await repo.findProject(ctx.db, id))!;
  return toProject(row, await repo.loadProjectLinks(ctx.db, [id]));
}

export async function getProject(ctx: Ctx, id: string): Promise<Project> {
  await loadVisibleProject(ctx, id);
  return hydrate(ctx, id);
}

interface LinkInput {
  startDate: string;
  endDate: string;
  currency: string;
  countries: string[];
  locationIds: string[];
  sectors: string[];
  donorOrganisationId: string | null;
  leadOrganisationId: string;
  implementingOrganisationIds: string[];
}

/** Every problem with the references at once, each named by its field. */
async function checkReferences(ctx: Ctx, p: LinkInput): Promise<void> {
  const problems: DetailInput[] = [];
  if (p.endDate < p.startDate) problems.push({ field: 'body.endDate', reason: 'end_before_start' });
  if (!isKnownCode('currencies', p.currency)) problems.push({ field: 'body.currency', reason: 'unknown_code', params: { code: p.currency } });
  p.sectors.forEach((s, i) => {
    if (!isKnownCode('sectors', s)) problems.push({ field: `body.sectors.${i}`, reason: 'unknown_code', params: { code: s } });
  });
  const countries = new Set((await findByPcodes(ctx.db, p.countries)).filter((l) => l.level === 'country').map((l) => l.pcode));
  p.countries.forEach((c, i) => {
    if (!countries.has(c)) problems.push({ field: `body.countries.${i}`, reason: 'unknown_code', params: { code: c } });
  });
  const countryByLocation = await countryOf(ctx.db, p.locationIds);
  p.locationIds.forEach((id, i) => {
    if (!countryByLocation.has(id)) problems.push({ field: `body.locationIds.${i}`, reason: 'unknown_reference' });
    else if (!p.countries.includes(countryByLocation.get(id) ?? '')) problems.push({ field: `body.locationIds.${i}`, reason: 'location_outside_countries' });
  });
  const orgIds = [p.leadOrganisationId, ...(p.donorOrganisationId ? [p.donorOrganisationId] : []), ...p.implementingOrganisationIds];
  const known = await existingOrganisationIds(ctx.db, orgIds);
  if (!known.has(p.leadOrganisationId)) problems.push({ field: 'body.leadOrganisationId', reason: 'unknown_reference' });
  if (p.donorOrganisationId && !known.has(p.donorOrganisationId)) problems.push({ field: 'body.donorOrganisationId', reason: 'unknown_reference' });
  p.implementingOrganisationIds.forEach((id, i) => {
    if (!known.has(id)) problems.push({ field: `body.implementingOrganisationIds.${i}`, reason: 'unknown_reference' });
  });
  if (problems.length) throw invalid(...problems);
}

const organisationLinks = (p: LinkInput) => [
  { organisationId: p.leadOrganisationId, role: 'lead' },
  ...(p.donorOrganisationId ? [{ organisationId: p.donorOrganisationId, role: 'donor' }] : []),
  ...[...new Set(p.implementingOrganisationIds)].map((organisationId) => ({ organisationId, role: 'implementing' })),
];

async function requireManagerOfProgramme(ctx: Ctx, programmeId: string) {
  const programme = await loadVisibleProgramme(ctx, programmeId);
  if (!hasRole(ctx.actor, MANAGERS, programmeChain({ id: programme.id, organisationId: programme.organisation_id }))) throw new AppError('forbidden');
  return programme;
}

export async function createProject(ctx: Ctx, body: z.infer<typeof CreateProjectBody>): Promise<Project> {
  const programme = await requireManagerOfProgramme(ctx, body.programmeId);
  const input: LinkInput = { ...body, countries: [...new Set(body.countries)], locationIds: [...new Set(body.locationIds)], sectors: [...new Set(body.sectors)] };
  await checkReferences(ctx, input);
  const id = newId();
  const now = nowIso();
  return inTransaction(ctx, async (tx) => {
    // The constraint is on (programme_id, code): left to the database, the error would name programmeId.
    if (await repo.findProjectByCode(tx.db, body.programmeId, body.code)) throw conflict('code');
    await repo.insertProject(tx.db, {
      id,
      programme_id: body.programmeId,
      code: body.code,
      title: body.title,
      description: body.description,
      status: body.status,
      start_date: body.startDate,
      end_date: body.endDate,
      currency: body.currency,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceProjectLinks(tx.db, id, { ...input, organisations: organisationLinks(input) });
    const created = await hydrate(tx, id);
    await recordAudit(tx, { action: 'project.create', entityType: 'project', entityId: id, organisationId: programme.organisation_id, after: auditableProject(created) });
    return created;
  });
}

export async function updateProject(ctx: Ctx, id: string, body: z.infer<typeof UpdateProjectBody>): Promise<Project> {
  return inTransaction(ctx, async (tx) => {
    const row = await loadVisibleProject(tx, id);
    if (!hasRole(ctx.actor, MANAGERS, projectChain({ id, programmeId: row.programme_id, organisationId: row.organisation_id }))) {
      throw new AppError('forbidden');
    }
    if (body.programmeId && body.programmeId !== row.programme_id) await requireManagerOfProgramme(tx, body.programmeId);
    const before = await hydrate(tx, id);
    const input: LinkInput = {
      startDate: body.startDate ?? before.startDate,
      endDate: body.endDate ?? before.endDate,
      currency: body.currency ?? before.currency,
      countries: [...new Set(body.countries ?? before.countries)],
      locationIds: [...new Set(body.locationIds ?? before.locations.map((l) => l.id))],
      sectors: [...new Set(body.sectors ?? before.sectors)],
      donorOrganisationId: body.donorOrganisationId === undefined ? (before.donor?.id ?? null) : body.donorOrganisationId,
      leadOrganisationId: body.leadOrganisationId ?? before.leadOrganisation.id,
      implementingOrganisationIds: body.implementingOrganisationIds ?? before.implementingOrganisations.map((o) => o.id),
    };
    await checkReferences(tx, input);
    const code = body.code ?? row.code;
    const programmeId = body.programmeId ?? row.programme_id;
    if ((code !== row.code || programmeId !== row.programme_id) && (await repo.findProjectByCode(tx.db, programmeId, code))) throw conflict('code');
    await repo.updateProject(tx.db, id, {
      ...(body.programmeId !== undefined && { programme_id: body.programmeId }),
      ...(body.code !== undefined && { code: body.code }),
      ...(body.title !== undefined && { title: body.title }),
      ...(body.description !== undefined && { description: body.description }),
      ...(body.status !== undefined && { status: body.status }),
      start_date: input.startDate,
      end_date: input.endDate,
      currency: input.currency,
      updated_at: nowIso(),
    });
    await repo.replaceProjectLinks(tx.db, id, { ...input, organisations: organisationLinks(input) });
    const after = await hydrate(tx, id);
    await recordAudit(tx, {
      action: 'project.update',
      entityType: 'project',
      entityId: id,
      organisationId: row.organisation_id,
      before: auditableProject(before),
      after: auditableProject(after),
    });
    return after;
  });
}
