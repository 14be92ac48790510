import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../e2e/support/http-client.js';
import { GrpcClient } from '../e2e/support/grpc-client.js';
import { dockerTarget, imageHookTimeoutMs } from './support/docker-target.js';
import { CONTAINER_RESTART_TIMEOUT_MS, engineContainer, logsOf, startParamserve, waitForExit, waitForLog, type ParamserveContainer } from './support/containers.js';
import { expectS1Output, runS1, s1Input } from './support/s1.js';

/**
 * The image built from the repository's Dockerfile, run as a user would run
 * it (SQLite on its /data volume): it boots and answers, it is put together as
 * the Dockerfile promises, S1 gives PyTorch's numbers through it, and SIGTERM
 * drains it.
 */
const target = await dockerTarget('test/docker/image');

describe.skipIf(!target.run)('the paramserve image', () => {
  let ps: ParamserveContainer;

  beforeAll(async () => {
    if (!target.run) return;
    ps = await startParamserve(await target.image());
  }, imageHookTimeoutMs);
  afterAll(async () => {
    await ps?.container.stop({ remove: true, removeVolumes: true });
  });

  const inspect = async () => (await engineContainer(ps.container)).inspect();

  it('boots: /healthz and /readyz answer 200', async () => {
    expect((await fetch(`${ps.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${ps.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('runs as the unprivileged node user, with the SQLite directory /data a volume it owns', async () => {
    const info = await inspect();
    expect(info.Config.User).toBe('node');
    expect(info.Config.Volumes).toHaveProperty('/data');
    expect(info.Mounts.some((m) => m.Destination === '/data')).toBe(true);
    expect((await ps.container.exec(['id', '-u'])).stdout.trim()).not.toBe('0');
    expect((await ps.container.exec(['stat', '-c', '%U', '/data'])).stdout.trim()).toBe('node');
    // The service has written its database there, and cannot write its own code.
    expect((await ps.container.exec(['test', '-f', '/data/paramserve.db'])).exitCode).toBe(0);
    expect((await ps.container.exec(['test', '-w', '/app/dist/main.js'])).exitCode).not.toBe(0);
  });

  it('exposes the HTTP and gRPC ports and runs node as PID 1, without a shell', async () => {
    const info = await inspect();
    expect(Object.keys(info.Config.ExposedPorts ?? {})).toEqual(expect.arrayContaining(['8080/tcp', '50051/tcp']));
    expect(info.Config.Cmd).toEqual(['node', 'dist/main.js']);
    expect((await ps.container.exec(['cat', '/proc/1/comm'])).stdout.trim()).toBe('node');
  });

  it('ships the compiled service with production dependencies only', async () => {
    const has = async (path: string) => (await ps.container.exec(['test', '-e', path])).exitCode === 0;
    expect(await has('/app/dist/main.js')).toBe(true);
    expect(await has('/app/node_modules/fastify')).toBe(true);
    expect(await has('/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    for (const dev of ['typescript', 'vitest', 'testcontainers', 'eslint', 'tsx']) expect(await has(`/app/node_modules/${dev}`), dev).toBe(false);
    expect(await has('/app/src')).toBe(false);
    // What the service reads at run time beside dist/: the protos of the gRPC API, and the wasm kernels
    // that `npm ci` built from asm/ through the package's `prepare` script.
    expect(await has('/app/proto/paramserve/v1')).toBe(true);
    const wasm = (await ps.container.exec(['sh', '-c', 'ls /app/build/wasm/*.wasm'])).stdout.trim().split('\n').filter(Boolean);
    expect(wasm.length).toBeGreaterThan(0);
    expect(await has('/app/test')).toBe(false);
  });

  it('its HEALTHCHECK passes against the running service, and fails where nothing answers', async () => {
    const test = (await inspect()).Config.Healthcheck?.Test ?? [];
    expect(test[0]).toBe('CMD');
    const command = test.slice(1);
    expect((await ps.container.exec(command)).exitCode).toBe(0);
    expect((await ps.container.exec(command, { env: { PORT: '1' } })).exitCode).not.toBe(0);
  });

  it('S1 over REST: PyTorch\'s output, grad_fn, repr and summary', async () => {
    await runS1(new HttpClient(ps.url));
  });

  it('S1 over gRPC: the same numbers through the gRPC port', async () => {
    const client = new GrpcClient(ps.grpcAddress);
    try {
      await runS1(client);
    } finally {
      client.close();
    }
  });

  // Last: it stops the container. A forward whose body is only half sent is in
  // flight when SIGTERM arrives; the rest of the body is sent only once the
  // service has logged that it is draining, and the request must still succeed.
  it('on SIGTERM to PID 1 it drains: a request in flight completes, then it exits 0', async () => {
    const http = new HttpClient(ps.url);
    const s = await runS1(http);
    const path = `/v1/sessions/${encodeURIComponent(s.id)}/models/net/forward`;
    const body = Buffer.from(JSON.stringify({ input: s1Input }));
    let sent!: () => void;
    const response = new Promise<{ status: number; json: any }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: ps.port, method: 'POST', path, agent: false, headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${s.token}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, 10));
      sent = () => req.end(body.subarray(10));
    });
    const forwardArrived = (logs: string) => logs.split('\n').some((l) => l.includes('incoming request') && l.includes(path));
    await waitForLog(ps.container, forwardArrived);

    await (await engineContainer(ps.container)).kill({ signal: 'SIGTERM' });
    await waitForLog(ps.container, (logs) => logs.includes('"msg":"draining"'));
    sent();

    const r = await response;
    expect(r.status).toBe(200);
    expectS1Output(r.json);
    expect(await waitForExit(ps.container)).toBe(0);
    const logs = await logsOf(ps.container);
    expect(logs.indexOf('"msg":"draining"')).toBeLessThan(logs.indexOf('"msg":"stopped"'));
  }, CONTAINER_RESTART_TIMEOUT_MS);
});
