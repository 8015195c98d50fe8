/** Recognises a unique-constraint violation on either database and names the column when it can. */
export function uniqueViolation(err: unknown): { field?: string } | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { code?: string; message?: string; constraint?: string; detail?: string };
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // "UNIQUE constraint failed: users.email"
    const column = /constraint failed: \w+\.(\w+)/.exec(e.message ?? '')?.[1];
    return column ? { field: snakeToCamel(column) } : {};
  }
  if (e.code === '23505') {
    // detail: 'Key (email)=(a@b.c) already exists.'
    const column = /^Key \((?:lower\()?(\w+)/.exec(e.detail ?? '')?.[1];
    return column ? { field: snakeToCamel(column) } : {};
  }
  return null;
}

const snakeToCamel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
