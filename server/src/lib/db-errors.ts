/**
 * Recognises a unique-constraint violation on either database and names the column when it can.
 * Services check the known duplicates first and name the field themselves; this is the safety net
 * for a race between two writers.
 *
 * For a multi-column key the LAST column is named: keys list the scope first and the distinguishing
 * column last (organisation_id, code), and it is the last one a user can change.
 */
export function uniqueViolation(err: unknown): { field?: string } | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { code?: string; message?: string; detail?: string };
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // "UNIQUE constraint failed: programmes.organisation_id, programmes.code" — or "…: index 'name'" for an expression index.
    const columns = /constraint failed: (.+)$/.exec(e.message ?? '')?.[1]?.split(',').map((c) => c.trim().split('.')[1]);
    return named(columns?.at(-1));
  }
  if (e.code === '23505') {
    // 'Key (organisation_id, code)=(…) already exists.' or 'Key (lower(name))=(…) already exists.'
    const list = /^Key \((.+?)\)=/.exec(e.detail ?? '')?.[1];
    const columns = list?.split(',').map((c) => c.trim().replace(/^lower\((\w+)\)$/, '$1'));
    return named(columns?.at(-1));
  }
  return null;
}

const named = (column: string | undefined) => (column && /^\w+$/.test(column) ? { field: snakeToCamel(column) } : {});
const snakeToCamel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
