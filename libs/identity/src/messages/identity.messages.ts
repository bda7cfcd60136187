import { Injectable } from '@nestjs/common';
import { AppConfig } from '@slussen/core';
import { Messages, type Notice } from '@slussen/notifications';
import { IdentityMailService } from '../identity-mail.service.js';
import type { IdentityTopics } from './identity.topics.js';
import { renderIdentityMail } from './identity-mail.js';

/** An invitation or a password link, to its one person and never to a webhook. */
@Injectable()
export class IdentityMessages extends Messages<keyof IdentityTopics> {
  readonly messages = {
    'identity.invitation': (payload: IdentityTopics['identity.invitation']) =>
      this.notice('identity.invitation', payload),
    'identity.password-reset': (payload: IdentityTopics['identity.password-reset']) =>
      this.notice('identity.password-reset', payload),
    'identity.password-setup': (payload: IdentityTopics['identity.password-setup']) =>
      this.notice('identity.password-setup', payload),
  };

  constructor(
    private readonly identityMail: IdentityMailService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private async notice(topic: keyof IdentityTopics, payload: Record<string, unknown>): Promise<Notice | null> {
    const mail = await this.identityMail.forNotification(topic, payload);
    if (!mail) return null;
    return {
      people: new Map([[mail.recipient.userId, { ...mail.recipient, audience: 'person' }]]),
      organizations: [],
      webhookData: {},
      render: (person) =>
        renderIdentityMail(person.language, {
          ...mail,
          recipientName: person.name,
          timezone: this.config.reportTimezone,
        }),
    };
  }
}
