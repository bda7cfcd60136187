import { Injectable } from '@nestjs/common';
import { TestbedsService } from '@slussen/catalogue';
import { AppConfig } from '@slussen/core';
import { MembersService } from '@slussen/identity';
import { audienceOf, Messages, type Audience, type Notice } from '@slussen/notifications';
import { createEvent } from 'ics';
import { BookingsService } from '../bookings.service.js';
import { AUDIENCE, renderBookingMail, type BookingTopic } from './booking-mail.js';
import type { SchedulingTopics } from './scheduling.topics.js';

/**
 * Scheduling's messages: each change of a booking and each reminder, to the
 * booking company and (as `AUDIENCE` says) the test bed's managers, by e-mail
 * in their language and to both organizations' webhooks.
 */
@Injectable()
export class SchedulingMessages extends Messages<keyof SchedulingTopics> {
  readonly messages = {
    'booking.requested': this.about('requested'),
    'booking.confirmed': this.about('confirmed'),
    'booking.rejected': this.about('rejected'),
    'booking.waitlisted': this.about('waitlisted'),
    'booking.promoted': this.about('promoted'),
    'booking.cancelled': this.about('cancelled'),
    'booking.expired': this.about('expired'),
    'booking.rescheduled': this.about('rescheduled'),
    'booking.starts-soon': this.about('starts-soon'),
    'booking.decision-due': this.about('decision-due'),
    'booking.slot-closed': this.about('slot-closed'),
    'booking.slot-reopened': this.about('slot-reopened'),
  };

  constructor(
    private readonly bookings: BookingsService,
    private readonly testbeds: TestbedsService,
    private readonly members: MembersService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private about(topic: BookingTopic) {
    return (payload: { bookingId: string }) => this.bookingNotice(topic, payload.bookingId);
  }

  private async bookingNotice(topic: BookingTopic, bookingId: string): Promise<Notice<Audience> | null> {
    const found = await this.bookings.forNotification(bookingId);
    if (!found) return null;
    const { booking, testbedOrganizationId, reason } = found;
    const testbed = (await this.testbeds.byIds([booking.testbedId])).get(booking.testbedId)!;
    return {
      people: await audienceOf(
        AUDIENCE[topic],
        { companyId: booking.organizationId, testbedOrganizationId },
        (organizationId, roles) => this.members.contactsOf(organizationId, roles),
      ),
      organizations: [booking.organizationId, testbedOrganizationId],
      webhookData: { booking },
      attachments: topic === 'confirmed' ? [calendarFile(booking, testbed.name, testbed.municipality)] : undefined,
      render: (person) =>
        renderBookingMail(person.language, {
          topic,
          audience: person.audience ?? 'company',
          recipientName: person.name,
          title: booking.title,
          status: booking.status,
          testbedName: testbed.name,
          timezone: testbed.timezone,
          startsAt: booking.startsAt,
          endsAt: booking.endsAt,
          decisionDueAt: booking.decisionDueAt,
          reason,
          // The web app's page of the booking ("Öppna i Slussen").
          link: `${this.config.publicUrl}/bookings/${booking.id}`,
        }),
    };
  }
}

function calendarFile(
  booking: { id: string; title: string; startsAt: string; endsAt: string },
  testbedName: string,
  municipality: string,
) {
  const { value, error } = createEvent({
    uid: `booking-${booking.id}@slussen`,
    start: Date.parse(booking.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(booking.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `${testbedName}: ${booking.title}`,
    location: municipality,
    status: 'CONFIRMED',
    productId: '-//Slussen//Pilot slots//EN',
  });
  if (error || !value) throw error ?? new Error('calendar file not rendered');
  return { filename: 'pilot.ics', content: value, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' };
}
