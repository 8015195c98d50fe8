import type { z } from 'zod';
import type { ImportLocationsBody, ListLocationsQuery, Location, UpdateLocationBody } from '@shared/schemas/index.js';
import { nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { ADMINS, installationChain, requireRole } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { checkRows, checkStoredChildren, parentsFirst, parseLocationsCsv, parseLocationsGeoJson } from './locations.import.js';
import { toLocation } from './locations.mapper.js';
import * as repo from './locations.repository.js';

/** Places are shared reference data: every signed-in user reads them, installation admins change them. */
export async function listLocations(ctx: Ctx, query: z.infer<typeof ListLocationsQuery>): Promise<{ items: Location[] }> {
  const rows = await repo.listLocations(ctx.db, query, query.limit);
  return { items: rows.map(toLocation) };
}

export async function getLocation(ctx: Ctx, id: string): Promise<Location> {
  const row = await repo.findLocation(ctx.db, id);
  if (!row) throw notFound();
  return toLocation(row);
}

export async function updateLocation(ctx: Ctx, id: string, body: z.infer<typeof UpdateLocationBody>): Promise<Location> {
  requireRole(ctx.actor, ADMINS, installationChain);
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findLocation(tx.db, id);
    if (!before) throw notFound();
    await repo.updateLocation(tx.db, id, {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.names !== undefined && { names_json: JSON.stringify(body.names) }),
      updated_at: nowIso(),
    });
    const after = toLocation((await repo.findLocation(tx.db, id))!);
    const b = toLocation(before);
    await recordAudit(tx, {
      action: 'location.update',
      entityType: 'location',
      entityId: id,
      before: { name: b.name, names: b.names },
      after: { name: after.name, names: after.names },
    });
    return after;
  });
}

/**
 * Imports a CSV or GeoJSON file of places, all or nothing: every problem is reported by row and
 * field and nothing is written unless the whole file is valid. Re-importing the same file changes nothing.
 */
export async function importLocations(ctx: Ctx, body: z.infer<typeof ImportLocationsBody>) {
  requireRole(ctx.actor, ADMINS, installationChain);
  const parsed = body.format === 'csv' ? parseLocationsCsv(body.content) : parseLocationsGeoJson(body.content, body);
  if (parsed.problems.length) throw new AppError('import_failed', parsed.problems);

  return inTransaction(ctx, async (tx) => {
    const referenced = [...new Set(parsed.rows.flatMap((r) => [r.pcode, r.parentPcode]).filter((p): p is string => !!p))];
    const stored = new Map((await repo.findByPcodes(tx.db, referenced)).map((l) => [l.pcode, l]));
    const problems = checkRows(parsed.rows, stored);
    const relevelled = parsed.rows.flatMap((r) => {
      const before = stored.get(r.pcode);
      return before && before.level !== r.level ? [before.id] : [];
    });
    problems.push(...checkStoredChildren(parsed.rows, stored, await repo.childrenOf(tx.db, relevelled)));
    if (problems.length) throw new AppError('import_failed', problems);

    const now = nowIso();
    const idByPcode = new Map([...stored.values()].map((l) => [l.pcode, l.id]));
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const changed: string[] = [];
    for (const r of parentsFirst(parsed.rows)) {
      const existing = stored.get(r.pcode);
      const parentId = r.parentPcode ? idByPcode.get(r.parentPcode)! : null;
      const namesJson = JSON.stringify(Object.keys(r.names).length ? r.names : existing ? JSON.parse(existing.names_json) : {});
      // A CSV carries no geometry: keep what is stored rather than erase it.
      const geometryJson = r.geometry === undefined ? (existing?.geometry_json ?? null) : r.geometry ? JSON.stringify(r.geometry) : null;
      if (!existing) {
        const id = newId();
        idByPcode.set(r.pcode, id);
        counts.created++;
        changed.push(r.pcode);
        if (!body.dryRun) {
          await repo.insertLocation(tx.db, {
            id, parent_id: parentId, level: r.level, pcode: r.pcode, name: r.name,
            names_json: namesJson, geometry_json: geometryJson, created_at: now, updated_at: now,
          });
        }
        continue;
      }
      const same =
        existing.name === r.name && existing.level === r.level && existing.parent_id === parentId &&
        existing.names_json === namesJson && existing.geometry_json === geometryJson;
      if (same) {
        counts.unchanged++;
        continue;
      }
      counts.updated++;
      changed.push(r.pcode);
      if (!body.dryRun) {
        await repo.updateLocation(tx.db, existing.id, {
          parent_id: parentId, level: r.level, name: r.name, names_json: namesJson, geometry_json: geometryJson, updated_at: now,
        });
      }
    }
    if (!body.dryRun && changed.length) {
      await recordAudit(tx, {
        action: 'location.import',
        entityType: 'location',
        after: { format: body.format, ...counts, pcodes: changed.slice(0, 1000) },
      });
    }
    return { ...counts, dryRun: body.dryRun };
  });
}
