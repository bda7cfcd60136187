import { Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config.js';

/** The id requestContextMiddleware gave the request (outside the API, a fresh one). */
const requestId = (request: IncomingMessage & { id?: unknown }) =>
  typeof request.id === 'string' ? request.id : randomUUID();

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.log.level,
          genReqId: requestId,
          // Method, path and status only: bodies and headers can carry secrets and personal data.
          serializers: {
            req: (request: { id: string; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              path: request.url.split('?')[0],
            }),
            res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
          },
          autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/health/') ?? false },
          customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
            error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
          transport: config.log.pretty
            ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
            : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
