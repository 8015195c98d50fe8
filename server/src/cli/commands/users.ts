import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type Role, SCOPE_TYPES, type ScopeType } from '@shared/roles.js';
import { CreateMembershipBody, CreateUserBody, PasswordSchema, type User } from '@shared/schemas/index.js';
import type { Database } from '../../db/database.js';
import { findUserByEmail } from '../../modules/users/users.repository.js';
import { addMembership, createUser, resetPassword, setDisabled } from '../../modules/users/users.service.js';
import { organisationsMatching, programmesMatching, projectsMatching } from '../cli.repository.js';
import { CliError } from '../errors.js';
import { type Out, systemCtx } from '../runtime.js';

export interface CreateUserOptions {
  email: string;
  name: string;
  /** Organisation id, exact name or acronym. */
  org: string;
  role: string;
  scopeType?: string | undefined;
  /** Id (or organisation name/acronym, programme or project code) of the scope. */
  scope?: string | undefined;
  password?: string | undefined;
}

// 20 characters from 32 letters and digits (no l, o, 0, 1 to misread): 100 bits, easy to read out and type.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}

/**
 * `--password-stdin`: the first line of standard input (`printf '%s\n' "$PW" | fieldbook …`),
 * which keeps the password out of shell history and the process list, unlike `--password`.
 */
export async function passwordOption(
  o: { password?: string | undefined; passwordStdin?: boolean | undefined },
  input: NodeJS.ReadableStream = process.stdin,
): Promise<string | undefined> {
  if (!o.passwordStdin) return o.password;
  if (o.password !== undefined) throw new CliError('Give --password or --password-stdin, not both.');
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (/[\r\n]/.test(text)) break;
  }
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  if (!line) throw new CliError('--password-stdin: nothing was read from standard input.');
  return line;
}

function resolveOne(kind: string, key: string, rows: { id: string; name: string }[]) {
  if (rows.length === 1) return rows[0]!;
  if (rows.length === 0) throw new CliError(`No ${kind} matches "${key}".`);
  throw new CliError(`"${key}" matches ${rows.length} ${kind}s (${rows.map((r) => `${r.name} ${r.id}`).join(', ')}); give the id.`);
}

const resolveOrganisation = async (db: Database, key: string) => resolveOne('organisation', key, await organisationsMatching(db, key));

async function resolveScope(db: Database, type: ScopeType, key: string | undefined, userOrganisation: { id: string; name: string }) {
  if (type === 'installation') {
    if (key) throw new CliError('--scope is not used with --scope-type installation.');
    return { id: null, label: 'the installation' };
  }
  if (type === 'organisation' && !key) return { id: userOrganisation.id, label: `organisation ${userOrganisation.name}` };
  if (!key) throw new CliError(`--scope is required with --scope-type ${type}.`);
  const found =
    type === 'organisation'
      ? await resolveOrganisation(db, key)
      : resolveOne(type, key, type === 'programme' ? await programmesMatching(db, key) : await projectsMatching(db, key));
  return { id: found.id, label: `${type} ${found.name}` };
}

function parseChoice<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${flag} must be one of: ${allowed.join(', ')} (got "${value}").`);
}

/**
 * Creates a user and their first role in one transaction, through the same services and
 * validation as the API, audited as the command line. Prints a generated password once.
 */
export async function createUserCommand(db: Database, o: CreateUserOptions, out: Out): Promise<User> {
  const role = parseChoice<Role>(o.role, ROLES, '--role');
  if (o.scope && !o.scopeType) throw new CliError('--scope needs --scope-type (organisation, programme or project).');
  const scopeType = o.scopeType ? parseChoice<ScopeType>(o.scopeType, SCOPE_TYPES, '--scope-type') : role === 'admin' ? 'installation' : 'organisation';
  const password = o.password ?? generatePassword();

  const { user, label } = await db.transaction().execute(async (trx) => {
    const ctx = systemCtx(trx, 'user create');
    const organisation = await resolveOrganisation(trx, o.org);
    const body = CreateUserBody.parse({ email: o.email, name: o.name, organisationId: organisation.id, password });
    const scope = await resolveScope(trx, scopeType, o.scope, organisation);
    const membership = CreateMembershipBody.parse({ role, scopeType, scopeId: scope.id });
    const created = await createUser(ctx, body);
    return { user: await addMembership(ctx, created.id, membership), label: scope.label };
  });

  out(`Created ${user.name} <${user.email}> (${user.id}) in ${user.organisationName}, ${role} on ${label}.`);
  if (!o.password) out(`Password (shown once, give it to the user): ${password}`);
  return user;
}

async function userByEmail(db: Database, email: string) {
  const user = await findUserByEmail(db, email.trim());
  if (!user) throw new CliError(`No user with e-mail ${email}.`);
  return user;
}

/** Sets a new password (generated when none is given) and ends the user's sessions; audited. */
export async function resetPasswordCommand(db: Database, o: { email: string; password?: string | undefined }, out: Out): Promise<string> {
  const { password } = z.object({ password: PasswordSchema }).parse({ password: o.password ?? generatePassword() });
  const user = await db.transaction().execute(async (trx) => {
    const found = await userByEmail(trx, o.email);
    await resetPassword(systemCtx(trx, 'user reset-password'), found.id, password);
    return found;
  });
  out(`Password reset for ${user.email}; their sessions have ended.`);
  if (!o.password) out(`New password (shown once, give it to the user): ${password}`);
  return password;
}

/** Disables (ending their sessions) or re-enables a user; refuses to disable the last active admin. */
export async function setUserDisabledCommand(db: Database, o: { email: string; disabled: boolean }, out: Out): Promise<User> {
  const user = await db.transaction().execute(async (trx) => {
    const target = await userByEmail(trx, o.email);
    return setDisabled(systemCtx(trx, o.disabled ? 'user disable' : 'user enable'), target.id, o.disabled);
  });
  out(o.disabled ? `Disabled ${user.email}; their sessions have ended.` : `Enabled ${user.email}.`);
  return user;
}
