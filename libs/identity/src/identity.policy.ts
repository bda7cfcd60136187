import { Injectable } from '@nestjs/common';
import { hasRole, isMemberOf, PolicyService, type Actor, type OrganizationKind } from '@slussen/core';

export interface OrganizationSubject {
  id: string;
  kind: OrganizationKind;
}

declare module '@slussen/core' {
  interface PolicySubjects {
    'organization.read': OrganizationSubject;
    'organization.create': null;
    'organization.manage-members': OrganizationSubject;
    'organization.manage-api-tokens': OrganizationSubject;
    'organization.read-audit': OrganizationSubject;
    'user.search': null;
  }
}

/**
 * Public bodies (regions, municipalities, agencies) are visible to everyone
 * signed in; a company only to its own members and platform admins.
 * `OrganizationsRepository.findVisible` is the same rule in SQL.
 */
export function canSeeOrganization(actor: Actor | null, organization: OrganizationSubject): boolean {
  if (actor === null) return false;
  return actor.platformAdmin || organization.kind !== 'company' || isMemberOf(actor, organization.id);
}

const orgAdmin = (actor: Actor | null, organization: OrganizationSubject) => hasRole(actor, organization.id, 'admin');

@Injectable()
export class IdentityPolicy {
  constructor(policy: PolicyService) {
    policy.define('organization.read', { visible: canSeeOrganization, allowed: (actor) => actor !== null });
    policy.define('organization.create', { visible: () => true, allowed: (actor) => actor?.platformAdmin === true });
    policy.define('organization.manage-members', { visible: canSeeOrganization, allowed: orgAdmin });
    // A token may not mint or revoke tokens: a leaked one must not be able to entrench itself.
    policy.define('organization.manage-api-tokens', {
      visible: canSeeOrganization,
      allowed: (actor, organization) => actor?.type === 'user' && orgAdmin(actor, organization),
    });
    policy.define('organization.read-audit', { visible: canSeeOrganization, allowed: orgAdmin });
    policy.define('user.search', { visible: () => true, allowed: (actor) => actor?.platformAdmin === true });
  }
}
