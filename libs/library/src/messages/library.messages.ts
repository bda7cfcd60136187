import { Injectable } from '@nestjs/common';
import { AppConfig } from '@slussen/core';
import { MembersService } from '@slussen/identity';
import { audienceOf, Messages, type Audience, type Notice } from '@slussen/notifications';
import { ResultsService } from '../results.service.js';
import type { LibraryTopics } from './library.topics.js';
import { renderResultMail, resultAudience, type ResultTopic } from './result-mail.js';

/** The results library's messages: consents, publication, withdrawal and adoptions; to the pilot's sides and their webhooks. */
@Injectable()
export class LibraryMessages extends Messages<keyof LibraryTopics> {
  readonly messages = {
    'result.consented': (payload: LibraryTopics['result.consented']) => this.consentNotice('consented', payload),
    'result.published': (payload: LibraryTopics['result.published']) => this.consentNotice('published', payload),
    'result.withdrawn': (payload: LibraryTopics['result.withdrawn']) => this.consentNotice('withdrawn', payload),
    'result.adopted': (payload: LibraryTopics['result.adopted']) => this.adoptionNotice(payload),
  };

  constructor(
    private readonly results: ResultsService,
    private readonly members: MembersService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private async consentNotice(
    topic: ResultTopic,
    payload: { pilotId: string; side: 'company' | 'testbed' },
  ): Promise<Notice<Audience> | null> {
    const found = await this.results.forNotification(String(payload.pilotId));
    if (!found) return null;
    const { pilot, consent } = found;
    return {
      people: await this.people(topic, payload.side, pilot),
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
          // The pilot's page in the web app, where its consent section is.
          link: `${this.config.publicUrl}/pilots/${pilot.id}`,
        }),
    };
  }

  private async adoptionNotice(payload: { adoptionId: string }): Promise<Notice<Audience> | null> {
    const found = await this.results.adoptionForNotification(String(payload.adoptionId));
    if (!found) return null;
    const { adoption, result, pilot } = found;
    return {
      people: await this.people('adopted', null, pilot),
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

  private people(topic: ResultTopic, side: unknown, pilot: { organizationId: string; testbedOrganizationId: string }) {
    return audienceOf(
      resultAudience(topic, side),
      { companyId: pilot.organizationId, testbedOrganizationId: pilot.testbedOrganizationId },
      (organizationId, roles) => this.members.contactsOf(organizationId, roles),
    );
  }
}
