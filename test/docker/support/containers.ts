import { GenericContainer, Wait, getContainerRuntimeClient, type ContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';
import { freePort } from '../../support/redis-server.js';

/**
 * Containers for the Docker suites. The networking rule of these machines:
 * host network only, every container on a 127.0.0.1 port of its own (there
 * is no port mapping on the host network), never a bridge network.
 */

export interface ParamserveContainer {
  container: StartedTestContainer;
  url: string;
  port: number;
  grpcPort: number;
  grpcAddress: string;
}

/** The engine's own (dockerode) handle on a container. */
export type EngineContainer = ReturnType<ContainerRuntimeClient['container']['getById']>;

export interface RedisContainer {
  container: StartedTestContainer;
  url: string;
}

const STARTUP_TIMEOUT_MS = 60_000;

/** For a test that stops or kills containers and waits for them to come back: a loaded machine takes seconds per start. */
export const CONTAINER_RESTART_TIMEOUT_MS = 120_000;

/**
 * A paramserve container from `image`, listening on 127.0.0.1 on free ports,
 * ready (`/readyz` 200) when this resolves. `dataDir` (a host directory) is
 * mounted as its /data volume instead of an anonymous one. Readiness is asked
 * of the service itself, not read from its logs, which `LOG_LEVEL` may silence.
 */
export async function startParamserve(image: string, env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<ParamserveContainer> {
  const port = await freePort();
  const grpcPort = await freePort();
  let spec = new GenericContainer(image)
    .withNetworkMode('host')
    .withEnvironment({ HOST: '127.0.0.1', PORT: String(port), GRPC_PORT: String(grpcPort), COMPUTE_WORKERS: '1', ...env })
    .withStartupTimeout(STARTUP_TIMEOUT_MS);
  if (options.dataDir !== undefined) spec = spec.withBindMounts([{ source: options.dataDir, target: '/data', mode: 'rw' }]);
  const container = await spec.start();
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(url);
  } catch (e) {
    const logs = await logsOf(container).catch(() => '(no logs)');
    await container.stop({ remove: true, removeVolumes: true }).catch(() => undefined);
    throw new Error(`${e instanceof Error ? e.message : String(e)}; the container's last lines:\n${logs.split('\n').slice(-15).join('\n')}`);
  }
  return { container, url, port, grpcPort, grpcAddress: `127.0.0.1:${grpcPort}` };
}

/** A throwaway Redis (no persistence) from the redis:7-bookworm image on a free 127.0.0.1 port. */
export async function startRedisContainer(): Promise<RedisContainer> {
  const port = await freePort();
  const container = await new GenericContainer('redis:7-bookworm')
    .withNetworkMode('host')
    .withCommand(['redis-server', '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'])
    .withWaitStrategy(Wait.forLogMessage(/Ready to accept connections/))
    .withStartupTimeout(STARTUP_TIMEOUT_MS)
    .start();
  return { container, url: `redis://127.0.0.1:${port}` };
}

/** Polls `/readyz` until it answers 200; fails after `timeoutMs` with what it last saw. */
export async function waitForReady(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'nothing yet';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (e) {
      last = e instanceof Error ? `${e.message}${e.cause instanceof Error ? `: ${e.cause.message}` : ''}` : String(e);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}/readyz did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

/** The engine's handle on a started container, for what testcontainers does not offer (SIGKILL, start again, exit status). */
export async function engineContainer(c: StartedTestContainer): Promise<EngineContainer> {
  const client = await getContainerRuntimeClient();
  return client.container.getById(c.getId());
}

/** The container's output so far (stdout and stderr), as text. */
export async function logsOf(c: StartedTestContainer): Promise<string> {
  const engine = await engineContainer(c);
  const raw = await engine.logs({ stdout: true, stderr: true, follow: false });
  return demultiplex(raw as unknown as Buffer);
}

/** Docker multiplexes stdout and stderr of a non-TTY container into 8-byte-headed frames. */
export function demultiplex(buf: Buffer): string {
  let out = '';
  let i = 0;
  while (i + 8 <= buf.length) {
    const size = buf.readUInt32BE(i + 4);
    out += buf.subarray(i + 8, i + 8 + size).toString('utf8');
    i += 8 + size;
  }
  return out;
}

/** Resolves when `predicate` holds for the container's logs; fails after `timeoutMs`. */
export async function waitForLog(c: StartedTestContainer, predicate: (logs: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const logs = await logsOf(c);
    if (predicate(logs)) return logs;
    if (Date.now() >= deadline) throw new Error(`the container's logs did not show what was awaited within ${timeoutMs} ms; last lines:\n${logs.split('\n').slice(-10).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for the container to exit (bounded) and returns its exit code. */
export async function waitForExit(c: StartedTestContainer, timeoutMs = 30_000): Promise<number> {
  const engine = await engineContainer(c);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await engine.inspect();
    if (!info.State.Running) return info.State.ExitCode;
    if (Date.now() >= deadline) throw new Error(`container still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
