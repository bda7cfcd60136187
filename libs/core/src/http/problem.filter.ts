import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RETRY_AFTER_SECONDS, toProblem } from './problem.js';

/** The one place an error becomes an HTTP answer: RFC 9457 problem+json, always. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: unknown }>();
    const response = http.getResponse<Response>();
    const errorId = typeof request.id === 'string' ? request.id : randomUUID();
    const { problem, unexpected } = toProblem(exception, instanceOf(request), errorId);

    if (unexpected) {
      // The cause and where it arose; never the request body or headers.
      this.logger.error(
        { err: exception, errorId, method: request.method, path: instanceOf(request) },
        'request failed',
      );
    }
    if (response.headersSent) return;
    // 503 means "try again shortly" (a lost database connection, a dependency away): say when.
    if (problem.status === 503 && !response.getHeader('Retry-After'))
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(problem.status).type('application/problem+json').json(problem);
  }
}

function instanceOf(request: Request): string {
  const url = request.originalUrl ?? request.url ?? '';
  const path = url.split('?')[0] ?? '';
  return path.length > 2048 ? path.slice(0, 2048) : path;
}
