import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DomainError, toProblem } from '@slussen/core';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';

/**
 * Paths the API answers itself (every Nest route lives under one of them); the
 * web app never shadows them, so an unknown one stays the API's problem+json 404.
 * A route added outside these must be added here.
 */
const API_PATHS = /^\/(?:api|docs|docs-json|docs-yaml|health|admin)(?:\/|$)/;
/** Vite puts every content-hashed file under /assets/: they never change, so browsers keep them a year. */
const HASHED_ASSETS = '/assets/';
const REVALIDATE = 'no-cache';

const logger = new Logger('WebApp');

/**
 * Serves the built web app (apps/web/dist) on the API's origin: hashed assets
 * with a year's cache (compressed at build: `.br` or `.gz` beside each file, chosen
 * by the request's Accept-Encoding), other files and index.html revalidated on every use,
 * and index.html for every other GET a browser navigates to (Accept: text/html),
 * so the app's own router answers /bookings/123. Anything else outside the
 * API's paths is a problem+json 404, like an unknown API route. Without a build
 * the API runs alone.
 */
export function serveWebApp(app: NestExpressApplication, directory: string): void {
  const root = resolve(directory);
  const index = join(root, 'index.html');
  const built = existsSync(index);
  if (built) {
    const assets = expressStaticGzip(join(root, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        redirect: false,
        immutable: true,
        maxAge: '365d',
        fallthrough: true,
        // A compressed copy is typed as its file, in the words express.static uses (the library spells `UTF-8`).
        // (serve-static hands over the Express response it was given, typed as Node's.)
        setHeaders: (response: ServerResponse, path: string) => {
          if (response.getHeader('Content-Encoding'))
            (response as Response).type(extname(path.replace(/\.(br|gz)$/, '')));
        },
      },
    });
    app.use(HASHED_ASSETS, (request: Request, response: Response, next: NextFunction) => {
      // The library sets `Vary: Accept-Encoding` in place of what is there (CORS's `Vary: Origin`), synchronously,
      // before it reads the file: add the earlier fields back while the headers are still unsent.
      const vary = response.getHeader('Vary');
      assets(request, response, next);
      if (vary !== undefined && !response.headersSent) response.vary(String(vary));
    });
    logger.log(`serving the web app from ${root}`);
  } else {
    logger.log(`no web app at ${root} (npm run build:web builds it); serving the API only`);
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (API_PATHS.test(request.path)) return next();
    const notFound = () => notFoundProblem(request, response);
    if (!built || (request.method !== 'GET' && request.method !== 'HEAD') || request.path.startsWith(HASHED_ASSETS))
      return notFound();
    // A file at the top of the build (robots.txt, a manifest, an icon).
    if (extname(request.path) !== '') {
      return response.sendFile(
        request.path,
        { root, dotfiles: 'deny', headers: { 'Cache-Control': REVALIDATE } },
        (error) => {
          if (error && !response.headersSent) notFound();
        },
      );
    }
    if (!/\btext\/html\b/i.test(request.headers.accept ?? '')) return notFound();
    response.sendFile(index, { headers: { 'Cache-Control': REVALIDATE } }, (error) => {
      if (error && !response.headersSent) next(error);
    });
  });
}

function notFoundProblem(request: Request, response: Response): void {
  const path = request.path.length > 2048 ? request.path.slice(0, 2048) : request.path;
  const { problem } = toProblem(new DomainError('not-found', `Nothing is at ${request.method} ${path}`), path, '');
  response.status(404).type('application/problem+json').json(problem);
}
