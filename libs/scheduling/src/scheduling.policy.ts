import { Injectable } from '@nestjs/common';
import { hasRole, isMemberOf, PolicyService, type Actor } from '@slussen/core';

/** A booking as the policy sees it: the company that holds it and the test bed's owner. */
export interface BookingSubject {
  organizationId: string;
  testbedOrganizationId: string;
}

declare module '@slussen/core' {
  interface PolicySubjects {
    'booking.create': { organizationId: string; organizationKind: string };
    'booking.read': BookingSubject;
    'booking.decide': BookingSubject;
    'booking.cancel': BookingSubject;
    'booking.reschedule': BookingSubject;
    'calendar.testbed': { organizationId: string; status: 'draft' | 'published' | 'retired' };
    'calendar.organization': { id: string };
  }
}

/** Either side: the booking company's members, the test bed's managers, platform admins. */
export function canSeeBooking(actor: Actor | null, booking: BookingSubject): boolean {
  return isMemberOf(actor, booking.organizationId) || hasRole(actor, booking.testbedOrganizationId, 'admin', 'manager');
}

@Injectable()
export class SchedulingPolicy {
  constructor(policy: PolicyService) {
    policy.define('booking.create', {
      visible: () => true,
      allowed: (actor, company) => company.organizationKind === 'company' && isMemberOf(actor, company.organizationId),
    });
    policy.define('booking.read', { visible: canSeeBooking, allowed: (actor) => actor !== null });
    policy.define('booking.decide', {
      visible: canSeeBooking,
      allowed: (actor, booking) => hasRole(actor, booking.testbedOrganizationId, 'admin', 'manager'),
    });
    policy.define('booking.cancel', { visible: canSeeBooking, allowed: (actor) => actor !== null });
    // A test bed's feed shows which companies booked it: its managers only.
    policy.define('calendar.testbed', {
      visible: (actor, testbed) =>
        testbed.status !== 'draft' || isMemberOf(actor, testbed.organizationId) || actor?.platformAdmin === true,
      allowed: (actor, testbed) => hasRole(actor, testbed.organizationId, 'admin', 'manager'),
    });
    // An organization's feed shows every booking it made or that was made on its test beds: its managers and admins only.
    policy.define('calendar.organization', {
      visible: () => true,
      allowed: (actor, organization) => hasRole(actor, organization.id, 'admin', 'manager'),
    });
    policy.define('booking.reschedule', {
      visible: canSeeBooking,
      allowed: (actor, booking) => isMemberOf(actor, booking.organizationId),
    });
  }
}
