import { Injectable } from '@nestjs/common';
import { hasRole, isMemberOf, isPlatformAdmin, PolicyService, type Actor } from '@slussen/core';
import type { Side } from './consent-parts.js';

/** A pilot as the consent sees it: the company that ran it and the test bed's owner. */
export interface PilotSides {
  organizationId: string;
  testbedOrganizationId: string;
}

/** An organization that records an adoption, with its kind. */
export interface AdopterSubject {
  organizationId: string;
}

declare module '@slussen/core' {
  interface PolicySubjects {
    'result.consent': PilotSides;
    'result.adopt': AdopterSubject;
    'result.spread': Record<string, never>;
  }
}

/**
 * The side of the pilot the actor consents for: the booking company's members
 * (any role), or the test bed organization's admins and managers. Platform
 * admins are neither: a consent is the organization's own.
 */
export function consentingSide(actor: Actor | null, pilot: PilotSides): Side | null {
  if (!actor) return null;
  if (actor.memberships.some((membership) => membership.organizationId === pilot.organizationId)) return 'company';
  const role = actor.memberships.find((membership) => membership.organizationId === pilot.testbedOrganizationId)?.role;
  return role === 'admin' || role === 'manager' ? 'testbed' : null;
}

/** Funders: members of an agency, and platform admins. */
export const readsSpread = (actor: Actor | null): boolean =>
  isPlatformAdmin(actor) ||
  (actor?.memberships.some((membership) => membership.organizationKind === 'agency') ?? false);

@Injectable()
export class LibraryPolicy {
  constructor(policy: PolicyService) {
    policy.define('result.consent', {
      visible: (actor, pilot) =>
        isMemberOf(actor, pilot.organizationId) || hasRole(actor, pilot.testbedOrganizationId, 'admin', 'manager'),
      allowed: (actor, pilot) => consentingSide(actor, pilot) !== null,
    });
    // A published result is public; who records an adoption is an admin or manager of the adopting organization.
    policy.define('result.adopt', {
      visible: () => true,
      allowed: (actor, adopter) => hasRole(actor, adopter.organizationId, 'admin', 'manager'),
    });
    policy.define('result.spread', { visible: () => true, allowed: readsSpread });
  }
}
