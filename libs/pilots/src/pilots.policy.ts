import { Injectable } from '@nestjs/common';
import { hasRole, isMemberOf, PolicyService, type Actor } from '@slussen/core';

/** A pilot as the policy sees it: the company that runs it and the test bed's owner. */
export interface PilotSubject {
  organizationId: string;
  testbedOrganizationId: string;
}

declare module '@slussen/core' {
  interface PolicySubjects {
    'pilot.read': PilotSubject;
    'pilot.update': PilotSubject;
    'pilot.outcome': PilotSubject;
  }
}

/** Either side: the company's members, the test bed's managers, platform admins. */
export function canSeePilot(actor: Actor | null, pilot: PilotSubject): boolean {
  return isMemberOf(actor, pilot.organizationId) || hasRole(actor, pilot.testbedOrganizationId, 'admin', 'manager');
}

/** Which side of the pilot the actor speaks for when it approves a plan; platform admins are neither. */
export function sideOf(actor: Actor, pilot: PilotSubject): 'company' | 'testbed' | null {
  const own = (organizationId: string) =>
    actor.memberships.find((membership) => membership.organizationId === organizationId);
  if (own(pilot.organizationId)) return 'company';
  const role = own(pilot.testbedOrganizationId)?.role;
  return role === 'admin' || role === 'manager' ? 'testbed' : null;
}

@Injectable()
export class PilotsPolicy {
  constructor(policy: PolicyService) {
    policy.define('pilot.read', { visible: canSeePilot, allowed: (actor) => actor !== null });
    policy.define('pilot.update', { visible: canSeePilot, allowed: canSeePilot });
    policy.define('pilot.outcome', {
      visible: canSeePilot,
      allowed: (actor, pilot) => hasRole(actor, pilot.testbedOrganizationId, 'admin', 'manager'),
    });
  }
}
