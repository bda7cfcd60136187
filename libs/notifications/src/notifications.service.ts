import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { TestbedsService } from '@slussen/catalogue';
import { AppConfig, JobName, QueueName, type JobData } from '@slussen/core';
import { IDENTITY_TOPICS, IdentityMailService, MembersService, type IdentityTopic } from '@slussen/identity';
import { PilotsService } from '@slussen/pilots';
import { ReportsService } from '@slussen/reporting';
import { BookingsService } from '@slussen/scheduling';
import type { Queue } from 'bullmq';
import { createEvent } from 'ics';
import { MailerService } from './mailer.service.js';
import { DeliveriesRepository } from './repositories/deliveries.repository.js';
import { AUDIENCE, escapeHtml, renderBookingMail, type Audience, type BookingTopic } from './templates/booking-mail.js';
import { renderIdentityMail } from './templates/identity-mail.js';
import { renderReportMail } from './templates/report-mail.js';
import { PILOT_AUDIENCE, planApprovedAudience, renderPilotMail, type PilotTopic } from './templates/pilot-mail.js';
import { WebhooksRepository } from './repositories/webhooks.repository.js';

interface Recipient {
  userId: string;
  email: string;
  name: string;
  language: 'sv' | 'en';
  audience: Audience;
}

/** What one outbox message tells whom: the people, the organizations whose webhooks hear it, and the e-mail each reads. */
interface Notice {
  people: Map<string, Recipient>;
  organizations: string[];
  webhookData: Record<string, unknown>;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
  render(person: Pick<Recipient, 'name' | 'language' | 'audience'>): { subject: string; text: string; html: string };
}

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
    private readonly pilots: PilotsService,
    private readonly reports: ReportsService,
    private readonly testbeds: TestbedsService,
    private readonly members: MembersService,
    private readonly identityMail: IdentityMailService,
    private readonly mailer: MailerService,
    private readonly webhooks: WebhooksRepository,
    @InjectQueue(QueueName.Webhooks) private readonly webhookQueue: Queue<JobData<JobName.DeliverWebhook>>,
    private readonly config: AppConfig,
  ) {}

  async deliver(outboxId: string, attempt: number): Promise<{ sent: number }> {
    const message = await this.deliveries.outboxMessage(outboxId);
    if (!message) return { sent: 0 };
    if (message.topic === 'webhook.disabled') return this.tellWebhookDisabled(outboxId, message.payload, attempt);
    const notice = await this.notice(message.topic, message.payload);
    if (!notice) return { sent: 0 };
    return this.send(outboxId, message.topic, notice, attempt);
  }

  /** The JSON body of an outbox message's webhook deliveries, read again from the current state; null when there is nothing to say. */
  async webhookBody(outboxId: string): Promise<string | null> {
    const message = await this.deliveries.outboxMessage(outboxId);
    const notice = message && message.topic !== 'webhook.disabled' ? await this.notice(message.topic, message.payload) : null;
    return notice ? JSON.stringify({ id: outboxId, type: message!.topic, data: notice.webhookData }) : null;
  }

  private async notice(topic: string, payload: Record<string, unknown>): Promise<Notice | null> {
    const notice = topic.startsWith('booking.')
      ? await this.bookingNotice(topic, payload)
      : topic.startsWith('pilot.')
        ? await this.pilotNotice(topic, payload)
        : topic === 'report.month-ready'
          ? await this.reportNotice(payload)
          : IDENTITY_TOPICS.includes(topic as IdentityTopic)
            ? await this.identityNotice(topic as IdentityTopic, payload)
            : undefined;
    if (notice === undefined) this.logger.warn(`no notification for outbox topic ${topic}`);
    return notice ?? null;
  }

  /**
   * Plans every recipient's delivery under a unique key, hands the webhook
   * deliveries to their own queue (a slow receiver never holds up e-mail),
   * then sends the e-mail still unsent.
   */
  private async send(outboxId: string, topic: string, notice: Notice, attempt: number): Promise<{ sent: number }> {
    await this.deliveries.plan(outboxId, [...notice.people.values()]);
    await this.deliveries.planWebhooks(outboxId, await this.webhooks.subscribersOf(notice.organizations, topic));
    const webhooks = await this.deliveries.pendingWebhooks(outboxId);
    if (webhooks.length > 0) {
      await this.webhookQueue.addBulk(webhooks.map((id) => ({ name: JobName.DeliverWebhook, data: { deliveryId: id }, opts: { jobId: `webhook-${id}` } })));
    }

    let sent = 0;
    const failures: string[] = [];
    for (const delivery of await this.deliveries.claim(outboxId, this.config.mail.leaseSeconds, 'email')) {
      const person = notice.people.get(delivery.recipientUserId ?? '') ?? { name: delivery.recipient, language: 'sv' as const, audience: 'company' as const };
      try {
        await this.mailer.send({ to: delivery.recipient, ...notice.render(person), messageId: `<${delivery.id}@slussen>`, attachments: notice.attachments });
        await this.deliveries.sent(delivery.id);
        sent++;
      } catch (error) {
        failures.push(`${delivery.recipient}: ${(error as Error).message}`);
        await this.deliveries.failed(delivery.id, (error as Error).message, attempt >= this.config.queue.attempts);
      }
    }
    // Thrown after every recipient had its try, so BullMQ retries only what failed.
    if (failures.length) throw new Error(`${failures.length} delivery(ies) failed: ${failures.join('; ')}`);
    return { sent };
  }

  private async bookingNotice(fullTopic: string, payload: Record<string, unknown>): Promise<Notice | null | undefined> {
    const topic = fullTopic.replace(/^booking\./, '') as BookingTopic;
    if (!(topic in AUDIENCE)) return undefined;
    const found = await this.bookings.forNotification(String(payload.bookingId));
    if (!found) return null;
    const { booking, testbedOrganizationId, reason } = found;
    const testbed = (await this.testbeds.byIds([booking.testbedId])).get(booking.testbedId)!;
    return {
      people: await this.audience(AUDIENCE[topic], booking.organizationId, testbedOrganizationId),
      organizations: [booking.organizationId, testbedOrganizationId],
      webhookData: { booking },
      attachments: topic === 'confirmed' ? [calendarFile(booking, testbed.name, testbed.municipality)] : undefined,
      render: (person) =>
        renderBookingMail(person.language, {
          topic,
          audience: person.audience,
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

  private async pilotNotice(fullTopic: string, payload: Record<string, unknown>): Promise<Notice | null | undefined> {
    const topic = fullTopic.replace(/^pilot\./, '') as PilotTopic;
    if (!(topic in PILOT_AUDIENCE)) return undefined;
    const pilot = await this.pilots.forNotification(String(payload.pilotId));
    if (!pilot) return null;
    const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
    const metricKeys = Array.isArray(payload.metricKeys) ? payload.metricKeys.map(String) : [];
    return {
      people: await this.audience(topic === 'plan-approved' ? planApprovedAudience(payload.side) : PILOT_AUDIENCE[topic], pilot.organizationId, pilot.testbedOrganizationId),
      organizations: [pilot.organizationId, pilot.testbedOrganizationId],
      webhookData: { pilot: { id: pilot.id, bookingId: pilot.bookingId, testbedId: pilot.testbedId, organizationId: pilot.organizationId, title: pilot.title, stage: pilot.stage }, dueAt: iso(payload.dueAt), metricKeys },
      render: (person) =>
        renderPilotMail(person.language, {
          topic,
          audience: person.audience,
          recipientName: person.name,
          title: pilot.title,
          testbedName: pilot.testbedName,
          timezone: pilot.timezone,
          startsAt: iso(pilot.startsAt)!,
          endsAt: iso(pilot.endsAt)!,
          dueAt: iso(payload.dueAt),
          metricKeys,
          // The web app's page of the pilot.
          link: `${this.config.publicUrl}/pilots/${pilot.id}`,
        }),
    };
  }

  /** Tells a subscriber that a month's report is ready, with links to its renderings. */
  private async reportNotice(payload: Record<string, unknown>): Promise<Notice | null> {
    const [report, person] = await Promise.all([this.reports.forNotification(String(payload.snapshotId)), this.members.contactOfUser(String(payload.userId))]);
    if (!report || !person) return null;
    return {
      people: new Map([[person.userId, { ...person, audience: 'company' as const }]]),
      organizations: [],
      webhookData: {},
      render: (recipient) =>
        renderReportMail(recipient.language, {
          recipientName: recipient.name,
          subjectName: report.subjectName,
          scope: report.scope,
          periodStart: new Date(report.periodStart).toISOString(),
          timezone: this.config.reports.timezone,
          link: `${this.config.publicUrl}/api/v1/reports/${report.id}`,
        }),
    };
  }

  /** An invitation or a password link, to its one person and never to a webhook. */
  private async identityNotice(topic: IdentityTopic, payload: Record<string, unknown>): Promise<Notice | null> {
    const mail = await this.identityMail.forNotification(topic, payload);
    if (!mail) return null;
    return {
      people: new Map([[mail.recipient.userId, { ...mail.recipient, audience: 'company' as const }]]),
      organizations: [],
      webhookData: {},
      render: (person) => renderIdentityMail(person.language, { ...mail, recipientName: person.name, timezone: this.config.reports.timezone }),
    };
  }

  /** The people of each audience: the company's members, the test bed's admins and managers. */
  private async audience(audiences: Audience[], companyId: string, testbedOrganizationId: string): Promise<Map<string, Recipient>> {
    const people = new Map<string, Recipient>();
    if (audiences.includes('managers')) for (const person of await this.members.contactsOf(testbedOrganizationId, ['admin', 'manager'])) people.set(person.userId, { ...person, audience: 'managers' });
    if (audiences.includes('company')) for (const person of await this.members.contactsOf(companyId)) people.set(person.userId, { ...person, audience: 'company' });
    return people;
  }

  /** Tells an organization's admins that a webhook was disabled after failing too often. */
  private async tellWebhookDisabled(outboxId: string, payload: Record<string, unknown>, attempt: number): Promise<{ sent: number }> {
    const admins = await this.members.contactsOf(String(payload.organizationId), ['admin']);
    await this.deliveries.plan(outboxId, admins);
    const byId = new Map(admins.map((admin) => [admin.userId, admin]));
    let sent = 0;
    for (const delivery of await this.deliveries.claim(outboxId, this.config.mail.leaseSeconds)) {
      const admin = byId.get(delivery.recipientUserId ?? '');
      const sv = admin?.language !== 'en';
      const text = sv
        ? `Hej ${admin?.name ?? ''},\n\nWebhooken till ${String(payload.url)} har stängts av efter upprepade misslyckade leveranser. Kontrollera mottagaren och lägg upp den på nytt.\n\n— Slussen`
        : `Hello ${admin?.name ?? ''},\n\nThe webhook to ${String(payload.url)} has been disabled after repeated failed deliveries. Check the receiver and subscribe again.\n\n— Slussen`;
      try {
        await this.mailer.send({ to: delivery.recipient, subject: sv ? 'Webhook avstängd' : 'Webhook disabled', text, html: `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`, messageId: `<${delivery.id}@slussen>` });
        await this.deliveries.sent(delivery.id);
        sent++;
      } catch (error) {
        await this.deliveries.failed(delivery.id, (error as Error).message, attempt >= this.config.queue.attempts);
        throw error;
      }
    }
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
