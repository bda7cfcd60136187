import { Injectable } from '@nestjs/common';
import { hasRole, PolicyService, type Actor } from '@slussen/core';

/** A report as the policy sees it: its scope and the organization that owns its subject (none for the platform). */
export interface ReportSubject {
  scope: 'platform' | 'organization' | 'testbed';
  organizationId: string | null;
}

declare module '@slussen/core' {
  interface PolicySubjects {
    'report.read': ReportSubject;
    'report.run': ReportSubject;
    'report.subscribe': ReportSubject;
  }
}

const OWNER_KINDS = new Set(['region', 'municipality']);

/** Funders and platform admins read every report. */
export function readsEveryReport(actor: Actor | null): boolean {
  return (
    actor?.platformAdmin === true ||
    (actor?.memberships.some((membership) => membership.organizationKind === 'agency') ?? false)
  );
}

/** The organizations whose reports the actor reads as an admin or manager of a test-bed owner. */
export function ownedReportOrganizations(actor: Actor | null): string[] {
  return (actor?.memberships ?? [])
    .filter((membership) => OWNER_KINDS.has(membership.organizationKind) && membership.role !== 'member')
    .map((membership) => membership.organizationId);
}

function isAgencyAdmin(actor: Actor | null): boolean {
  return (
    actor?.memberships.some((membership) => membership.organizationKind === 'agency' && membership.role === 'admin') ??
    false
  );
}

/** Agencies and platform admins read all; admins and managers of regions and municipalities read the platform's and their own. */
export function canReadReport(actor: Actor | null, report: ReportSubject): boolean {
  if (readsEveryReport(actor)) return true;
  if (report.scope === 'platform') return ownedReportOrganizations(actor).length > 0;
  return report.organizationId !== null && ownedReportOrganizations(actor).includes(report.organizationId);
}

@Injectable()
export class ReportingPolicy {
  constructor(policy: PolicyService) {
    policy.define('report.read', { visible: canReadReport, allowed: canReadReport });
    // Runs cost the database minutes: platform admins and the admins of an agency only.
    policy.define('report.run', {
      visible: () => true,
      allowed: (actor) => actor?.platformAdmin === true || isAgencyAdmin(actor),
    });
    // Agency admins, and the admins of the organization the report is about (for the platform: of any test-bed owner).
    policy.define('report.subscribe', {
      visible: canReadReport,
      allowed: (actor, report) =>
        actor?.platformAdmin === true ||
        isAgencyAdmin(actor) ||
        (report.organizationId !== null
          ? hasRole(actor, report.organizationId, 'admin')
          : (actor?.memberships.some(
              (membership) => OWNER_KINDS.has(membership.organizationKind) && membership.role === 'admin',
            ) ?? false)),
    });
  }
}
