import { Injectable } from '@nestjs/common';
import { currentRequestId } from '@slussen/core';
import type { EntityManager } from 'typeorm';

/** Identity's messages to people (invitations, password links), written in the transaction that makes them. */
export const IDENTITY_TOPICS = ['identity.invitation', 'identity.password-reset', 'identity.password-setup'] as const;
export type IdentityTopic = (typeof IDENTITY_TOPICS)[number];

@Injectable()
export class IdentityOutboxRepository {
  async add(topic: IdentityTopic, payload: Record<string, string>, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO outbox_messages (topic, payload, request_id) VALUES ($1, $2, $3)', [
      topic,
      JSON.stringify(payload),
      currentRequestId() ?? null,
    ]);
  }
}
