import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEMS } from '../errors/problem-codes.js';

/**
 * Requests Node's HTTP parser refuses before any middleware runs (a request
 * line or headers larger than it takes, a malformed request line) are answered
 * with problem+json too, instead of Node's bare status line.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const code: keyof typeof PROBLEMS = error.code === 'HPE_HEADER_OVERFLOW' ? 'headers-too-large' : 'validation';
    const { status, title } = PROBLEMS[code];
    const body = JSON.stringify({
      type: `/problems/${code}`,
      title,
      status,
      detail:
        code === 'validation'
          ? 'The request could not be read as HTTP'
          : 'The request line and headers must be smaller',
      instance: '',
    });
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
