import { Delivery } from './entities/delivery.entity.js';

export const NOTIFICATIONS_ENTITIES = [Delivery];
