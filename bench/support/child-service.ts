import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks it; released before the service binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ChildServiceSpec {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env: NodeJS.ProcessEnv;
  /** The service's base URL on 127.0.0.1. */
  baseUrl: string;
  /** A path answering 200 once the service is ready. */
  readyPath: string;
  readyTimeoutMs?: number;
}

export interface ChildService {
  name: string;
  baseUrl: string;
  pid: number;
  /** CPU seconds (user + system) the process has used so far, from /proc (null where there is none). */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
const cleanups = new Set<() => void>();
let exitHooked = false;

/** A synchronous clean-up (a temp dir) that runs when the bench exits, however it exits. */
export function atExit(cleanup: () => void): () => void {
  hookExit();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Whatever happens to the bench, its services do not outlive it: on Ctrl-C or
 * SIGTERM they get SIGTERM (up to 5 s to finish), and at exit any survivor is
 * killed and the registered clean-ups run.
 */
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
    for (const cleanup of cleanups) cleanup();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      process.stderr.write(`bench: ${signal}, stopping ${running.size} service(s)\n`);
      const children = [...running];
      for (const child of children) child.kill('SIGTERM');
      const exited = children.map((child) => waitForExit(child, 5_000));
      void Promise.all(exited).then(() => process.exit(130));
    });
}

/** The last few KiB a child printed, to explain why it did not start. */
function tailOf(child: ChildProcess): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4096);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail.trim();
}

function procCpuSeconds(pid: number): number | null {
  try {
    // /proc/PID/stat: the command name (field 2) may hold spaces, so count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return ticks / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts a service as a child process and waits until `readyPath` answers 200
 * (or the child exits, or the timeout passes: then it is killed and the error
 * carries the end of its output).
 */
export async function startChildService(spec: ChildServiceSpec): Promise<ChildService> {
  hookExit();
  const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const tail = tailOf(child);
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 10_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };

  const deadline = Date.now() + (spec.readyTimeoutMs ?? 60_000);
  let failure: string | null = null;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      failure = `exited with ${child.signalCode ?? `code ${child.exitCode}`}`;
      break;
    }
    const ready = await Promise.race([
      fetch(spec.baseUrl + spec.readyPath, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.status === 200,
        () => false,
      ),
      spawnError.then((e) => {
        failure = `could not be started: ${e.message}`;
        return false;
      }),
    ]);
    if (ready) break;
    if (failure !== null) break;
    if (Date.now() > deadline) {
      failure = `was not ready within ${(spec.readyTimeoutMs ?? 60_000) / 1000} s`;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (failure !== null) {
    await stop();
    const output = tail();
    throw new Error(`${spec.name} ${failure}${output ? `; its output ends with:\n${output}` : ''}`);
  }
  return { name: spec.name, baseUrl: spec.baseUrl, pid: child.pid!, cpuSeconds: () => procCpuSeconds(child.pid!), stop };
}
