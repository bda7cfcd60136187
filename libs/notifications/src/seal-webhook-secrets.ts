import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { WebhooksService } from './webhooks.service.js';

/**
 * At start, seals the webhook secrets stored in clear before secrets were
 * sealed, so that after one start with SECRETS_KEY none is left in clear.
 * A failure is logged and tried again at the next start.
 */
@Injectable()
export class SealWebhookSecrets implements OnApplicationBootstrap {
  private readonly logger = new Logger(SealWebhookSecrets.name);

  constructor(private readonly webhooks: WebhooksService) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const sealed = await this.webhooks.sealPlainSecrets();
      if (sealed > 0) this.logger.log(`sealed ${sealed} webhook secret(s) stored in clear`);
    } catch (error) {
      this.logger.warn(`webhook secrets not sealed: ${(error as Error).message}`);
    }
  }
}
