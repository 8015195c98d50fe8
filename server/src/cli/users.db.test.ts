import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { verifyPassword } from '../lib/passwords.js';
import { buildOrganisation, buildProgramme, buildUser, sessionFor } from '../test/factories.js';
import { createTestDatabase, type TestDatabase } from '../test/test-db.js';
import { createUserCommand, passwordOption, resetPasswordCommand, setUserDisabledCommand } from './commands/users.js';
import { describeError } from './errors.js';

let t: TestDatabase;
let db: Database;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.handle.db;
});
afterAll(() => t.drop());

const tag = () => randomBytes(3).toString('hex').toUpperCase();
const email = () => `cli-${tag().toLowerCase()}@example.org`;

function capture() {
  const lines: string[] = [];
  return { lines, out: (line: string) => void lines.push(line) };
}

async function failure(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected the command to fail').not.toBeNull();
  return describeError(err);
}

const auditFor = (entityId: string) =>
  db.selectFrom('audit_log').select(['action', 'actor_email', 'actor_name', 'request_id']).where('entity_id', '=', entityId).orderBy('at').execute();

const userRow = (address: string) => db.selectFrom('users').selectAll().where('email', '=', address).executeTakeFirst();

describe('user create', () => {
  it('creates an admin on the installation by default, prints a generated password once and audits as the command line', async () => {
    const org = await buildOrganisation(db, { acronym: `A${tag()}` });
    const { lines, out } = capture();
    const user = await createUserCommand(db, { email: email().toUpperCase(), name: 'Awa Traoré', org: org.acronym!.toLowerCase(), role: 'admin' }, out);

    expect(user.email).toBe(user.email.toLowerCase());
    expect(user.organisationId).toBe(org.id);
    expect(user.memberships).toEqual([expect.objectContaining({ role: 'admin', scopeType: 'installation', scopeId: null })]);
    const printed = lines.filter((l) => l.startsWith('Password (shown once'));
    expect(printed).toHaveLength(1);
    const password = printed[0]!.split(': ')[1]!;
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(await verifyPassword((await userRow(user.email))!.password_hash, password)).toBe(true);
    expect(await auditFor(user.id)).toEqual([
      { action: 'user.create', actor_email: 'system', actor_name: 'Command line', request_id: 'cli:user create' },
      { action: 'membership.create', actor_email: 'system', actor_name: 'Command line', request_id: 'cli:user create' },
    ]);
  });

  it("grants other roles on the user's organisation, found by its exact name, and never prints a given password", async () => {
    const org = await buildOrganisation(db);
    const { lines, out } = capture();
    const user = await createUserCommand(db, { email: email(), name: 'Moussa', org: org.name, role: 'reporter', password: 'a perfectly long password' }, out);
    expect(user.memberships).toEqual([expect.objectContaining({ role: 'reporter', scopeType: 'organisation', scopeId: org.id })]);
    expect(lines.join('\n')).not.toContain('a perfectly long password');
    expect(await verifyPassword((await userRow(user.email))!.password_hash, 'a perfectly long password')).toBe(true);
  });

  it('grants the role on a programme given by its code with --scope-type programme', async () => {
    const org = await buildOrganisation(db);
    const programme = await buildProgramme(db, { organisationId: org.id, code: `PRG-${tag()}` });
    const user = await createUserCommand(
      db,
      { email: email(), name: 'Programme lead', org: org.id, role: 'programme_manager', scopeType: 'programme', scope: programme.code },
      capture().out,
    );
    expect(user.memberships).toEqual([expect.objectContaining({ role: 'programme_manager', scopeType: 'programme', scopeId: programme.id })]);
  });

  it('rejects invalid fields with the API validation messages and writes nothing', async () => {
    const org = await buildOrganisation(db);
    const before = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const message = await failure(createUserCommand(db, { email: 'not-an-email', name: 'X', org: org.id, role: 'viewer', password: 'short' }, capture().out));
    expect(message).toBe('email: Not a valid email.; password: Must be at least 12 characters.');
    const after = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a duplicate e-mail as a conflict', async () => {
    const org = await buildOrganisation(db);
    const existing = await buildUser(db, { organisationId: org.id });
    const message = await failure(createUserCommand(db, { email: existing.email, name: 'Twin', org: org.id, role: 'viewer' }, capture().out));
    expect(message).toBe('This conflicts with an existing record. email: This value is already used.');
  });

  it('names an unknown or ambiguous organisation and an unknown scope', async () => {
    const acronym = `D${tag()}`;
    await buildOrganisation(db, { acronym });
    await buildOrganisation(db, { acronym });
    expect(await failure(createUserCommand(db, { email: email(), name: 'X', org: 'No Such Org', role: 'viewer' }, capture().out))).toBe(
      'No organisation matches "No Such Org".',
    );
    expect(await failure(createUserCommand(db, { email: email(), name: 'X', org: acronym, role: 'viewer' }, capture().out))).toMatch(
      new RegExp(`^"${acronym}" matches 2 organisations .*give the id\\.$`),
    );
    const org = await buildOrganisation(db);
    const address = email();
    expect(
      await failure(createUserCommand(db, { email: address, name: 'X', org: org.id, role: 'viewer', scopeType: 'project', scope: 'NOPE' }, capture().out)),
    ).toBe('No project matches "NOPE".');
    expect(await userRow(address)).toBeUndefined();
  });

  it('rejects an unknown role or scope type', async () => {
    const org = await buildOrganisation(db);
    expect(await failure(createUserCommand(db, { email: email(), name: 'X', org: org.id, role: 'boss' }, capture().out))).toMatch(/^--role must be one of: admin,/);
    expect(await failure(createUserCommand(db, { email: email(), name: 'X', org: org.id, role: 'viewer', scopeType: 'planet' }, capture().out))).toMatch(
      /^--scope-type must be one of: installation,/,
    );
  });
});

