import type { Testbed } from './entities/testbed.entity.js';

export interface TestbedView {
  id: string;
  organizationId: string;
  /** The region or municipality that owns it, by name (the page names its owner). */
  owner: { id: string; name: string };
  name: string;
  slug: string;
  summary: string;
  description: string | null;
  environmentType: string;
  trl: { min: number; max: number };
  domains: string[];
  location: { municipality: string; address: string | null; lat: number | null; lon: number | null };
  timezone: string;
  capacity: number;
  rules: {
    requiresApproval: boolean;
    minLeadDays: number;
    maxAdvanceDays: number;
    maxActiveBookingsPerCompany: number;
    decisionDays: number;
  };
  contactEmail: string | null;
  reminderDays: number[];
  status: string;
  publishedAt: string | null;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The nested parts of a profile (TRL range, location, booking rules) from the flat columns. */
export const nestedOf = (testbed: Testbed) => ({
  trl: { min: testbed.trlMin, max: testbed.trlMax },
  location: { municipality: testbed.municipality, address: testbed.address, lat: testbed.lat, lon: testbed.lon },
  rules: {
    requiresApproval: testbed.requiresApproval,
    minLeadDays: testbed.minLeadDays,
    maxAdvanceDays: testbed.maxAdvanceDays,
    maxActiveBookingsPerCompany: testbed.maxActiveBookingsPerCompany,
    decisionDays: testbed.decisionDays,
  },
});

export const toTestbedView = (testbed: Testbed, ownerName: string): TestbedView => ({
  id: testbed.id,
  organizationId: testbed.organizationId,
  owner: { id: testbed.organizationId, name: ownerName },
  name: testbed.name,
  slug: testbed.slug,
  summary: testbed.summary,
  description: testbed.description,
  environmentType: testbed.environmentType,
  ...nestedOf(testbed),
  domains: testbed.domains,
  timezone: testbed.timezone,
  capacity: testbed.capacity,
  contactEmail: testbed.contactEmail,
  reminderDays: testbed.reminderDays,
  status: testbed.status,
  publishedAt: testbed.publishedAt?.toISOString() ?? null,
  retiredAt: testbed.retiredAt?.toISOString() ?? null,
  createdAt: testbed.createdAt.toISOString(),
  updatedAt: testbed.updatedAt.toISOString(),
});

/** `Äldreboende Solgården, avd. 3` → `aldreboende-solgarden-avd-3`. */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'testbed'
  );
}
