import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../test/test-db.js';
import { createOrganisationCommand } from './commands/organisations.js';
import { createUserCommand } from './commands/users.js';
import { describeError } from './errors.js';

let t: TestDatabase;
let db: Database;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.handle.db;
});
afterAll(() => t.drop());

const out = () => undefined;
const name = () => `Organisation ${randomBytes(4).toString('hex')}`;

describe('org create', () => {
  it('creates an organisation, audited as the command line, that a first admin can then join by acronym', async () => {
    const acronym = `O${randomBytes(2).toString('hex').toUpperCase()}`;
    const org = await createOrganisationCommand(db, { name: name(), type: '22', acronym, country: 'mli' }, out);
    expect(org).toMatchObject({ acronym, type: '22', countryCode: 'MLI', fiscalYearStartMonth: 1 });
    const audit = await db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity_id', '=', org.id).execute();
    expect(audit).toEqual([{ action: 'organisation.create', actor_name: 'Command line' }]);

    const admin = await createUserCommand(db, { email: `first-${acronym.toLowerCase()}@example.org`, name: 'First admin', org: acronym, role: 'admin' }, out);
    expect(admin.organisationId).toBe(org.id);
  });

  it('rejects an unknown type and a name already used, whatever its case', async () => {
    const taken = name();
    await createOrganisationCommand(db, { name: taken, type: '21' }, out);
    const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable(), describeError);
    expect(await fail(createOrganisationCommand(db, { name: name(), type: '99' }, out))).toBe('type: Not one of the allowed values.');
    // The case-insensitive unique index names no column on SQLite, so the field may be absent.
    expect(await fail(createOrganisationCommand(db, { name: taken.toUpperCase(), type: '21' }, out))).toMatch(
      /^This conflicts with an existing record\. (name: )?This value is already used\.$/,
    );
  });
});
