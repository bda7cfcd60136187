import { ExpressAdapter } from '@bull-board/express';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BullBoardModule } from '@bull-board/nestjs';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ActorResolver, logQueueErrors, QueueModule, QueueName, type Actor } from '@slussen/core';
import { AccountsService, IdentityModule, IdentityActorResolver } from '@slussen/identity';
import type { NextFunction, Request, Response } from 'express';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/**
 * Bull Board for platform admins: a bearer token, or HTTP Basic with a
 * platform admin's e-mail and password so a browser can open it.
 */
function platformAdminsOnly(resolver: ActorResolver, accounts: AccountsService) {
  const deny = (response: Response, status: 401 | 403) => {
    if (status === 401) response.setHeader('WWW-Authenticate', 'Basic realm="Slussen queues", charset="UTF-8"');
    response
      .status(status)
      .type('application/problem+json')
      .json({
        type: `/problems/${status === 401 ? 'unauthenticated' : 'forbidden'}`,
        title: status === 401 ? 'Authentication is required' : 'You may not do this',
        status,
        detail: status === 401 ? 'Sign in as a platform admin' : 'The queue dashboard is for platform admins',
        instance: QUEUE_DASHBOARD_ROUTE,
      });
  };
  return (request: Request, response: Response, next: NextFunction) => {
    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
    let actor: Promise<Actor | null> = Promise.resolve(null);
    if (bearer) actor = resolver.resolve(bearer);
    else if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const separator = decoded.indexOf(':');
      actor = separator > 0 ? accounts.authenticate(decoded.slice(0, separator), decoded.slice(separator + 1)) : Promise.resolve(null);
    }
    actor.then(
      (found) => (found === null ? deny(response, 401) : found.platformAdmin ? next() : deny(response, 403)),
      (error: unknown) => next(error),
    );
  };
}

/** Attached as the queues are made: a Redis outage is logged once, not once per reconnect. */
@Injectable()
class QueueErrorLog {
  constructor(@InjectQueue(QueueName.Scheduling) scheduling: Queue, @InjectQueue(QueueName.Notifications) notifications: Queue, @InjectQueue(QueueName.Pilots) pilots: Queue, @InjectQueue(QueueName.Reports) reports: Queue) {
    const logger = new Logger(QueueDashboardModule.name);
    for (const queue of [scheduling, notifications, pilots, reports]) logQueueErrors(queue, (line) => logger.warn(line));
  }
}

@Module({
  providers: [QueueErrorLog],
  imports: [
    QueueModule.registerQueues(...Object.values(QueueName)),
    BullBoardModule.forRootAsync({
      imports: [IdentityModule],
      inject: [IdentityActorResolver, AccountsService],
      useFactory: (resolver: ActorResolver, accounts: AccountsService) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: platformAdminsOnly(resolver, accounts),
      }),
    }),
    BullBoardModule.forFeature(...Object.values(QueueName).map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueDashboardModule {}
