import { Injectable, Logger } from '@nestjs/common';
import { TestbedsService } from '@slussen/catalogue';
import { AppConfig } from '@slussen/core';
import { MembersService } from '@slussen/identity';
import { BookingsService } from '@slussen/scheduling';
import { createEvent } from 'ics';
import { MailerService } from './mailer.service.js';
import { DeliveriesRepository } from './repositories/deliveries.repository.js';
import { AUDIENCE, renderBookingMail, type Audience, type BookingTopic } from './templates/booking-mail.js';

/**
 * Turns an outbox message into deliveries and sends them, each once: a
 * delivery is planned under a unique key, claimed before sending and marked
 * sent after, so a retried or replaced job sends only what is still unsent.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly bookings: BookingsService,
    private readonly testbeds: TestbedsService,
    private readonly members: MembersService,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  async deliver(outboxId: string, attempt: number): Promise<{ sent: number }> {
    const message = await this.deliveries.outboxMessage(outboxId);
    if (!message) return { sent: 0 };
    const topic = message.topic.replace(/^booking\./, '') as BookingTopic;
    if (!message.topic.startsWith('booking.') || !(topic in AUDIENCE)) {
      this.logger.warn(`no notification for outbox topic ${message.topic}`);
      return { sent: 0 };
    }
    const found = await this.bookings.forNotification(String(message.payload.bookingId));
    if (!found) return { sent: 0 };
    const { booking, testbedOrganizationId, reason } = found;
    const testbed = (await this.testbeds.byIds([booking.testbedId])).get(booking.testbedId)!;

    const audiences = AUDIENCE[topic];
    const people = new Map<string, { userId: string; email: string; name: string; language: 'sv' | 'en'; audience: Audience }>();
    if (audiences.includes('managers')) for (const person of await this.members.contactsOf(testbedOrganizationId, ['admin', 'manager'])) people.set(person.userId, { ...person, audience: 'managers' });
    if (audiences.includes('company')) for (const person of await this.members.contactsOf(booking.organizationId)) people.set(person.userId, { ...person, audience: 'company' });
    await this.deliveries.plan(outboxId, [...people.values()]);

    let sent = 0;
    const failures: string[] = [];
    for (const delivery of await this.deliveries.claim(outboxId, this.config.mail.leaseSeconds)) {
      const person = people.get(delivery.recipientUserId ?? '');
      try {
        const mail = renderBookingMail(person?.language ?? 'sv', {
          topic,
          audience: person?.audience ?? 'company',
          recipientName: person?.name ?? delivery.recipient,
          title: booking.title,
          status: booking.status,
          testbedName: testbed.name,
          timezone: testbed.timezone,
          startsAt: booking.startsAt,
          endsAt: booking.endsAt,
          decisionDueAt: booking.decisionDueAt,
          reason,
          link: `${this.config.publicUrl}/api/v1/bookings/${booking.id}`,
        });
        await this.mailer.send({
          to: delivery.recipient,
          ...mail,
          messageId: `<${delivery.id}@slussen>`,
          attachments: topic === 'confirmed' ? [calendarFile(booking, testbed.name, testbed.municipality)] : undefined,
        });
        await this.deliveries.sent(delivery.id);
        sent++;
      } catch (error) {
        failures.push(`${delivery.recipient}: ${(error as Error).message}`);
        await this.deliveries.failed(delivery.id, (error as Error).message, attempt >= this.config.queue.attempts);
      }
    }
    // Thrown after every recipient had its try, so BullMQ retries only what failed.
    if (failures.length) throw new Error(`${failures.length} e-mail(s) not sent: ${failures.join('; ')}`);
    return { sent };
  }
}

function calendarFile(booking: { id: string; title: string; startsAt: string; endsAt: string }, testbedName: string, municipality: string) {
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
