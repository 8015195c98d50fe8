import type { Role, ScopeType } from '@shared/roles.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from './actor.js';

/** A resource's place in the scope hierarchy, outermost first: installation, organisation, programme, project. */
export type ScopeChain = ReadonlyArray<{ type: ScopeType; id: string | null }>;

export const installationChain: ScopeChain = [{ type: 'installation', id: null }];
export const organisationChain = (organisationId: string): ScopeChain => [
  ...installationChain,
  { type: 'organisation', id: organisationId },
];
export const programmeChain = (p: { id: string; organisationId: string }): ScopeChain => [
  ...organisationChain(p.organisationId),
  { type: 'programme', id: p.id },
];
export const projectChain = (p: { id: string; programmeId: string; organisationId: string }): ScopeChain => [
  ...programmeChain({ id: p.programmeId, organisationId: p.organisationId }),
  { type: 'project', id: p.id },
];

export const MANAGERS: readonly Role[] = ['admin', 'programme_manager'];
export const ADMINS: readonly Role[] = ['admin'];

/** True when the actor holds one of `roles` (or any role, for 'any') on a scope in the chain. */
export function hasRole(actor: Actor, roles: readonly Role[] | 'any', chain: ScopeChain): boolean {
  return actor.grants.some(
    (g) =>
      (roles === 'any' || roles.includes(g.role)) &&
      chain.some((s) => s.type === g.scopeType && (s.type === 'installation' || s.id === g.scopeId)),
  );
}

export const isInstallationAdmin = (actor: Actor) => hasRole(actor, ADMINS, installationChain);
export const hasInstallationGrant = (actor: Actor) => actor.grants.some((g) => g.scopeType === 'installation');

/** Ids of the scopes of a given type on which the actor holds any (or one of `roles`). */
export function grantedScopeIds(actor: Actor, type: ScopeType, roles: readonly Role[] | 'any' = 'any'): string[] {
  return actor.grants
    .filter((g) => g.scopeType === type && g.scopeId && (roles === 'any' || roles.includes(g.role)))
    .map((g) => g.scopeId as string);
}

/**
 * Deny by default. `canSee` false answers 404 so that ids cannot be probed;
 * seen but not allowed answers 403.
 */
export function authorise(canSee: boolean, allowed: boolean): void {
  if (!canSee) throw notFound();
  if (!allowed) throw forbidden();
}

export function requireRole(actor: Actor, roles: readonly Role[], chain: ScopeChain): void {
  if (!hasRole(actor, roles, chain)) throw forbidden();
}
