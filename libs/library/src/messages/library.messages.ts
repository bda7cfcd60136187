import { Injectable } from '@nestjs/common';
import { AppConfig } from '@slussen/core';
import { audienceOf, Messages, type Audience, type Notice, type NoticeReads } from '@slussen/notifications';
import { ResultsService } from '../results.service.js';
import type { LibraryTopics } from './library.topics.js';
import { consentMailLink, renderResultMail, resultAudience, type ResultTopic } from './result-mail.js';

/** The results library's messages: consents, publication, withdrawal and adoptions; to the pilot's sides and their webhooks. */
@Injectable()
export class LibraryMessages extends Messages<keyof LibraryTopics> {
  readonly messages = {
    'result.consented': (payload: LibraryTopics['result.consented'], reads: NoticeReads) =>
      this.consentNotice('consented', payload, reads),
    'result.published': (payload: LibraryTopics['result.published'], reads: NoticeReads) =>
      this.consentNotice('published', payload, reads),
    'result.withdrawn': (payload: LibraryTopics['result.withdrawn'], reads: NoticeReads) =>
      this.consentNotice('withdrawn', payload, reads),
    'result.adopted': (payload: LibraryTopics['result.adopted'], reads: NoticeReads) =>
      this.adoptionNotice(payload, reads),
  };

  /** A batch's consents and adoptions, each read once for the batch. */
  private readonly consentsByPilot = (pilotIds: readonly string[]) => this.results.forNotifications(pilotIds);
  private readonly adoptionsById = (ids: readonly string[]) => this.results.adoptionsForNotification(ids);

  constructor(
    private readonly results: ResultsService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private async consentNotice(
    topic: Exclude<ResultTopic, 'adopted'>,
    payload: { pilotId: string; side: 'company' | 'testbed' },
    reads: NoticeReads,
  ): Promise<Notice<Audience> | null> {
    const found = await reads.load(this.consentsByPilot, String(payload.pilotId));
    if (!found) return null;
    const { pilot, consent } = found;
    return {
      people: await this.people(topic, payload.side, pilot, reads),
      organizations: [pilot.organizationId, pilot.testbedOrganizationId],
      webhookData: {
        pilot: { id: pilot.id, title: pilot.title, testbedId: pilot.testbedId, organizationId: pilot.organizationId },
        side: payload.side,
        resultId: consent?.id ?? null,
        published: consent?.publishedAt != null,
      },
      render: (person) =>
        renderResultMail(person.language, {
          topic,
          side: payload.side,
          recipientName: person.name,
          title: pilot.title,
          testbedName: pilot.testbedName,
          adopter: null,
          link: consentMailLink(
            this.config.publicUrl,
            topic,
            pilot.id,
            consent?.publishedAt != null ? (consent.id ?? null) : null,
          ),
        }),
    };
  }

  private async adoptionNotice(payload: { adoptionId: string }, reads: NoticeReads): Promise<Notice<Audience> | null> {
    const found = await reads.load(this.adoptionsById, String(payload.adoptionId));
    if (!found) return null;
    const { adoption, result, pilot } = found;
    return {
      people: await this.people('adopted', null, pilot, reads),
      organizations: [pilot.organizationId, pilot.testbedOrganizationId],
      webhookData: {
        result: { id: result.id, title: result.title },
        adoption: {
          id: adoption.id,
          organizationId: adoption.organizationId,
          organizationName: adoption.organizationName,
          adoptedAt: adoption.adoptedAt,
        },
      },
      render: (person) =>
        renderResultMail(person.language, {
          topic: 'adopted',
          side: null,
          recipientName: person.name,
          title: result.title,
          testbedName: result.testbedName,
          adopter: { name: adoption.organizationName, adoptedAt: adoption.adoptedAt },
          link: `${this.config.publicUrl}/results/${result.id}`,
        }),
    };
  }

  private people(
    topic: ResultTopic,
    side: unknown,
    pilot: { organizationId: string; testbedOrganizationId: string },
    reads: NoticeReads,
  ) {
    return audienceOf(
      resultAudience(topic, side),
      { companyId: pilot.organizationId, testbedOrganizationId: pilot.testbedOrganizationId },
      reads,
    );
  }
}
