import type { z } from 'zod';
import type { ImportFrameworkBody, ImportFrameworkResultT } from '@shared/schemas/index.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, invalid } from '../../lib/errors.js';
import { editableFramework, frameworkAccess, type FrameworkOwner } from '../results/framework-access.js';
import { applyPlan } from './framework-apply.js';
import { diffFramework } from './framework-diff.js';
import * as repo from './framework-io.repository.js';
import { type ParseContext, parseFramework } from './framework-parse.js';
import { type FrameworkSnapshot, loadSnapshot } from './framework-snapshot.js';
import { blankWorkbook, frameworkWorkbook } from './framework-workbook.js';
import { indicatorPlanWorkbook } from './indicator-plan.js';
import { readWorkbook } from './workbook-reader.js';

const projectOwner = (id: string): FrameworkOwner => ({ kind: 'project', id });

export interface Download {
  filename: string;
  content: Buffer;
}

/** A name any file system and any Content-Disposition reader accepts: ASCII letters, digits, dot, dash and underscore. */
const safeName = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'project';
const today = () => new Date().toISOString().slice(0, 10);

/** The project's framework as a workbook in the template layout; anyone who reads the project may download it. */
export async function exportFramework(ctx: Ctx, projectId: string): Promise<Download> {
  const s = await inTransaction(ctx, async (tx) => loadSnapshot(tx, await frameworkAccess(tx, projectOwner(projectId))));
  return { filename: `fieldbook-framework-${safeName(s.project.code)}.xlsx`, content: await frameworkWorkbook(s) };
}

/** The blank template with its Instructions sheet: for any signed-in user (the route needs a session). */
export async function frameworkTemplate(): Promise<Download> {
  return { filename: 'fieldbook-framework-template.xlsx', content: await blankWorkbook() };
}

/** The performance monitoring plan, in the reader's language. */
export async function exportIndicatorPlan(ctx: Ctx, projectId: string): Promise<Download> {
  return inTransaction(ctx, async (tx) => {
    const s = await loadSnapshot(tx, await frameworkAccess(tx, projectOwner(projectId)));
    const ids = (pick: (i: FrameworkSnapshot['indicators'][number]) => string | null) => [...new Set(s.indicators.flatMap((i) => pick(i) ?? []))];
    const [organisations, libraryCodes, contributesTo] = await Promise.all([
      repo.leadOrganisationNames(tx.db, projectId),
      repo.libraryCodes(tx.db, ids((i) => i.libraryIndicatorId)),
      repo.indicatorRefs(tx.db, ids((i) => i.contributesToId)),
    ]);
    const content = await indicatorPlanWorkbook(s, { organisations, libraryCodes, contributesTo, locale: ctx.locale, today: today() });
    return { filename: `fieldbook-indicator-plan-${safeName(s.project.code)}-${today()}.xlsx`, content };
  });
}

const parseContext = (s: FrameworkSnapshot): ParseContext => ({
  levels: s.levels,
  categories: s.categories,
  locations: s.locations,
  periodKeys: s.periodKeys,
  existingNodes: new Map(s.nodes.map((n) => [n.code, n])),
  existingIndicators: new Map(s.indicators.map((i) => [i.code, i])),
});

/** Thrown to roll a dry run back after it has done everything a real import does. */
class DryRun extends Error {
  constructor(readonly result: ImportFrameworkResultT) {
    super('dry run');
  }
}

/**
 * Imports a whole framework from the template workbook, all or nothing. The file is checked in
 * full first and every problem is listed by sheet, row and column; only a clean file is applied,
 * in one transaction, through the same services as the editor. A dry run applies it too and then
 * rolls back, so its counts are exactly what the import would do.
 */
export async function importFramework(ctx: Ctx, projectId: string, body: z.infer<typeof ImportFrameworkBody>): Promise<ImportFrameworkResultT> {
  if (body.why.reason === 'other' && !body.why.note) throw invalid({ field: 'body.why.note', reason: 'required' });
  // A dry run must own its transaction: rolling back a joined one would undo the caller's work too.
  if (body.dryRun && ctx.db.isTransaction) throw new Error('A dry-run import cannot run inside another transaction');
  // Who may import is settled before the file is even opened; reading it happens outside the transaction.
  await inTransaction(ctx, (tx) => editableFramework(tx, projectOwner(projectId)));
  const read = await readWorkbook(body.contentBase64);
  if (read.problems.length) throw new AppError('import_failed', read.problems);
  try {
    return await inTransaction(ctx, async (tx) => {
      const access = await editableFramework(tx, projectOwner(projectId));
      const s = await loadSnapshot(tx, access);
      const { plan, problems } = parseFramework(read.sheets, parseContext(s));
      if (problems.length) throw new AppError('import_failed', problems);
      const diff = diffFramework(s, plan);
      if (diff.problems.length) throw new AppError('import_failed', diff.problems);
      const counts = await applyPlan(tx, s, plan, diff, body.why);
      const result = { dryRun: body.dryRun, ...counts };
      if (body.dryRun) throw new DryRun(result);
      return result;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.result;
    throw e;
  }
}
