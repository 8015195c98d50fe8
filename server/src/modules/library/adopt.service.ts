import type { z } from 'zod';
import type { AdoptableLibraryQuery, AdoptIndicatorBody, CreateIndicatorBody, Indicator } from '@shared/schemas/index.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { type DetailInput, invalid } from '../../lib/errors.js';
import { listCategories, listCategoriesByIds } from '../disaggregations/disaggregations.repository.js';
import { loadVisibleProgramme } from '../programmes/programmes.service.js';
import { loadVisibleProject } from '../projects/projects.service.js';
import type { FrameworkOwner } from '../results/framework-access.js';
import { nodeAccess } from '../results/framework-access.js';
import { toDefinition } from '../results/definition.mapper.js';
import { addIndicator } from '../results/indicators.service.js';
import { hydrateEntries } from './library.service.js';
import * as repo from './library.repository.js';
import type { LibraryRow } from './library.repository.js';

/**
 * The organisations whose libraries a framework draws on: the programme's owner and, for a
 * project, its lead, implementing and donor organisations (a donor's standard list is adopted
 * by the projects it funds). A programme draws on the organisations of all its projects, so its
 * framework can adopt the donor's list that its projects report against.
 */
async function libraryOrganisations(ctx: Ctx, owner: { projectId: string | null; programmeId: string | null; organisationId: string }): Promise<string[]> {
  const partners = owner.projectId
    ? await repo.projectOrganisationIds(ctx.db, owner.projectId)
    : await repo.programmeOrganisationIds(ctx.db, owner.programmeId!);
  return [...new Set([owner.organisationId, ...partners])];
}

/** What a project or programme may adopt: the non-archived entries of its organisations. Read-only here. */
export async function listAdoptable(ctx: Ctx, owner: FrameworkOwner, query: z.infer<typeof AdoptableLibraryQuery>) {
  // Seeing the project or programme is enough, as for reading its framework; nothing is created on read.
  const linked =
    owner.kind === 'project'
      ? await loadVisibleProject(ctx, owner.id).then((p) => ({ projectId: p.id, programmeId: null, organisationId: p.organisation_id }))
      : await loadVisibleProgramme(ctx, owner.id).then((p) => ({ projectId: null, programmeId: p.id, organisationId: p.organisation_id }));
  const rows = await repo.listEntries(ctx.db, { organisationIds: await libraryOrganisations(ctx, linked), q: query.q, includeArchived: false });
  return { items: await hydrateEntries(ctx, rows), canEdit: false };
}

/**
 * Library categories belong to the library's organisation; the indicator needs the framework
 * organisation's own, matched by code (`sex`, `age`…). Reports every code the framework's
 * organisation lacks.
 */
async function mapCategories(ctx: Ctx, entry: LibraryRow, organisationId: string): Promise<string[]> {
  const ids = JSON.parse(entry.category_ids_json) as string[];
  if (!ids.length) return [];
  const libraryCodes = new Map((await listCategoriesByIds(ctx.db, ids)).map((c) => [c.id, c.code]));
  const own = new Map((await listCategories(ctx.db, organisationId)).map((c) => [c.code, c.id]));
  const problems: DetailInput[] = [];
  const mapped = ids.flatMap((id) => {
    const code = libraryCodes.get(id) ?? id;
    const mine = own.get(code);
    if (!mine) problems.push({ field: 'body.libraryIndicatorId', reason: 'missing_category', params: { code } });
    return mine ? [mine] : [];
  });
  if (problems.length) throw invalid(...problems);
  return mapped;
}

/** Adds a linked copy of a library entry under a node; the project-specific fields come with the request. */
export async function adopt(ctx: Ctx, nodeId: string, body: z.infer<typeof AdoptIndicatorBody>): Promise<Indicator> {
  return inTransaction(ctx, async (tx) => {
    const { node, access } = await nodeAccess(tx, nodeId, true);
    const entry = await repo.findEntry(tx.db, body.libraryIndicatorId);
    // An entry outside the framework's libraries is as good as unknown here: no probing of other organisations' lists.
    if (!entry || entry.archived === 1 || !(await libraryOrganisations(tx, access)).includes(entry.organisation_id)) {
      throw invalid({ field: 'body.libraryIndicatorId', reason: 'unknown_reference' });
    }
    const fields: z.infer<typeof CreateIndicatorBody> = {
      ...toDefinition(entry),
      code: body.code ?? entry.code,
      baselineValue: body.baselineValue,
      baselineDate: body.baselineDate,
      lopTarget: body.lopTarget,
      responsible: body.responsible,
      categoryIds: await mapCategories(tx, entry, access.organisationId),
      contributesToId: body.contributesToId,
    };
    return addIndicator(tx, { node, access, fields, libraryIndicatorId: entry.id });
  });
}
