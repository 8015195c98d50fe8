import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Validates IATI XML with libxml2's xmllint against the official 2.03 schema, read from the
 * shared reference folder beside the repository (`../shared/external/iati`, as CI clones it).
 * Tests only: the server never shells out.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const IATI_DIR = path.resolve(repoRoot, '../shared/external/iati');
export const IATI_SCHEMA = path.join(IATI_DIR, 'schema-2.03/iati-activities-schema.xsd');

export interface Validation {
  valid: boolean;
  /** xmllint's complaints, one per line. */
  errors: string;
}

function xmllint(args: string[], input?: string): Validation {
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', IATI_SCHEMA, ...args], { input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    return { valid: true, errors: '' };
  } catch (err) {
    const e = err as { status?: number; stderr?: Buffer };
    if (e.status === undefined) throw err; // xmllint missing: not a validation result
    return { valid: false, errors: e.stderr?.toString('utf8') ?? '' };
  }
}

/** An XML document in memory. */
export const validateIatiXml = (xml: string): Validation => xmllint(['-'], xml);

/**
 * Files on disk, in one xmllint run (parsing the schema once): xmllint ends its report on each
 * file with "<file> validates" or "<file> fails to validate".
 */
export function validateIatiFiles(files: readonly string[]): Map<string, boolean> {
  const { errors } = xmllint([...files]);
  const report = errors || '';
  const out = new Map<string, boolean>();
  if (!report) for (const f of files) out.set(f, true);
  for (const line of report.split('\n')) {
    const m = /^(.*) (validates|fails to validate)$/.exec(line.trim());
    if (m) out.set(m[1]!, m[2] === 'validates');
  }
  return out;
}

/** Every XML file under a folder of the reference set. */
export function xmlFilesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.xml')) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}
