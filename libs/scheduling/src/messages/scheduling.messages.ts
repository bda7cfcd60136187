import { Injectable } from '@nestjs/common';
import { TestbedsService } from '@slussen/catalogue';
import { AppConfig, Clock } from '@slussen/core';
import { audienceOf, Messages, type Audience, type Notice, type NoticeReads } from '@slussen/notifications';
import { BookingsService } from '../bookings.service.js';
import { bookingCalendarFile } from './booking-calendar.js';
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

  /** A batch's bookings and test beds, each read once for the batch. */
  private readonly bookingsById = (ids: readonly string[]) => this.bookings.forNotifications(ids);
  private readonly testbedsById = (ids: readonly string[]) => this.testbeds.byIds([...ids]);

  constructor(
    private readonly bookings: BookingsService,
    private readonly testbeds: TestbedsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    super();
  }

  private about(topic: BookingTopic) {
    return (payload: { bookingId: string }, reads: NoticeReads) => this.bookingNotice(topic, payload.bookingId, reads);
  }

  private async bookingNotice(
    topic: BookingTopic,
    bookingId: string,
    reads: NoticeReads,
  ): Promise<Notice<Audience> | null> {
    const found = await reads.load(this.bookingsById, bookingId);
    if (!found) return null;
    const { booking, testbedOrganizationId } = found;
    // The reason of the change this notice is about (each event's type is its topic), not of a later one.
    const { reason } = found.reasonOf(topic);
    const [testbed, people] = await Promise.all([
      reads.load(this.testbedsById, booking.testbedId).then((each) => each!),
      audienceOf(AUDIENCE[topic], { companyId: booking.organizationId, testbedOrganizationId }, reads),
    ]);
    return {
      people,
      organizations: [booking.organizationId, testbedOrganizationId],
      webhookData: { booking },
      attachments:
        topic === 'confirmed'
          ? [
              reads.once(`booking-calendar:${booking.id}`, () =>
                bookingCalendarFile(booking, testbed, this.clock.now()),
              ),
            ]
          : undefined,
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
