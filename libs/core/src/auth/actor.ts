export const ORGANIZATION_KINDS = ['region', 'municipality', 'company', 'agency'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ROLES = ['admin', 'manager', 'member'] as const;
export type Role = (typeof ROLES)[number];

export interface ActorMembership {
  organizationId: string;
  organizationKind: OrganizationKind;
  role: Role;
}

/**
 * Who is calling: a signed-in user, or an organization's API token acting with its role.
 * A user's `sessionId` names the sign-in (refresh-token family) the call came through;
 * null when no session is involved (HTTP Basic, system tasks).
 */
export type Actor =
  | {
      type: 'user';
      id: string;
      userId: string;
      platformAdmin: boolean;
      memberships: ActorMembership[];
      sessionId: string | null;
    }
  | { type: 'apiToken'; id: string; userId: null; platformAdmin: false; memberships: [ActorMembership] };

export function roleIn(actor: Actor | null, organizationId: string): Role | null {
  return actor?.memberships.find((membership) => membership.organizationId === organizationId)?.role ?? null;
}

export function isMemberOf(actor: Actor | null, organizationId: string): boolean {
  return roleIn(actor, organizationId) !== null;
}

/** True when the actor holds one of `roles` in the organization (platform admins hold every role). */
export function hasRole(actor: Actor | null, organizationId: string, ...roles: Role[]): boolean {
  if (actor?.platformAdmin) return true;
  const role = roleIn(actor, organizationId);
  return role !== null && roles.includes(role);
}

export function isPlatformAdmin(actor: Actor | null): boolean {
  return actor?.platformAdmin === true;
}

/**
 * What a two-sided list (bookings, pilots) shows the actor: everything for a
 * platform admin; else what its organizations hold as a company, and what
 * runs on the test beds of the organizations it manages.
 */
export type TwoSidedScope = { all: true } | { companies: string[]; managed: string[] };

export function twoSidedScope(actor: Actor): TwoSidedScope {
  if (actor.platformAdmin) return { all: true };
  return {
    companies: actor.memberships.map((membership) => membership.organizationId),
    managed: actor.memberships
      .filter((membership) => membership.role !== 'member')
      .map((membership) => membership.organizationId),
  };
}
