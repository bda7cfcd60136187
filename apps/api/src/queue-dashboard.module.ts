import { ExpressAdapter } from '@bull-board/express';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BullBoardModule } from '@bull-board/nestjs';
import { getQueueToken } from '@nestjs/bullmq';
import { Controller, HttpCode, Injectable, Logger, Module, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import {
  AppConfig,
  CurrentActor,
  DomainError,
  logQueueErrors,
  PasswordAttempts,
  PersonOnly,
  QueueModule,
  RateLimitModule,
  readCookie,
  type Actor,
} from '@slussen/core';
import { AccountsService, IdentityActorResolver, IdentityModule, SessionService } from '@slussen/identity';
import { CONTEXT_QUEUES } from '@slussen/platform';
import type { CookieOptions, NextFunction, Request, Response } from 'express';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';
/** The dashboard's own pass: httpOnly, SameSite=Strict, sent to /admin/queues only. */
export const QUEUE_DASHBOARD_COOKIE = 'slussen_queues';
const PASS_AUDIENCE = 'queue-dashboard';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who may open Bull Board: platform admins, by (in this order) the dashboard's
 * pass cookie, a bearer token, or HTTP Basic with their e-mail and password.
 * A Basic sign-in counts against the login limits (same counters) before any
 * password is checked, and every refusal is the same 401, so the dashboard
 * tells nobody whether a password was right. A good Basic sign-in sets the
 * pass, so the board's polling does not check the password again.
 */
@Injectable()
export class QueueDashboardAccess {
  private readonly logger = new Logger(QueueDashboardAccess.name);

  constructor(
    private readonly resolver: IdentityActorResolver,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionService,
    private readonly attempts: PasswordAttempts,
    private readonly config: AppConfig,
  ) {}

  middleware() {
    return (request: Request, response: Response, next: NextFunction) => {
      this.admit(request, response).then((admitted) => admitted && next(), next);
    };
  }

  /** Sets the pass for a platform admin signed in to the web app (its session ends the pass too). */
  async open(actor: Actor, response: Response): Promise<void> {
    if (!actor.platformAdmin || actor.type !== 'user')
      throw new DomainError('forbidden', 'The queue dashboard is for platform admins');
    await this.setPass(response, actor.userId, actor.sessionId ?? (await this.sessions.startForPass(actor.userId)));
  }

  private async admit(request: Request, response: Response): Promise<boolean> {
    // The pass is SameSite=Strict, but a browser also replays Basic credentials cross-site.
    if (!SAFE_METHODS.has(request.method) && !this.sameOrigin(request))
      return this.problem(response, 403, 'forbidden', 'Changes to the queues must come from this site');

    const pass = readCookie(request, QUEUE_DASHBOARD_COOKIE);
    if (pass !== null) {
      const holder = await this.resolver.resolvePass(PASS_AUDIENCE, pass);
      if (holder?.actor.platformAdmin && holder.actor.type === 'user' && holder.actor.sessionId) {
        // Renewed at half its life while in use; it still ends with its session.
        if (Date.now() / 1000 - holder.issuedAt > this.config.jwt.accessTtlSeconds / 2)
          await this.setPass(response, holder.actor.userId, holder.actor.sessionId);
        return true;
      }
      response.clearCookie(QUEUE_DASHBOARD_COOKIE, this.cookieOptions());
    }

    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S{1,4096})$/i.exec(header)?.[1];
    const basic = /^Basic\s+(\S{1,4096})$/i.exec(header)?.[1];
    if (bearer) {
      if ((await this.resolver.resolve(bearer))?.platformAdmin) return true;
    } else if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const separator = decoded.indexOf(':');
      const email = decoded.slice(0, Math.max(0, separator));
      if (separator > 0) {
        const wait = await this.attempts.count(request, email);
        if (wait !== null) {
          response.setHeader('Retry-After', String(wait));
          return this.problem(response, 429, 'rate-limited', `Too many attempts; try again in ${wait} s`);
        }
        const password = decoded.slice(separator + 1);
        const actor =
          email.length <= 254 && password.length <= 256 ? await this.accounts.authenticate(email, password) : null;
        if (actor?.platformAdmin && actor.type === 'user') {
          await this.setPass(response, actor.userId, await this.sessions.startForPass(actor.userId));
          this.logger.log(`queue dashboard opened by user ${actor.userId} with a password`);
          return true;
        }
      }
    }
    response.setHeader('WWW-Authenticate', 'Basic realm="Slussen queues", charset="UTF-8"');
    return this.problem(response, 401, 'unauthenticated', 'Sign in as a platform admin');
  }

  private async setPass(response: Response, userId: string, sessionId: string): Promise<void> {
    response.cookie(QUEUE_DASHBOARD_COOKIE, await this.sessions.issuePass(PASS_AUDIENCE, userId, sessionId), {
      ...this.cookieOptions(),
      maxAge: this.config.jwt.accessTtlSeconds * 1000,
    });
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', path: QUEUE_DASHBOARD_ROUTE, secure: this.config.isProduction };
  }

  /** No Origin (a program, not a browser) or this site's own. */
  private sameOrigin(request: Request): boolean {
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    try {
      const host = new URL(origin).host;
      return host === request.headers.host || host === new URL(this.config.publicUrl).host;
    } catch {
      return false;
    }
  }

  private problem(response: Response, status: 401 | 403 | 429, code: string, detail: string): false {
    const titles = { 401: 'Authentication is required', 403: 'You may not do this', 429: 'Too many requests' };
    response
      .status(status)
      .type('application/problem+json')
      .json({ type: `/problems/${code}`, title: titles[status], status, detail, instance: QUEUE_DASHBOARD_ROUTE });
    return false;
  }
}

