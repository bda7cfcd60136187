import type { Me } from '../../app/session';
import type { Kind, Sluice } from './types';

const PUBLIC_SECTOR = new Set(['region', 'municipality']);

/** Whether the person screens what comes into this sluice: an admin or manager of the organization that runs it. */
export function managesSluice(me: Me | undefined, sluice: Pick<Sluice, 'organizationId'>): boolean {
  return (me?.memberships ?? []).some(
    (m) => m.organizationId === sluice.organizationId && (m.role === 'admin' || m.role === 'manager'),
  );
}

/**
 * What the person may submit to the sluice, as the API allows it: a need from the
 * organization's own staff, an idea from a company; "anyone signed in" lets staff of
 * any region or municipality bring a need, and everyone else an idea.
 */
export function kindsFor(me: Me | undefined, sluice: Pick<Sluice, 'organizationId' | 'submitters'>): Kind[] {
  if (!me) return [];
  const memberships = me.memberships;
  const own = memberships.some((m) => m.organizationId === sluice.organizationId);
  const publicSector = memberships.some((m) => PUBLIC_SECTOR.has(m.kind));
  const company = memberships.some((m) => m.kind === 'company');
  const kinds = new Set<Kind>();
  if (sluice.submitters.includes('staff') && own) kinds.add('need');
  if (sluice.submitters.includes('companies') && company) kinds.add('idea');
  if (sluice.submitters.includes('anyone')) kinds.add(publicSector ? 'need' : 'idea');
  return [...kinds];
}
