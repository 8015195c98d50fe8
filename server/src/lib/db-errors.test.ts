import { describe, expect, it } from 'vitest';
import { uniqueViolation } from './db-errors.js';

describe('uniqueViolation', () => {
  it.each([
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: users.email' }, { field: 'email' }],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: programmes.organisation_id, programmes.code' }, { field: 'code' }],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: "UNIQUE constraint failed: index 'organisations_name_uq'" }, {}],
    [{ code: '23505', detail: 'Key (email)=(a@b.org) already exists.' }, { field: 'email' }],
    [{ code: '23505', detail: 'Key (programme_id, code)=(x, CLM-01) already exists.' }, { field: 'code' }],
    [{ code: '23505', detail: 'Key (lower(name))=(sahel action) already exists.' }, { field: 'name' }],
  ])('names the distinguishing column of %j', (err, expected) => {
    expect(uniqueViolation(err)).toEqual(expected);
  });

  it('ignores other errors', () => {
    expect(uniqueViolation(new Error('boom'))).toBeNull();
    expect(uniqueViolation({ code: '23503' })).toBeNull();
  });
});
