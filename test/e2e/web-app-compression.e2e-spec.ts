import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createApiApp } from '../api-app.js';

const SCRIPT = `export const slussen = ${JSON.stringify('testbädd '.repeat(400))};\n`;
const STYLE = `body{margin:0}${'.result{padding:1rem}'.repeat(100)}`;
const INDEX = '<!doctype html><html lang="sv"><body><div id="root"></div></body></html>';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A build as `npm run build:web` lays it out: assets/ with a .br and a .gz beside each file worth compressing. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slussen-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  for (const [name, text] of [
    ['index-Bx7f3a9c.js', SCRIPT],
    ['index-Q2w9e8r7.css', STYLE],
  ]) {
    writeFileSync(join(dir, 'assets', name), text);
    writeFileSync(join(dir, 'assets', `${name}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, 'assets', `${name}.gz`), gzipSync(text));
  }
  // Too small to gain from compression: the build writes no .br or .gz for it.
  writeFileSync(join(dir, 'assets', 'language-Ab12Cd34.js'), '(function(){})();\n');
  return dir;
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose answer is read as the bytes sent (supertest would decompress it and hide the encoding). */
function fetchRaw(server: Server, path: string, headers: Record<string, string>, method = 'GET'): Promise<RawResponse> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

const varyFields = (response: RawResponse) =>
  String(response.headers.vary ?? '')
    .split(',')
    .map((field) => field.trim().toLowerCase());

describe('the web app’s assets, compressed at build', () => {
  let app: NestExpressApplication;
  let server: Server;
  let build: string;
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetchRaw(server, path, headers, method);

  beforeAll(async () => {
    build = fakeBuild();
    app = await createApiApp({ env: { WEB_DIR: build } });
    server = app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    await app.close();
    rmSync(build, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it (preferred over gzip), with the type and year’s cache of the file', async () => {
    for (const acceptEncoding of ['gzip, deflate, br, zstd', 'br', 'gzip;q=1.0, br;q=0.9']) {
      const script = await get('/assets/index-Bx7f3a9c.js', { 'Accept-Encoding': acceptEncoding });
      expect(script.status).toBe(200);
      expect(script.headers['content-encoding']).toBe('br');
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(script.headers['cache-control']).toBe(IMMUTABLE);
      expect(varyFields(script)).toEqual(expect.arrayContaining(['accept-encoding', 'origin']));
      expect(Number(script.headers['content-length'])).toBe(script.body.length);
      expect(script.body.length).toBeLessThan(SCRIPT.length / 4);
      expect(brotliDecompressSync(script.body).toString()).toBe(SCRIPT);
    }
    const style = await get('/assets/index-Q2w9e8r7.css', { 'Accept-Encoding': 'br' });
    expect(style.headers['content-encoding']).toBe('br');
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('sends gzip where brotli is not accepted', async () => {
    for (const acceptEncoding of ['gzip', 'gzip, deflate', 'br;q=0, gzip']) {
      const script = await get('/assets/index-Bx7f3a9c.js', { 'Accept-Encoding': acceptEncoding });
      expect(script.headers['content-encoding']).toBe('gzip');
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(script.headers['cache-control']).toBe(IMMUTABLE);
      expect(varyFields(script)).toEqual(expect.arrayContaining(['accept-encoding', 'origin']));
      expect(gunzipSync(script.body).toString()).toBe(SCRIPT);
    }
  });

  it('sends the file as it is when no encoding is accepted, still varying by Accept-Encoding', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'deflate' }] as Array<
      Record<string, string>
    >) {
      const script = await get('/assets/index-Bx7f3a9c.js', headers);
      expect(script.status).toBe(200);
      expect(script.headers['content-encoding']).toBeUndefined();
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(script.headers['cache-control']).toBe(IMMUTABLE);
      expect(varyFields(script)).toEqual(expect.arrayContaining(['accept-encoding', 'origin']));
      expect(script.body.toString()).toBe(SCRIPT);
    }
    // A file with no compressed copy is sent as it is to everyone.
    const small = await get('/assets/language-Ab12Cd34.js', { 'Accept-Encoding': 'gzip, br' });
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('revalidates each encoding by its own ETag', async () => {
    const br = await get('/assets/index-Bx7f3a9c.js', { 'Accept-Encoding': 'br' });
    const gzip = await get('/assets/index-Bx7f3a9c.js', { 'Accept-Encoding': 'gzip' });
    const plain = await get('/assets/index-Bx7f3a9c.js');
    expect(new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]).size).toBe(3);
    const again = await get('/assets/index-Bx7f3a9c.js', {
      'Accept-Encoding': 'br',
      'If-None-Match': br.headers.etag!,
    });
    expect(again.status).toBe(304);
    const head = await get('/assets/index-Bx7f3a9c.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });

  it('answers a missing asset, or the compressed copy asked for by name, as before: the API’s 404', async () => {
    for (const path of ['/assets/index-gone0000.js', '/assets/index-gone0000.js.br']) {
      const missing = await get(path, { 'Accept-Encoding': 'gzip, br' });
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(missing.headers['content-encoding']).toBeUndefined();
    }
  });

  it('leaves index.html and the API’s JSON uncompressed, as they were', async () => {
    const index = await get('/search', { Accept: 'text/html', 'Accept-Encoding': 'gzip, br' });
    expect(index.status).toBe(200);
    expect(index.headers['content-encoding']).toBeUndefined();
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.body.toString()).toBe(INDEX);
    const testbeds = await get('/api/v1/testbeds', { 'Accept-Encoding': 'gzip, br' });
    expect(testbeds.status).toBe(200);
    expect(testbeds.headers['content-encoding']).toBeUndefined();
  });
});
