// What the catalogue answers, as the web app reads it.

export type EnvironmentType = 'lab' | 'simulated' | 'real';

export interface BookingRules {
  requiresApproval: boolean;
  minLeadDays: number;
  maxAdvanceDays: number;
  maxActiveBookingsPerCompany: number;
  decisionDays: number;
}

export interface Testbed {
  id: string;
  organizationId: string;
  organizationName?: string | null;
  name: string;
  summary: string;
  description: string | null;
  environmentType: EnvironmentType;
  trl: { min: number; max: number };
  domains: string[];
  location: { municipality: string; address: string | null; lat: number | null; lon: number | null };
  timezone: string;
  capacity: number;
  rules: BookingRules;
  contactEmail: string | null;
  status: 'draft' | 'published' | 'retired';
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Domain {
  key: string;
  labels: { sv: string; en: string };
}

/** A slot as a signed-in company sees it: whether it may book it, and if not why. */
export interface Slot {
  id: string;
  testbedId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  remaining: number;
  status: 'open' | 'cancelled';
  bookable?: boolean;
  reason?: string | null;
  waitlistable?: boolean;
}

export const ENVIRONMENT_TYPES: EnvironmentType[] = ['lab', 'simulated', 'real'];
