import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretBox } from '@slussen/core';
import { NOTIFICATIONS_ENTITIES } from './notifications.entities.js';
import { WebhooksRepository } from './repositories/webhooks.repository.js';
import { SealWebhookSecrets } from './seal-webhook-secrets.js';
import { WebhooksService } from './webhooks.service.js';

/** Webhook subscriptions and deliveries; used by both apps. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES)],
  providers: [WebhooksRepository, WebhooksService, SecretBox, SealWebhookSecrets],
  exports: [WebhooksRepository, WebhooksService, SecretBox],
})
export class NotificationsModule {}