@Module({
  imports: [IdentityModule, RateLimitModule],
  providers: [QueueDashboardAccess],
  exports: [QueueDashboardAccess],
})
class QueueDashboardAccessModule {}

@ApiTags('identity')
@ApiBearerAuth()
@Controller('admin/queue-dashboard')
export class QueueDashboardSessionController {
  constructor(private readonly access: QueueDashboardAccess) {}

  @Post('session')
  @HttpCode(204)
  @PersonOnly()
  @ApiOperation({
    summary: 'Open the queue dashboard in this browser',
    description: `For platform admins signed in to the web app: sets the cookie \`${QUEUE_DASHBOARD_COOKIE}\` (HttpOnly, SameSite=Strict, Path=${QUEUE_DASHBOARD_ROUTE}, Secure in production), which opens ${QUEUE_DASHBOARD_ROUTE} while the session lasts; then navigate there. Others get 403.`,
  })
  @ApiNoContentResponse({
    headers: {
      'Set-Cookie': {
        description: `${QUEUE_DASHBOARD_COOKIE}=<pass>; Path=${QUEUE_DASHBOARD_ROUTE}; HttpOnly; SameSite=Strict`,
        schema: { type: 'string' },
      },
    },
  })
  async open(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.access.open(actor, response);
  }
}

/** Attached as the queues are made: a Redis outage is logged once, not once per reconnect. */
const queueErrorLog = {
  provide: 'QueueErrorLog',
  inject: CONTEXT_QUEUES.map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]) => {
    const logger = new Logger(QueueDashboardModule.name);
    for (const queue of queues) logQueueErrors(queue, (line) => logger.warn(line));
    return queues.length;
  },
};

@Module({
  providers: [queueErrorLog],
  controllers: [QueueDashboardSessionController],
  imports: [
    QueueDashboardAccessModule,
    QueueModule.registerQueues(...CONTEXT_QUEUES),
    BullBoardModule.forRootAsync({
      imports: [QueueDashboardAccessModule],
      inject: [QueueDashboardAccess],
      useFactory: (access: QueueDashboardAccess) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: access.middleware(),
      }),
    }),
    BullBoardModule.forFeature(...CONTEXT_QUEUES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueDashboardModule {}
