import { type Expression, type SqlBool, sql } from 'kysely';

/** Case-insensitive "contains" that behaves the same on SQLite and PostgreSQL. */
export function containsText(column: Expression<string | null>, term: string): Expression<SqlBool> {
  const pattern = `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;
}

export const toJson = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
