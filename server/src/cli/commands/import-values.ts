import path from 'node:path';
import { errorMessage } from '@shared/i18n/error-messages.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import { importValues } from '../../modules/reporting/import/import.service.js';
import { CliError } from '../errors.js';
import { type Out, systemCtx } from '../runtime.js';

/**
 * `import-values`: the same all-or-nothing import as the package page, as the command line
 * (SYSTEM_ACTOR), streaming the file from disk. Prints the counts, or every problem by row and column.
 */
export async function importValuesCommand(db: Database, o: { submission: string; file: string; dryRun?: boolean }, out: Out) {
  const started = performance.now();
  try {
    const { body } = await importValues(
      systemCtx(db, 'import-values'),
      o.submission,
      { fileName: path.basename(o.file), path: o.file },
      { dryRun: o.dryRun === true, onWriting: () => out('Writing values…') },
    );
    const seconds = (performance.now() - started) / 1000;
    out(`${body.dryRun ? 'Checked (dry run, nothing written)' : 'Imported'} ${body.rows} rows from ${body.format.toUpperCase()} in ${seconds.toFixed(1)} s: ${body.created} created, ${body.updated} updated, ${body.cleared} cleared, ${body.unchanged} unchanged.`);
    for (const p of body.problems) out(`warning: ${p.message}`);
    return body;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'import_failed') throw err;
    for (const d of err.details) {
      const where = [d.sheet && `sheet ${d.sheet}`, d.row && `row ${d.row}`, d.column && `column ${d.column}`].filter(Boolean).join(', ');
      out(`${where ? `${where}: ` : ''}${errorMessage(d.reason, 'en', d.params)}`);
    }
    throw new CliError(errorMessage('import_failed', 'en', { count: err.details.length, ...err.params }));
  }
}
