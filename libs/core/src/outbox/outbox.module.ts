import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.service.js';

/** The worker's outbox relay. */
@Module({ providers: [OutboxRelay], exports: [OutboxRelay] })
export class OutboxRelayModule {}
