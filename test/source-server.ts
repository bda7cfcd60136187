import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type SourceHandler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** A measurement source on loopback for tests: each path answers with its own handler, and every request is kept. */
export async function startSourceServer(routes: Record<string, SourceHandler>) {
  const requests: Array<{ path: string; authorization: string | undefined }> = [];
  const server = http.createServer((request, response) => {
    requests.push({ path: request.url ?? '', authorization: request.headers.authorization });
    const handler = routes[request.url ?? ''];
    if (!handler) {
      response.writeHead(404).end();
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json =
  (body: unknown): SourceHandler =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
