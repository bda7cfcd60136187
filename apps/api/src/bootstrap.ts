import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  answerClientErrorsWithProblems,
  apiLoadShedder,
  AppConfig,
  createValidationPipe,
  FrameworkQuietLogger,
  ProblemFilter,
  requestContextMiddleware,
} from '@slussen/core';
import { SESSION_COOKIE, SESSION_COOKIE_SCHEME } from '@slussen/identity';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { completeDocument } from './openapi.js';
import { serveWebApp } from './web-app.js';

export const API_PREFIX = 'api/v1';

/** Everything an API instance needs around its modules; used by main.ts and by every e2e test. */
export function bootstrap(app: NestExpressApplication): NestExpressApplication {
  const config = app.get(AppConfig);
  app.useLogger(new FrameworkQuietLogger(app.get(Logger)));
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxyHops);
  app.use(requestContextMiddleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI is served over plain http in development; upgrading its assets to https breaks it.
          upgradeInsecureRequests: null,
          // The web app and Swagger UI load scripts from this origin only, never inline ones;
          // styles come from this origin, plus the style attributes React components set.
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          connectSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  app.enableCors({ origin: config.cors.origins, exposedHeaders: ['X-Request-Id', 'Retry-After'] });
  // Before the body is parsed: a request refused for load costs no parsing, no database and little memory.
  app.use(
    apiLoadShedder(API_PREFIX, {
      concurrency: 2 * config.database.poolSize,
      queueLimit: config.http.requestQueue.limit,
      queueTimeoutMs: config.http.requestQueue.timeoutMs,
    }).middleware,
  );
  app.useBodyParser('json', { limit: config.http.bodyLimit, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit: config.http.bodyLimit, extended: false });
  serveWebApp(app, config.webDir);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'admin/queues', 'admin/queues/{*path}'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  answerClientErrorsWithProblems(app.getHttpServer());

  const document = completeDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Slussen API')
        .setDescription(
          'Test beds, pilot slots, bookings, pilots and outcome reports. Errors are RFC 9457 problem+json.',
        )
        .setVersion('1')
        .addBearerAuth()
        .addCookieAuth(
          SESSION_COOKIE,
          {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: "The web app's refresh token (httpOnly); only /api/v1/auth/session/* read it",
          },
          SESSION_COOKIE_SCHEME,
        )
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
