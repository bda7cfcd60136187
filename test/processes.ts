import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const API_MAIN = resolve('dist/apps/api/apps/api/src/main.js');
export const WORKER_MAIN = resolve('dist/apps/worker/apps/worker/src/main.js');

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>;
}

/** Runs a built app as operators do: `node dist/...`, with only the environment given. */
export function runBuilt(main: string, env: Record<string, string>): RunningProcess {
  if (!existsSync(main)) throw new Error(`${main} is missing: npm test builds it first (npm run build)`);
  const started = Date.now();
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal, afterMs: Date.now() - started })),
  );
  return { child, exited, output: () => stdout + stderr, stderr: () => stderr };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Polls a URL until it answers 200, or fails after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs: number, running?: RunningProcess): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running && running.child.exitCode !== null) throw new Error(`process exited early:\n${running.output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return await response.json();
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms${running ? `:\n${running.output()}` : ''}`);
}

export function waitForExit(running: RunningProcess, timeoutMs: number) {
  return Promise.race([
    running.exited,
    new Promise<never>((_, fail) =>
      setTimeout(() => fail(new Error(`no exit within ${timeoutMs} ms:\n${running.output()}`)), timeoutMs).unref(),
    ),
  ]);
}
