import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { OutboxTopic } from '@slussen/core';
import { Messages, type MessageOf, type Notice } from './messages.js';

/**
 * Every context's messages by topic, found among the application's providers
 * (each context provides its `Messages` in its module). Notifications imports
 * no context: it dispatches by topic.
 */
@Injectable()
export class MessageRegistry {
  private table: Map<string, MessageOf<OutboxTopic>> | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  /** The topics some context has a message for. */
  get topics(): string[] {
    return [...this.messages().keys()];
  }

  /** The notice of a message: undefined when no context has a message for its topic. */
  notice(topic: string, payload: Record<string, unknown>): Promise<Notice | null> | undefined {
    return this.messages().get(topic)?.(payload as never);
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
