import type { Me } from '../../app/session';
import type { ReportScope } from './types';

const OWNERS = new Set(['region', 'municipality']);

/** Agencies and platform admins read every report; admins and managers of regions and municipalities the platform's and their own. */
export function readsReports(me: Me | undefined): boolean {
  if (!me) return false;
  return (
    me.platformAdmin || me.memberships.some((m) => m.kind === 'agency' || (OWNERS.has(m.kind) && m.role !== 'member'))
  );
}

/** On-demand runs: platform admins and the admins of an agency. */
export function runsReports(me: Me | undefined): boolean {
  return Boolean(me && (me.platformAdmin || me.memberships.some((m) => m.kind === 'agency' && m.role === 'admin')));
}

/** The month e-mail: agency and platform admins, and the admins of the organization the report is about (for the platform's, of any region or municipality). */
export function subscribesTo(me: Me | undefined, scope: ReportScope, owner: string | null): boolean {
  if (!me) return false;
  if (runsReports(me)) return true;
  // A test bed's owner is not in the report: any admin of a region or municipality is offered it, and the API decides.
  if (scope === 'platform' || owner === null)
    return me.memberships.some((m) => OWNERS.has(m.kind) && m.role === 'admin');
  return me.memberships.some((m) => m.organizationId === owner && m.role === 'admin');
}
