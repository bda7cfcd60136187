import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../api-app.js';

const INDEX =
  '<!doctype html><html lang="sv"><head><script type="module" crossorigin src="/assets/index-Bx7f3a9c.js"></script></head><body><div id="root"></div></body></html>';
const HTML = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** A build as Vite lays it out: index.html, hashed files under assets/, a few plain files. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slussen-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-Bx7f3a9c.js'), 'console.log("slussen")');
  writeFileSync(join(dir, 'assets', 'index-Q2w9e8r7.css'), 'body{margin:0}');
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n');
  writeFileSync(join(dir, '.env'), 'SECRET=never');
  writeFileSync(join(dir, 'assets', '.hidden.js'), 'SECRET=never');
  return dir;
}

const expectProblem404 = (response: request.Response) => {
  expect(response.status).toBe(404);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
};

describe('the web app on the API’s origin', () => {
  let app: NestExpressApplication;
  let build: string;
  const get = (path: string, headers: Record<string, string> = HTML) =>
    request(app.getHttpServer()).get(path).set(headers);

  beforeAll(async () => {
    build = fakeBuild();
    app = await createApiApp({ env: { WEB_DIR: build } });
  });
  afterAll(async () => {
    await app.close();
    rmSync(build, { recursive: true, force: true });
  });

  it('serves index.html at / and for every path a browser navigates to, never cached without revalidation', async () => {
    for (const path of [
      '/',
      '/testbeds/solgarden',
      '/bookings/5f0c8a1e-0000-4000-8000-000000000000',
      '/sv/tillganglighet',
    ]) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toBe(INDEX);
    }
    expect((await request(app.getHttpServer()).head('/bookings/1').set(HTML)).status).toBe(200);
  });

  it('sends a CSP that lets the app load its own scripts and styles and no inline script', async () => {
    const csp = (await get('/')).headers['content-security-policy'] as string;
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'self'"]);
  });

  it('keeps hashed assets a year, and answers a missing one with the API’s 404', async () => {
    const script = await get('/assets/index-Bx7f3a9c.js', {});
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/index-Q2w9e8r7.css', {})).headers['content-type']).toMatch(/^text\/css/);
    expectProblem404(await get('/assets/index-gone0000.js'));
  });

  it('serves plain files of the build revalidated, and never dotfiles or anything outside it', async () => {
    const robots = await get('/robots.txt', {});
    expect(robots.status).toBe(200);
    expect(robots.headers['cache-control']).toBe('no-cache');
    expectProblem404(await get('/favicon.ico'));
    expectProblem404(await get('/.env', {}));
    expect((await get('/.env')).text).not.toContain('SECRET');
    expectProblem404(await get('/assets/.hidden.js', {}));
    for (const path of ['/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json']) {
      const response = await get(path, {});
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.text).not.toContain('"name": "slussen"');
    }
  });

  it('leaves the API, its docs, health and dashboard to the API, even for a browser', async () => {
    expectProblem404(await get('/api/v1/no-such-route'));
    expectProblem404(await get('/api/v1'));
    const testbeds = await get('/api/v1/testbeds', {});
    expect(testbeds.status).toBe(200);
    expect(testbeds.headers['content-type']).toMatch(/^application\/json/);
    expect((await get('/docs')).text).toContain('swagger-ui');
    expect((await get('/docs-json', {})).body.openapi).toMatch(/^3\./);
    expect((await get('/health/live')).body).toEqual({ status: 'ok' });
    const dashboard = await get('/admin/queues');
    expect(dashboard.status).toBe(401);
    expect(dashboard.text).not.toBe(INDEX);
  });

  it('answers what is not a browser navigation with the API’s 404', async () => {
    expectProblem404(await get('/bookings/1', { Accept: 'application/json' }));
    expectProblem404(await get('/bookings/1', {}));
    const post = await request(app.getHttpServer()).post('/bookings/1').set(HTML).send({});
    expect(post.status).toBe(404);
  });

  describe('without a build', () => {
    let bare: NestExpressApplication;

    beforeAll(async () => {
      bare = await createApiApp({ env: { WEB_DIR: join(build, 'not-built') } });
    });
    afterAll(() => bare.close());

    it('still starts and serves the API; / is a 404', async () => {
      expect((await request(bare.getHttpServer()).get('/health/live')).status).toBe(200);
      expect((await request(bare.getHttpServer()).get('/api/v1/testbeds')).status).toBe(200);
      expectProblem404(await request(bare.getHttpServer()).get('/').set(HTML));
    });
  });
});
