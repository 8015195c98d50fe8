import type { Role, ScopeType } from '@shared/roles.js';
import type { Locale } from '@shared/locales.js';

export interface Grant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}

/** The signed-in user as the policies see them. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  organisationId: string;
  locale: Locale | null;
  grants: Grant[];
}

/** The command line acts as the system: it is audited under this name and bypasses no audit. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'system',
  name: 'Command line',
  organisationId: '00000000-0000-0000-0000-000000000000',
  locale: 'en',
  grants: [{ role: 'admin', scopeType: 'installation', scopeId: null }],
};

/** The actor's user id for a `*_by` column: null for the command line, which has no user row. */
export const userIdOf = (actor: Actor): string | null => (actor.email === SYSTEM_ACTOR.email ? null : actor.userId);
