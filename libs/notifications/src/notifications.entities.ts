import { Delivery } from './entities/delivery.entity.js';
import { WebhookSubscription } from './entities/webhook-subscription.entity.js';

export const NOTIFICATIONS_ENTITIES = [Delivery, WebhookSubscription];
