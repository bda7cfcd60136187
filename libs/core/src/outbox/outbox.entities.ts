import { OutboxMessage } from './outbox-message.entity.js';

export const CORE_ENTITIES = [OutboxMessage];
