import { Injectable } from '@nestjs/common';
import { AppConfig } from '@slussen/core';
import { Messages, type Notice, type NoticeReads } from '@slussen/notifications';
import { IdentityMailService, type IdentityMail } from '../identity-mail.service.js';
import type { IdentityTopics } from './identity.topics.js';
import { renderIdentityMail } from './identity-mail.js';

/** An invitation or a password link, to its one person and never to a webhook. */
@Injectable()
export class IdentityMessages extends Messages<keyof IdentityTopics> {
  readonly messages = {
    'identity.invitation': (payload: IdentityTopics['identity.invitation'], reads: NoticeReads) =>
      this.invitation(payload, reads),
    'identity.password-reset': (payload: IdentityTopics['identity.password-reset'], reads: NoticeReads) =>
      this.passwordLink(payload, reads),
    'identity.password-setup': (payload: IdentityTopics['identity.password-setup'], reads: NoticeReads) =>
      this.passwordLink(payload, reads),
  };

  /** A batch's invitations, password links and organizations' names, each read once for the batch. */
  private readonly invitationMails = (ids: readonly string[]) => this.identityMail.invitationMails(ids);
  private readonly passwordMails = (ids: readonly string[]) => this.identityMail.passwordMails(ids);
  private readonly organizationNames = (ids: readonly string[]) => this.identityMail.organizationNames(ids);

  constructor(
    private readonly identityMail: IdentityMailService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private async invitation(payload: Record<string, unknown>, reads: NoticeReads): Promise<Notice | null> {
    const mail = await reads.load(this.invitationMails, String(payload.invitationId));
    return mail ? this.notice(mail) : null;
  }

  /** The link's e-mail, naming the organization the message names (if any). */
  private async passwordLink(payload: Record<string, unknown>, reads: NoticeReads): Promise<Notice | null> {
    const organizationId = typeof payload.organizationId === 'string' ? payload.organizationId : null;
    const [mail, organizationName] = await Promise.all([
      reads.load(this.passwordMails, String(payload.passwordTokenId)),
      organizationId ? reads.load(this.organizationNames, organizationId) : undefined,
    ]);
    return mail ? this.notice({ ...mail, organizationName: organizationName ?? null }) : null;
  }

  private notice(mail: IdentityMail): Notice {
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
