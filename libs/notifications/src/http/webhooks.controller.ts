import { Body, Controller, Delete, Get, HttpCode, Module, Post, type DynamicModule } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, PersonOnly, type Actor } from '@slussen/core';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsUrl, MaxLength } from 'class-validator';
import { NotificationsModule } from '../notifications.module.js';
import { WebhooksService } from '../webhooks.service.js';

/** The webhooks controller, its subscription body validated and documented with the events offered. */
function webhooksController(events: readonly string[]) {
  class SubscribeWebhookDto {
    // Described by hand: the Swagger plugin reads only *.dto.ts files.
    /** Where Slussen POSTs the events: https on a public address (an operator may allow http and private addresses). */
    @ApiProperty({ format: 'uri', maxLength: 2048, example: 'https://example.se/slussen-events' })
    @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
    @MaxLength(2048)
    url: string;

    /** Topics such as `booking.confirmed`, or `*`. */
    @ApiProperty({ type: [String], enum: events, minItems: 1, maxItems: 20 })
    @IsIn(events, { each: true })
    @ArrayMinSize(1)
    @ArrayMaxSize(20)
    events: string[];
  }

  @ApiTags('notifications')
  @ApiBearerAuth()
  @Controller('organizations/:id/webhooks')
  class WebhooksController {
    constructor(private readonly webhooks: WebhooksService) {}

    /** Deliveries carry `Slussen-Signature: t=<unix>,v1=<hex hmac-sha256(secret, t + "." + body)>`; the secret is shown once. */
    @PersonOnly()
    @Post()
    subscribe(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: SubscribeWebhookDto) {
      return this.webhooks.subscribe(actor, id, body);
    }

    @Get()
    list(@CurrentActor() actor: Actor, @IdParam() id: string) {
      return this.webhooks.list(actor, id);
    }

    /** Enables a subscription that was disabled after failing too often, with its failure count reset. */
    /** The subscription's most recent deliveries (at most 20), newest first, each failure as a short code. */
    @Get(':webhookId/deliveries')
    deliveries(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('webhookId') webhookId: string) {
      return this.webhooks.recentDeliveries(actor, id, webhookId);
    }

    @PersonOnly()
    @Post(':webhookId/enable')
    @HttpCode(200)
    enable(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('webhookId') webhookId: string) {
      return this.webhooks.enable(actor, id, webhookId);
    }

    @PersonOnly()
    @Delete(':webhookId')
    @HttpCode(204)
    async remove(
      @CurrentActor() actor: Actor,
      @IdParam() id: string,
      @IdParam('webhookId') webhookId: string,
    ): Promise<void> {
      await this.webhooks.remove(actor, id, webhookId);
    }
  }

  return WebhooksController;
}

/**
 * The HTTP part of notifications: webhook subscriptions. Notifications knows no context,
 * so the events an organization may subscribe to (every topic the contexts publish to
 * organizations, and `*`) come from whoever assembles them: the API passes the platform's.
 */
@Module({})
export class NotificationsHttpModule {
  static forEvents(events: readonly string[]): DynamicModule {
    return {
      module: NotificationsHttpModule,
      imports: [NotificationsModule],
      controllers: [webhooksController(events)],
    };
  }
}
