import type { z } from 'zod';
import type { CreateOrganisationBody, ListOrganisationsQuery, Organisation, UpdateOrganisationBody } from '@shared/schemas/index.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { ADMINS, authorise, hasRole, installationChain, organisationChain, requireRole } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { insertStandardCategories } from '../disaggregations/disaggregations.service.js';
import { toOrganisation } from './organisations.mapper.js';
import * as repo from './organisations.repository.js';

/** The organisation directory is visible to every signed-in user: partners must be pickable by name. */
export async function listOrganisations(ctx: Ctx, query: z.infer<typeof ListOrganisationsQuery>) {
  const { rows, total } = await repo.listOrganisations(ctx.db, query.q, query.limit, query.offset);
  return { items: rows.map(toOrganisation), total };
}

export async function getOrganisation(ctx: Ctx, id: string): Promise<Organisation> {
  const row = await repo.findOrganisation(ctx.db, id);
  if (!row) throw notFound();
  return toOrganisation(row);
}

export async function createOrganisation(ctx: Ctx, body: z.infer<typeof CreateOrganisationBody>): Promise<Organisation> {
  requireRole(ctx.actor, ADMINS, installationChain);
  const now = nowIso();
  const row = {
    id: newId(),
    name: body.name,
    acronym: body.acronym ?? null,
    iati_identifier: body.iatiIdentifier ?? null,
    type: body.type,
    country_code: body.countryCode ?? null,
    website: body.website ?? null,
    fiscal_year_start_month: body.fiscalYearStartMonth ?? 1,
    created_at: now,
    updated_at: now,
  };
  return inTransaction(ctx, async (tx) => {
    // Checked here so both databases name the field (SQLite's error for the lower(name) index does not).
    if (await repo.findOrganisationByName(tx.db, row.name)) throw conflict('name');
    await repo.insertOrganisation(tx.db, row);
    const created = toOrganisation(row);
    await recordAudit(tx, { action: 'organisation.create', entityType: 'organisation', entityId: row.id, organisationId: row.id, after: created });
    // Every organisation starts with the standard disaggregations (sex, age bands, disability, displacement).
    await insertStandardCategories(tx, row.id);
    return created;
  });
}

export async function updateOrganisation(ctx: Ctx, id: string, body: z.infer<typeof UpdateOrganisationBody>): Promise<Organisation> {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findOrganisation(tx.db, id);
    authorise(!!before, hasRole(ctx.actor, ADMINS, organisationChain(id)));
    if (body.name !== undefined && (await repo.findOrganisationByName(tx.db, body.name, id))) throw conflict('name');
    const patch = {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.acronym !== undefined && { acronym: body.acronym }),
      ...(body.iatiIdentifier !== undefined && { iati_identifier: body.iatiIdentifier }),
      ...(body.type !== undefined && { type: body.type }),
      ...(body.countryCode !== undefined && { country_code: body.countryCode }),
      ...(body.website !== undefined && { website: body.website }),
      ...(body.fiscalYearStartMonth !== undefined && { fiscal_year_start_month: body.fiscalYearStartMonth }),
      updated_at: nowIso(),
    };
    await repo.updateOrganisation(tx.db, id, patch);
    const after = toOrganisation({ ...before!, ...patch });
    await recordAudit(tx, {
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: id,
      organisationId: id,
      before: toOrganisation(before!),
      after,
    });
    return after;
  });
}

