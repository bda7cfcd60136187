import type { Me } from '../../app/session';
import type { Kind, Sluice } from './types';

/** Whether the person screens what comes into this sluice: an admin or manager of the organization that runs it. */
export function managesSluice(me: Me | undefined, sluice: Pick<Sluice, 'organizationId'>): boolean {
  return (me?.memberships ?? []).some(
    (m) => m.organizationId === sluice.organizationId && (m.role === 'admin' || m.role === 'manager'),
  );
}

/**
 * What the person may submit to the sluice, as the API allows it: a need from the
 * organization's own staff, an idea from a company; a sluice open to anyone signed in
 * takes either from anyone.
 */
export function kindsFor(me: Me | undefined, sluice: Pick<Sluice, 'organizationId' | 'submitters'>): Kind[] {
  if (!me) return [];
  if (sluice.submitters.includes('anyone')) return ['need', 'idea'];
  const own = me.memberships.some((m) => m.organizationId === sluice.organizationId);
  const company = me.memberships.some((m) => m.kind === 'company');
  return [
    ...(sluice.submitters.includes('staff') && own ? (['need'] as const) : []),
    ...(sluice.submitters.includes('companies') && company ? (['idea'] as const) : []),
  ];
}
