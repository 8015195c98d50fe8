import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openPostgres, openSqlite } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { nowIso } from '../../../lib/clock.js';
import { newId } from '../../../lib/ids.js';
import { buildCategory, buildIndicator, buildOrganisation, buildProgramme, buildProject, buildResultNode } from '../../../test/factories.js';
import { buildRound, buildValue } from '../../../test/reporting-factories.js';

/**
 * A command-line import killed (SIGKILL) while it writes leaves nothing behind: the package holds
 * exactly the values it had before. Runs against a file SQLite database, or against a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set.
 */
const root = path.resolve(import.meta.dirname, '../../../../..');
const INDICATORS = 20;
const PLACES = 1_000;
const AGES: [number, number | null][] = [[0, 4], [5, 17], [18, 49], [50, 59], [60, null]];

let dir: string;
let handle: DatabaseHandle;
let env: Record<string, string>;
let dropPg: (() => Promise<void>) | null = null;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-killed-'));
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `fb_test_kill_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    handle = openPostgres(dbUrl.toString(), 2);
    env = { DATABASE_URL: dbUrl.toString(), DATA_DIR: dir };
    dropPg = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    handle = openSqlite(path.join(dir, 'fieldbook.sqlite'));
    env = { DATA_DIR: dir };
  }
  await migrateToLatest(handle.db);
}, 60_000);

afterAll(async () => {
  await handle.close();
  await dropPg?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** 20 indicators × 1,000 places × (total + 2 × 5 breakdowns) = 220,000 rows: several seconds of writing. */
async function world() {
  const db = handle.db;
  const org = await buildOrganisation(db);
  const programme = await buildProgramme(db, { organisationId: org.id });
  const project = await buildProject(db, { programmeId: programme.id, leadOrganisationId: org.id });
  const node = await buildResultNode(db, { projectId: project.id });
  const sex = await buildCategory(db, { organisationId: org.id, code: 'sex', options: ['f', 'm'] });
  const age = await buildCategory(db, { organisationId: org.id, code: 'age', ages: AGES });
  const indicators = [];
  for (let i = 0; i < INDICATORS; i++) indicators.push(await buildIndicator(db, { nodeId: node.id, code: `K${i}` }));
  await db
    .insertInto('indicator_disaggregations')
    .values(indicators.flatMap((ind) => [{ indicator_id: ind.id, category_id: sex.id, position: 0 }, { indicator_id: ind.id, category_id: age.id, position: 1 }]))
    .execute();
  const now = nowIso();
  const stamp = Date.now().toString(36).toUpperCase();
  const places = Array.from({ length: PLACES }, (_, l) => ({
    id: newId(), parent_id: null, level: 'site', pcode: `KL${stamp}${l}`, name: `Site ${l}`, names_json: '{}', geometry_json: null, created_at: now, updated_at: now,
  }));
  for (let i = 0; i < places.length; i += 500) await db.insertInto('locations').values(places.slice(i, i + 500)).execute();
  const { submissions } = await buildRound(db, { projectId: project.id, reporters: [{ organisationId: org.id, locationIds: places.map((p) => p.id) }] });
  const submissionId = submissions[0]!.id;
  // Values already there: the file changes them, so a partial import would show.
  for (const [i, l] of [[0, 0], [0, 1], [5, 999]] as const) await buildValue(db, { submissionId, indicatorId: indicators[i]!.id, locationId: places[l]!.id, value: 7 });

  const combos = ['f', 'm'].flatMap((s) => AGES.map(([a, b]) => `sex=${s}|age=${a}-${b ?? ''}`));
  const lines = ['indicator_code,location_pcode,disaggregation_codes,value'];
  for (const ind of indicators) {
    for (const p of places) {
      lines.push(`${ind.code},${p.pcode},,110`);
      for (const c of combos) lines.push(`${ind.code},${p.pcode},${c},11`);
    }
  }
  const file = path.join(dir, `values-${stamp}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return { submissionId, file };
}

const snapshot = (submissionId: string) =>
  handle.db
    .selectFrom('indicator_values')
    .select(['id', 'indicator_id', 'location_id', 'disaggregation_key', 'value', 'comment', 'updated_at'])
    .where('submission_id', '=', submissionId)
    .orderBy('id')
    .execute();

describe('an import killed while it writes', () => {
  it('leaves the package exactly as it was', async () => {
    const { submissionId, file } = await world();
    const before = await snapshot(submissionId);
    expect(before).toHaveLength(3);

    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/fieldbook.ts', 'import-values', '--submission', submissionId, '--file', file], {
      cwd: root,
      env: { ...process.env, ...env, TEST_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    const writing = new Promise<boolean>((resolve) => {
      child.stdout.on('data', (b: Buffer) => {
        output += b.toString();
        if (output.includes('Writing values')) resolve(true);
      });
      void exited.then(() => resolve(false));
    });
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    expect(await writing, output).toBe(true);
    // Let it write a few more batches, then kill it without a chance to clean up.
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGKILL');
    expect(await exited, output).toBe('SIGKILL');
    expect(output).not.toContain('Imported');

    expect(await snapshot(submissionId)).toEqual(before);
    const history = await handle.db.selectFrom('value_history').select('id').where('submission_id', '=', submissionId).execute();
    expect(history).toEqual([]);
    const audit = await handle.db.selectFrom('audit_log').select('id').where('entity_id', '=', submissionId).execute();
    expect(audit).toEqual([]);
    // Generous: on a loaded machine the command line alone takes a while to start.
  }, 90_000);
});