describe('user reset-password', () => {
  it('sets the new password, ends every session and audits the reset', async () => {
    const org = await buildOrganisation(db);
    const user = await buildUser(db, { organisationId: org.id });
    await sessionFor(db, user.id);
    await sessionFor(db, user.id);
    const { lines, out } = capture();
    const password = await resetPasswordCommand(db, { email: user.email.toUpperCase() }, out);

    expect(lines.filter((l) => l.includes(password))).toHaveLength(1);
    expect(await verifyPassword((await userRow(user.email))!.password_hash, password)).toBe(true);
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    expect((await auditFor(user.id)).map((a) => [a.action, a.actor_name])).toEqual([['user.reset_password', 'Command line']]);
  });

  it('refuses a short password and an unknown e-mail', async () => {
    const org = await buildOrganisation(db);
    const user = await buildUser(db, { organisationId: org.id });
    expect(await failure(resetPasswordCommand(db, { email: user.email, password: 'short' }, capture().out))).toBe('password: Must be at least 12 characters.');
    expect(await failure(resetPasswordCommand(db, { email: 'nobody@example.org' }, capture().out))).toBe('No user with e-mail nobody@example.org.');
  });
});

describe('user disable and enable', () => {
  it('disables a user, ending their sessions, then enables them again, auditing both', async () => {
    const org = await buildOrganisation(db);
    const user = await buildUser(db, { organisationId: org.id, grants: [{ role: 'viewer', scopeType: 'organisation', scopeId: org.id }] });
    await sessionFor(db, user.id);
    expect((await setUserDisabledCommand(db, { email: user.email, disabled: true }, capture().out)).disabled).toBe(true);
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    expect((await setUserDisabledCommand(db, { email: user.email, disabled: false }, capture().out)).disabled).toBe(false);
    expect((await auditFor(user.id)).map((a) => a.action)).toEqual(['user.disable', 'user.enable']);
  });

  it('refuses to disable the last active installation administrator', async () => {
    const own = await createTestDatabase();
    try {
      const org = await buildOrganisation(own.handle.db);
      const admin = await buildUser(own.handle.db, { organisationId: org.id, grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }] });
      expect(await failure(setUserDisabledCommand(own.handle.db, { email: admin.email, disabled: true }, capture().out))).toBe(
        'disabled: This would leave the installation without an active administrator.',
      );
      const row = await own.handle.db.selectFrom('users').select('disabled').where('id', '=', admin.id).executeTakeFirstOrThrow();
      expect(row.disabled).toBe(0);
    } finally {
      await own.drop();
    }
  });
});

describe('--password-stdin', () => {
  it('reads the password from the first line of standard input, so it stays out of shell history', async () => {
    expect(await passwordOption({ passwordStdin: true }, Readable.from(['a perfectly long ', 'password\r\nignored\n']))).toBe('a perfectly long password');
    expect(await passwordOption({ password: 'given on the line' }, Readable.from([]))).toBe('given on the line');
    expect(await passwordOption({}, Readable.from([]))).toBeUndefined();
  });

  it('refuses empty input and both options at once', async () => {
    expect(await failure(passwordOption({ passwordStdin: true }, Readable.from([])))).toMatch(/nothing was read/);
    expect(await failure(passwordOption({ passwordStdin: true, password: 'a perfectly long password' }, Readable.from([])))).toMatch(/not both/);
  });
});
