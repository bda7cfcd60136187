import type { NextFunction, Request, Response } from 'express';
import { AsyncResource } from 'node:async_hooks';
import { PROBLEMS } from '../errors/problem-codes.js';
import { RETRY_AFTER_SECONDS, type Problem } from './problem.js';

export interface LoadSheddingLimits {
  /** Requests served at the same time (they share the database pool). */
  concurrency: number;
  /** Requests that may wait for one of those places; the next one is answered 503 at once. */
  queueLimit: number;
  /** Longest wait for a place before the answer is 503 (0: no bound). */
  queueTimeoutMs: number;
}

/** What the gate holds now, for tests and health figures. */
export interface LoadSheddingState {
  active: number;
  waiting: number;
  shed: number;
}

/** A request waiting for a place: how to let it in, and since when it waits (ms, performance.now()). */
interface Waiting {
  admit: () => void;
  since: number;
}

/**
 * A bounded queue in front of the database pool. At most `concurrency`
 * requests are served at once and at most `queueLimit` wait for a place;
 * beyond that a request is answered 503 with Retry-After at once, before its
 * body is parsed, and so is one that waited `queueTimeoutMs`. Under a surge the
 * latency of the requests taken stays bounded and the process's memory with
 * it, instead of every request waiting longer. A request whose caller goes away
 * leaves the queue.
 *
 * The queue is served in order until its oldest request has waited half the
 * timeout; then the newest goes first (adaptive LIFO). Under a standing
 * overload, served in order, every request taken would have waited nearly the
 * whole timeout; this way those taken wait little and the ones that would
 * have been late anyway get their 503 instead.
 */
export class LoadShedder {
  private active = 0;
  private shed = 0;
  private readonly waiting: Waiting[] = [];

  constructor(private readonly limits: LoadSheddingLimits) {}

  get state(): LoadSheddingState {
    return { active: this.active, waiting: this.waiting.length, shed: this.shed };
  }

  /** Express middleware for the routes behind the gate. */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    if (this.active < this.limits.concurrency) {
      this.admit(response, next);
      return;
    }
    if (this.waiting.length >= this.limits.queueLimit) {
      this.shed++;
      refuse(request, response);
      return;
    }
    // Resumed from another request's completion: keep this request's async context (its request id).
    const resume = AsyncResource.bind(() => this.admit(response, next));
    const entry: Waiting = {
      admit: () => {
        leave();
        resume();
      },
      since: performance.now(),
    };
    const leave = () => {
      response.off('close', leave);
      if (timer) clearTimeout(timer);
      const index = this.waiting.indexOf(entry);
      if (index >= 0) this.waiting.splice(index, 1);
    };
    const timer =
      this.limits.queueTimeoutMs > 0
        ? setTimeout(() => {
            leave();
            this.shed++;
            refuse(request, response);
          }, this.limits.queueTimeoutMs)
        : null;
    response.once('close', leave);
    this.waiting.push(entry);
  };

  private admit(response: Response, next: NextFunction): void {
    this.active++;
    let released = false;
    response.once('close', () => {
      if (released) return;
      released = true;
      this.active--;
      this.next()?.admit();
    });
    next();
  }

  /** The waiting request to let in next: the oldest, or the newest once the oldest has waited half the timeout. */
  private next(): Waiting | undefined {
    const oldest = this.waiting[0];
    const standing =
      oldest !== undefined &&
      this.limits.queueTimeoutMs > 0 &&
      performance.now() - oldest.since > this.limits.queueTimeoutMs / 2;
    return standing ? this.waiting[this.waiting.length - 1] : oldest;
  }
}

function refuse(request: Request, response: Response): void {
  const { status, title } = PROBLEMS.unavailable;
  const problem: Problem = {
    type: '/problems/unavailable',
    title,
    status,
    detail: 'The server is busy; try again shortly',
    instance: (request.originalUrl ?? request.url).split('?')[0]!.slice(0, 2048),
  };
  response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  response.status(status).type('application/problem+json').send(JSON.stringify(problem));
}

/** The gate for the API's routes (`/<prefix>/...`), sized from the database pool and the queue limit. */
export function apiLoadShedder(
  prefix: string,
  limits: LoadSheddingLimits,
): { shedder: LoadShedder; middleware: (request: Request, response: Response, next: NextFunction) => void } {
  const shedder = new LoadShedder(limits);
  const scope = `/${prefix.replace(/^\/+|\/+$/g, '')}/`;
  return {
    shedder,
    middleware: (request, response, next) =>
      request.path.startsWith(scope) ? shedder.middleware(request, response, next) : next(),
  };
}
