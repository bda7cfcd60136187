import { Injectable } from '@nestjs/common';
import { hasRole, isMemberOf, PolicyService, type Actor, type OrganizationKind } from '@slussen/core';
import type { TestbedStatus } from './domains.js';

export interface TestbedSubject {
  organizationId: string;
  status: TestbedStatus;
}

declare module '@slussen/core' {
  interface PolicySubjects {
    'testbed.create': { id: string; kind: OrganizationKind };
    'testbed.read': TestbedSubject;
    'testbed.manage': TestbedSubject;
  }
}

/** Drafts are seen only by their own organization (and platform admins); published and retired ones by everyone. */
export function canSeeTestbed(actor: Actor | null, testbed: TestbedSubject): boolean {
  return testbed.status !== 'draft' || actor?.platformAdmin === true || isMemberOf(actor, testbed.organizationId);
}

const manages = (actor: Actor | null, organizationId: string) => hasRole(actor, organizationId, 'admin', 'manager');

@Injectable()
export class CataloguePolicy {
  constructor(policy: PolicyService) {
    policy.define('testbed.create', {
      visible: () => true,
      allowed: (actor, organization) =>
        (organization.kind === 'region' || organization.kind === 'municipality') && manages(actor, organization.id),
    });
    policy.define('testbed.read', { visible: canSeeTestbed, allowed: () => true });
    policy.define('testbed.manage', {
      visible: canSeeTestbed,
      allowed: (actor, testbed) => manages(actor, testbed.organizationId),
    });
  }
}
