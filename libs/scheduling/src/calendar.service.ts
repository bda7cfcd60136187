import { Injectable } from '@nestjs/common';
import { TestbedsService, type Testbed } from '@slussen/catalogue';
import { AppConfig, DomainError, hashToken, newOpaqueToken, NotFoundError, PolicyService, type Actor } from '@slussen/core';
import { OrganizationsService } from '@slussen/identity';
import { createEvents, type EventAttributes } from 'ics';
import { CalendarRepository, type FeedBooking } from './repositories/calendar.repository.js';

export type FeedScope = 'testbed' | 'organization';

const FEED_TOKEN_PREFIX = 'slf_';
const STATUS: Record<string, EventAttributes['status']> = { confirmed: 'CONFIRMED', pending: 'TENTATIVE', waitlisted: 'TENTATIVE' };
const utc = (value: Date | string) => ({ value: new Date(value).getTime(), input: 'utc' as const, output: 'utc' as const });

/** iCalendar (RFC 5545) feeds of a test bed and of an organization, behind a bearer or a feed token. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly calendar: CalendarRepository,
    private readonly testbeds: TestbedsService,
    private readonly organizations: OrganizationsService,
    private readonly policy: PolicyService,
    private readonly config: AppConfig,
  ) {}

  /** A subscription URL for calendar apps; the token is shown here only. */
  async createToken(actor: Actor, scope: FeedScope, subjectId: string): Promise<{ id: string; token: string; url: string }> {
    await this.authorize(actor, scope, subjectId);
    const token = newOpaqueToken(FEED_TOKEN_PREFIX);
    const saved = await this.calendar.createToken({ scope, subjectId, tokenHash: hashToken(token), createdByUserId: actor.userId });
    return { id: saved.id, token, url: `${this.config.publicUrl}/api/v1/${scope === 'testbed' ? 'testbeds' : 'organizations'}/${subjectId}/calendar.ics?token=${token}` };
  }

  async revokeToken(actor: Actor, tokenId: string): Promise<void> {
    const token = await this.calendar.findToken(tokenId);
    if (!token) throw new NotFoundError('Calendar token');
    await this.authorize(actor, token.scope, token.subjectId);
    await this.calendar.revokeToken(tokenId);
  }

  async feed(actor: Actor | null, scope: FeedScope, subjectId: string, token: string | undefined): Promise<string> {
    if (token !== undefined) {
      if (!(await this.calendar.opens(scope, subjectId, hashToken(token)))) throw new DomainError('unauthenticated', 'The calendar token is not valid or has been revoked');
    } else {
      await this.authorize(actor, scope, subjectId);
    }
    return scope === 'testbed' ? this.testbedFeed(subjectId) : this.organizationFeed(subjectId);
  }

  private async authorize(actor: Actor | null, scope: FeedScope, subjectId: string): Promise<void> {
    if (scope === 'testbed') {
      const testbed = (await this.testbeds.byIds([subjectId])).get(subjectId);
      if (!testbed) throw new NotFoundError('Test bed');
      this.policy.authorize(actor, 'calendar.testbed', testbed, 'Test bed');
    } else {
      if (actor === null) throw new DomainError('unauthenticated', 'Sign in, or use the calendar URL with its token');
      await this.organizations.findAuthorized(actor, 'organization.read', subjectId);
      this.policy.authorize(actor, 'calendar.organization', { id: subjectId }, 'Organization');
    }
  }

  private async testbedFeed(testbedId: string): Promise<string> {
    const testbed = (await this.testbeds.byIds([testbedId])).get(testbedId)!;
    const [slots, bookings] = await Promise.all([this.calendar.openSlots(testbedId), this.calendar.bookings({ testbedId })]);
    const companies = await this.organizations.namesOf(bookings.map((booking) => booking.organizationId));
    const events: EventAttributes[] = [
      ...slots.map((slot) => ({
        ...period(slot.startsAt, slot.endsAt),
        uid: `slot-${slot.id}@slussen`,
        title: `${testbed.name}: ${slot.capacity - slot.held} of ${slot.capacity} places free`,
        location: where(testbed),
        transp: 'TRANSPARENT' as const,
      })),
      ...bookings.map((booking) => bookingEvent(booking, testbed, `${companies.get(booking.organizationId) ?? 'Company'}: ${booking.title}`)),
    ];
    return render(events, testbed.name);
  }

  private async organizationFeed(organizationId: string): Promise<string> {
    const bookings = await this.calendar.bookings({ organizationId });
    const [testbeds, names] = await Promise.all([
      this.testbeds.byIds(bookings.map((booking) => booking.testbedId)),
      this.organizations.namesOf([organizationId, ...bookings.map((booking) => booking.organizationId)]),
    ]);
    const events = bookings.map((booking) => {
      const testbed = testbeds.get(booking.testbedId)!;
      const company = booking.organizationId === organizationId ? '' : `${names.get(booking.organizationId) ?? 'Company'} at `;
      return bookingEvent(booking, testbed, `${company}${testbed.name}: ${booking.title}`);
    });
    return render(events, names.get(organizationId) ?? 'Slussen');
  }
}

function period(startsAt: Date, endsAt: Date) {
  const start = utc(startsAt);
  const end = utc(endsAt);
  return { start: start.value, startInputType: start.input, startOutputType: start.output, end: end.value, endInputType: end.input, endOutputType: end.output };
}

function where(testbed: Testbed): string {
  return [testbed.address, testbed.municipality].filter(Boolean).join(', ');
}

function bookingEvent(booking: FeedBooking, testbed: Testbed, title: string): EventAttributes {
  return {
    ...period(booking.startsAt, booking.endsAt),
    uid: `booking-${booking.id}@slussen`,
    title: booking.status === 'confirmed' ? title : `${title} (${booking.status})`,
    status: STATUS[booking.status],
    location: where(testbed),
    lastModified: new Date(booking.updatedAt).getTime(),
  };
}

function render(events: EventAttributes[], name: string): string {
  const { error, value } = createEvents(events, { productId: '-//Slussen//Pilot slots//EN', calName: name });
  if (error || value === null) throw error ?? new Error('the calendar could not be rendered');
  return value;
}
