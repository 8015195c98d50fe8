import type { Database } from '../../db/database.js';

/** What an analytics key number stands for; `combo` is a disaggregation key (option ids joined by '|'). */
export type KeyKind = 'indicator' | 'location' | 'organisation' | 'project' | 'submission' | 'combo';

const CHUNK = 500;

/**
 * The integer numbers of some UUIDs (or disaggregation keys) of one kind. With `create`, missing
 * ones are given a number (inside the caller's transaction; concurrent writers race safely on the
 * unique constraint). Without it, unknown keys are simply absent from the answer: nothing was ever
 * stored for them, so no fact can match.
 */
export async function keyNumbers(db: Database, kind: KeyKind, keys: readonly string[], create = false): Promise<Map<string, number>> {
  const unique = [...new Set(keys)];
  const found = new Map<string, number>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    if (create) {
      await db
        .insertInto('analytics_keys')
        .values(part.map((key) => ({ kind, key })))
        .onConflict((oc) => oc.columns(['kind', 'key']).doNothing())
        .execute();
    }
    const rows = await db.selectFrom('analytics_keys').select(['no', 'key']).where('kind', '=', kind).where('key', 'in', part).execute();
    for (const r of rows) found.set(r.key, Number(r.no));
  }
  return found;
}

/** The keys behind some numbers (any kind), for turning engine answers back into ids. */
export async function keysOfNumbers(db: Database, numbers: readonly number[]): Promise<Map<number, { kind: KeyKind; key: string }>> {
  const unique = [...new Set(numbers)].filter((n) => n > 0);
  const found = new Map<number, { kind: KeyKind; key: string }>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db.selectFrom('analytics_keys').select(['no', 'kind', 'key']).where('no', 'in', unique.slice(i, i + CHUNK)).execute();
    for (const r of rows) found.set(Number(r.no), { kind: r.kind as KeyKind, key: r.key });
  }
  return found;
}
