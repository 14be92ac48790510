import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/redis-server.js';

/**
 * The real service as a child process (`node --import tsx src/main.ts`), the
 * way an operator runs it: its own SQLite file (kept across restarts, so a
 * test can kill it and start it again on the same data), free ports on
 * 127.0.0.1, and its stdout captured line by line as pino's JSON logs.
 */
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** Bounds, not expectations: a start that takes longer than this is a failure, not a wait. */
const START_TIMEOUT_MS = 60_000;
const EXIT_TIMEOUT_MS = 30_000;

export interface ServiceProcess {
  url: string;
  port: number;
  sqlitePath: string;
  child: ChildProcess;
  /** Every JSON line written to stdout so far. */
  logs: Record<string, any>[];
  /** Everything written to stdout and stderr so far, as text. */
  output(): string;
  /** Resolves with the first log line (already written or to come) that matches. */
  waitForLog(match: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  kill(signal: NodeJS.Signals): void;
  /** Resolves when the process has exited, with how. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface DataDir {
  dir: string;
  sqlitePath: string;
  remove(): void;
}

export function tempDataDir(): DataDir {
  const dir = mkdtempSync(join(tmpdir(), 'paramserve-proc-'));
  return { dir, sqlitePath: join(dir, 'paramserve.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts the service and resolves once /readyz answers 200 (the store is reachable). */
export async function startServiceProcess(data: DataDir, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      HOST: '127.0.0.1',
      PORT: String(port),
      GRPC_PORT: String(await freePort()),
      SQLITE_PATH: data.sqlitePath,
      LOG_LEVEL: 'info',
      COMPUTE_WORKERS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, any>[] = [];
  let text = '';
  let pending = '';
  const waiters: { match: (l: Record<string, any>) => boolean; resolve: (l: Record<string, any>) => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line.trim() === '') continue;
      let parsed: Record<string, any>;
      try {
        parsed = JSON.parse(line);
      } catch {
        continue; // not a log line
      }
      logs.push(parsed);
      for (const w of [...waiters])
        if (w.match(parsed)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(parsed);
        }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const service: ServiceProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    sqlitePath: data.sqlitePath,
    child,
    logs,
    output: () => text,
    waitForLog(match, timeoutMs = START_TIMEOUT_MS) {
      const found = logs.find(match);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such log line within ${timeoutMs} ms; output:\n${text.slice(-2000)}`)), timeoutMs);
        waiters.push({ match, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      });
    },
    kill: (signal) => void child.kill(signal),
    exited,
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the service exited while starting:\n${text.slice(-2000)}`);
    try {
      const r = await fetch(`${service.url}/readyz`);
      if (r.status === 200) return service;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the service did not become ready within ${START_TIMEOUT_MS} ms:\n${text.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends `signal` and waits for the exit (SIGKILL after EXIT_TIMEOUT_MS, so no test leaves a process behind). */
export async function stopServiceProcess(service: ServiceProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return service.exited;
  service.kill(signal);
  const timer = setTimeout(() => service.kill('SIGKILL'), EXIT_TIMEOUT_MS);
  try {
    return await service.exited;
  } finally {
    clearTimeout(timer);
  }
}
