import type { Me } from '../../app/session';

const ADOPTERS = new Set(['region', 'municipality']);

/** The regions and municipalities the person may record an adoption for: where they are admin or manager. */
export function adoptingOrganizations(me: Me | undefined) {
  return (me?.memberships ?? []).filter((m) => ADOPTERS.has(m.kind) && (m.role === 'admin' || m.role === 'manager'));
}

/** Funders: members of an agency, and platform admins (GET /results/spread). */
export function readsSpread(me: Me | undefined): boolean {
  return Boolean(me && (me.platformAdmin || me.memberships.some((m) => m.kind === 'agency')));
}
