import { Injectable } from '@nestjs/common';
import { escapeHtml } from './mail-layout.js';
import { Messages, type Notice } from './messages.js';
import type { NoticeReads } from './notice-reads.js';
import type { NotificationsTopics } from './notifications.topics.js';

/** Notifications' own message: an organization's admins hear that a webhook was disabled after failing too often. */
@Injectable()
export class NotificationsMessages extends Messages<keyof NotificationsTopics> {
  readonly messages = {
    'webhook.disabled': (payload: NotificationsTopics['webhook.disabled'], reads: NoticeReads) =>
      this.webhookDisabled(payload, reads),
  };

  private async webhookDisabled(payload: NotificationsTopics['webhook.disabled'], reads: NoticeReads): Promise<Notice> {
    const admins = await reads.contactsOf(String(payload.organizationId), ['admin']);
    return {
      people: new Map(admins.map((admin) => [admin.userId, { ...admin, audience: 'admin' }])),
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
