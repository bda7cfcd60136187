import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.service.js';
import { OutboxRepository } from './outbox.repository.js';

/** The worker's outbox relay, and the outbox's readers. */
@Module({ providers: [OutboxRepository, OutboxRelay], exports: [OutboxRelay, OutboxRepository] })
export class OutboxRelayModule {}
