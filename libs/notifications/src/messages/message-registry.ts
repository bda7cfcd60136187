import { Injectable } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import type { OutboxTopic } from '@slussen/core';
import { Messages, NotificationsDirectory, type MessageOf, type Notice } from './messages.js';
import { NoticeReads, type PeopleReads } from './notice-reads.js';

/**
 * Every context's messages by topic, found among the application's providers
 * (each context provides its `Messages` in its module). Notifications imports
 * no context: it dispatches by topic.
 */
@Injectable()
export class MessageRegistry {
  private table: Map<string, MessageOf<OutboxTopic>> | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The topics some context has a message for. */
  get topics(): string[] {
    return [...this.messages().keys()];
  }

  /**
   * The notices of a batch of messages, asked for all at once with the same
   * reads, so that the contexts' lookups go one query per kind for the whole
   * batch. Each is undefined when no context has a message for its topic.
   */
  notices(
    batch: Array<{ topic: string; payload: Record<string, unknown> }>,
  ): Array<Promise<Notice | null> | undefined> {
    const reads = new NoticeReads(() => this.people());
    return batch.map(({ topic, payload }) => this.messages().get(topic)?.(payload as never, reads));
  }

  /** Who people are: identity's directory, found when a batch first asks. */
  private people(): PeopleReads {
    const directory = this.moduleRef.get(NotificationsDirectory, { strict: false });
    return {
      contactsOfOrganizations: (ids) => directory.contactsOfOrganizations(ids),
      contactsOfUsers: (ids) => directory.contactsOfUsers(ids),
    };
  }

  private messages(): Map<string, MessageOf<OutboxTopic>> {
    if (this.table) return this.table;
    const table = new Map<string, MessageOf<OutboxTopic>>();
    for (const { instance } of this.discovery.getProviders()) {
      if (!(instance instanceof Messages)) continue;
      for (const [topic, message] of Object.entries(instance.messages as Record<string, MessageOf<OutboxTopic>>)) {
        if (table.has(topic) && table.get(topic) !== message)
          throw new Error(`two contexts register a message for ${topic}`);
        table.set(topic, message);
      }
    }
    return (this.table = table);
  }
}
