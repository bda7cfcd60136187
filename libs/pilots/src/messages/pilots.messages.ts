import { Injectable } from '@nestjs/common';
import { AppConfig } from '@slussen/core';
import { audienceOf, Messages, type Audience, type Notice, type NoticeReads } from '@slussen/notifications';
import { PilotsService } from '../pilots.service.js';
import { PILOT_AUDIENCE, planApprovedAudience, renderPilotMail, type PilotTopic } from './pilot-mail.js';
import type { PilotsTopics } from './pilots.topics.js';

/** Pilots' messages: measurements due, the plan's approvals and agreement, the end of the period; to both sides and their webhooks. */
@Injectable()
export class PilotsMessages extends Messages<keyof PilotsTopics> {
  readonly messages = {
    'pilot.measurement-requested': this.about('measurement-requested'),
    'pilot.measurement-overdue': this.about('measurement-overdue'),
    'pilot.plan-not-agreed': this.about('plan-not-agreed'),
    'pilot.plan-approved': this.about('plan-approved'),
    'pilot.plan-agreed': this.about('plan-agreed'),
    'pilot.evaluating': this.about('evaluating'),
  };

  /** A batch's pilots, each read once for the batch. */
  private readonly pilotsById = (ids: readonly string[]) => this.pilots.forNotifications(ids);

  constructor(
    private readonly pilots: PilotsService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private about(topic: PilotTopic) {
    return (payload: { pilotId: string }, reads: NoticeReads) => this.pilotNotice(topic, payload, reads);
  }

  private async pilotNotice(
    topic: PilotTopic,
    payload: Record<string, unknown>,
    reads: NoticeReads,
  ): Promise<Notice<Audience> | null> {
    const pilot = await reads.load(this.pilotsById, String(payload.pilotId));
    if (!pilot) return null;
    const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
    const metricKeys = Array.isArray(payload.metricKeys) ? payload.metricKeys.map(String) : [];
    return {
      people: await audienceOf(
        topic === 'plan-approved' ? planApprovedAudience(payload.side) : PILOT_AUDIENCE[topic],
        { companyId: pilot.organizationId, testbedOrganizationId: pilot.testbedOrganizationId },
        reads,
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
          audience: person.audience ?? 'company',
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
}
