import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { TestbedsService } from '@slussen/catalogue';
import { AppConfig, JobName, QueueName, type JobData } from '@slussen/core';
import { IDENTITY_TOPICS, IdentityMailService, MembersService, type IdentityTopics } from '@slussen/identity';

type IdentityTopic = keyof IdentityTopics;
import { PilotsService } from '@slussen/pilots';
import { ReportsService } from '@slussen/reporting';
import { BookingsService } from '@slussen/scheduling';
import type { Queue } from 'bullmq';
import { createEvent } from 'ics';
import { DeliveryMarks } from './delivery-marks.js';
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
    private readonly marks: DeliveryMarks,
    private readonly webhooks: WebhooksRepository,
    @InjectQueue(QueueName.Webhooks) private readonly webhookQueue: Queue<JobData<JobName.DeliverWebhook>>,
    private readonly config: AppConfig,
  ) {}

  async deliver(outboxId: string): Promise<{ sent: number }> {
    const message = await this.deliveries.outboxMessage(outboxId);
    if (!message) return { sent: 0 };
    const notice = await this.notice(message.topic, message.payload);
    if (!notice) return { sent: 0 };
    return this.send(outboxId, message.topic, notice);
  }

  /**
   * Takes back every delivery whose lease expired (its worker died, or its job
   * was lost), whichever job held it, and sends it: e-mail here, a webhook by
   * handing it to a job of its own. Returns how many it took back.
   */
  async sweep(): Promise<{ emails: number; webhooks: number }> {
    const taken = { emails: 0, webhooks: 0 };
    const lease = this.config.mail.leaseSeconds;
    const batch = await this.deliveries.expired(lease, this.config.mail.sweepBatchSize);
    const failures: string[] = [];
    for (const [outboxId, rows] of groupBy(
      batch.filter((row) => row.channel === 'email'),
      (row) => row.outboxId,
    )) {
      const message = await this.deliveries.outboxMessage(outboxId);
      const notice = message ? await this.notice(message.topic, message.payload) : null;
      const outcome = await this.sendEmails(
        notice,
        rows.map((row) => row.id),
      );
      taken.emails += outcome.taken;
      failures.push(...outcome.failures);
    }
    const webhooks: Array<{ id: string; attempts: number }> = [];
    for (const row of batch.filter((each) => each.channel === 'webhook')) {
      const claimed = await this.deliveries.claimOne(row.id, lease, null);
      if (claimed) webhooks.push(claimed);
    }
    if (webhooks.length > 0) {
      // Each take-back is a new job (its id names the claim): a lost or failed job cannot block it.
      await this.webhookQueue.addBulk(
        webhooks.map((row) => ({
          name: JobName.DeliverWebhook,
          data: { deliveryId: row.id, claim: row.attempts },
          opts: { jobId: `webhook-${row.id}-${row.attempts}` },
        })),
      );
      taken.webhooks = webhooks.length;
    }
    if (taken.emails + taken.webhooks > 0)
      this.logger.log(
        `took back ${taken.emails} e-mail and ${taken.webhooks} webhook deliveries whose lease had expired`,
      );
    if (failures.length) throw new Error(`${failures.length} delivery(ies) failed: ${failures.join('; ')}`);
    return taken;
  }

  /** The JSON body of an outbox message's webhook deliveries, read again from the current state; null when there is nothing to say. */
  async webhookBody(outboxId: string): Promise<string | null> {
    const message = await this.deliveries.outboxMessage(outboxId);
    const notice =
      message && message.topic !== 'webhook.disabled' ? await this.notice(message.topic, message.payload) : null;
    return notice ? JSON.stringify({ id: outboxId, type: message!.topic, data: notice.webhookData }) : null;
  }

  private async notice(topic: string, payload: Record<string, unknown>): Promise<Notice | null> {
    const notice = topic.startsWith('booking.')
      ? await this.bookingNotice(topic, payload)
      : topic.startsWith('pilot.')
        ? await this.pilotNotice(topic, payload)
        : topic === 'report.month-ready'
          ? await this.reportNotice(payload)
          : topic in IDENTITY_TOPICS
            ? await this.identityNotice(topic as IdentityTopic, payload)
            : topic === 'webhook.disabled'
              ? await this.webhookDisabledNotice(payload)
              : undefined;
    if (notice === undefined) this.logger.warn(`no notification for outbox topic ${topic}`);
    return notice ?? null;
  }

  /**
   * Plans every recipient's delivery under a unique key, hands the webhook
   * deliveries to their own queue (a slow receiver never holds up e-mail),
   * then sends the e-mail still unsent.
   */
  private async send(outboxId: string, topic: string, notice: Notice): Promise<{ sent: number }> {
    await this.deliveries.plan(outboxId, [...notice.people.values()]);
    if (notice.organizations.length > 0) {
      await this.deliveries.planWebhooks(outboxId, await this.webhooks.subscribersOf(notice.organizations, topic));
      const webhooks = await this.deliveries.pendingWebhooks(outboxId);
      if (webhooks.length > 0) {
        await this.webhookQueue.addBulk(
          webhooks.map((id) => ({
            name: JobName.DeliverWebhook,
            data: { deliveryId: id },
            opts: { jobId: `webhook-${id}` },
          })),
        );
      }
    }
    const { sent, failures } = await this.sendEmails(
      notice,
      await this.deliveries.claimableEmails(outboxId, this.config.mail.leaseSeconds),
    );
    // Thrown after every recipient had its try, so BullMQ retries only what failed.
    if (failures.length) throw new Error(`${failures.length} delivery(ies) failed: ${failures.join('; ')}`);
    return { sent };
  }

  /**
   * Claims each delivery just before sending it (so a long list does not
   * outlive its lease), sends it with a Message-ID fixed by the delivery, and
   * then marks it sent. A send that failed goes back for a retry; a mark that
   * failed is retried alone, never the send.
   */
  private async sendEmails(
    notice: Notice | null,
    ids: string[],
  ): Promise<{ sent: number; taken: number; failures: string[] }> {
    let sent = 0;
    let taken = 0;
    const failures: string[] = [];
    for (const id of ids) {
      const delivery = await this.deliveries.claimOne(id, this.config.mail.leaseSeconds, null);
      if (!delivery) continue;
      taken++;
      const final = delivery.attempts >= this.config.queue.attempts;
      if (!notice) {
        await this.marks.release(delivery.id, 'nothing to send any more', true);
        continue;
      }
      const person = notice.people.get(delivery.recipientUserId ?? '') ?? {
        name: delivery.recipient,
        language: 'sv' as const,
        audience: 'company' as const,
      };
      try {
        await this.mailer.send({
          to: delivery.recipient,
          ...notice.render(person),
          messageId: messageIdOf(delivery.id),
          attachments: notice.attachments,
        });
      } catch (error) {
        failures.push(`${delivery.recipient}: ${(error as Error).message}`);
        await this.marks.release(delivery.id, (error as Error).message, final);
        continue;
      }
      await this.marks.sent(delivery.id);
      sent++;
    }
    return { sent, taken, failures };
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
      people: await this.audience(
        topic === 'plan-approved' ? planApprovedAudience(payload.side) : PILOT_AUDIENCE[topic],
        pilot.organizationId,
        pilot.testbedOrganizationId,
      ),
      organizations: [pilot.organizationId, pilot.testbedOrganizationId],
      webhookData: {
        pilot: {
          id: pilot.id,
          bookingId: pilot.bookingId,
          testbedId: pilot.testbedId,
          organizationId: pilot.organizationId,
          title: pilot.title,
          stage: pilot.stage,
        },
        dueAt: iso(payload.dueAt),
        metricKeys,
      },
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
    const [report, person] = await Promise.all([
      this.reports.forNotification(String(payload.snapshotId)),
      this.members.contactOfUser(String(payload.userId)),
    ]);
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
      render: (person) =>
        renderIdentityMail(person.language, {
          ...mail,
          recipientName: person.name,
          timezone: this.config.reports.timezone,
        }),
    };
  }

  /** The people of each audience: the company's members, the test bed's admins and managers. */
  private async audience(
    audiences: Audience[],
    companyId: string,
    testbedOrganizationId: string,
  ): Promise<Map<string, Recipient>> {
    const people = new Map<string, Recipient>();
    if (audiences.includes('managers'))
      for (const person of await this.members.contactsOf(testbedOrganizationId, ['admin', 'manager']))
        people.set(person.userId, { ...person, audience: 'managers' });
    if (audiences.includes('company'))
      for (const person of await this.members.contactsOf(companyId))
        people.set(person.userId, { ...person, audience: 'company' });
    return people;
  }

  /** Tells an organization's admins that a webhook was disabled after failing too often. */
  private async webhookDisabledNotice(payload: Record<string, unknown>): Promise<Notice> {
    const admins = await this.members.contactsOf(String(payload.organizationId), ['admin']);
    return {
      people: new Map(admins.map((admin) => [admin.userId, { ...admin, audience: 'company' as const }])),
      organizations: [],
      webhookData: {},
      render: (person) => {
        const sv = person.language !== 'en';
        const text = sv
          ? `Hej ${person.name},\n\nWebhooken till ${String(payload.url)} har stängts av efter upprepade misslyckade leveranser. Kontrollera mottagaren och slå på den igen.\n\n— Slussen`
          : `Hello ${person.name},\n\nThe webhook to ${String(payload.url)} has been disabled after repeated failed deliveries. Check the receiver and enable it again.\n\n— Slussen`;
        return {
          subject: sv ? 'Webhook avstängd' : 'Webhook disabled',
          text,
          html: `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`,
        };
      },
    };
  }
}

/** Fixed by the delivery, so a resend (the one window a crash can leave open) carries the same Message-ID and receivers can drop it. */
export const messageIdOf = (deliveryId: string) => `<${deliveryId}@slussen>`;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
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
