// Small helpers the benchmarks share.
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Polls a health URL until it answers 200. */
export async function waitForReady(readyUrl, attempts = 160) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      if ((await fetch(readyUrl)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${readyUrl} did not become ready`);
}

export async function waitUntil(condition, ms) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 50));
  }
}
