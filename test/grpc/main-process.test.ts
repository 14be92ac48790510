import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/redis-server.js';
import { startServiceProcess, stopServiceProcess, tempDataDir, type DataDir, type ServiceProcess } from '../e2e/support/process.js';
import { GrpcClient } from '../e2e/support/grpc-client.js';
import { healthCheck, healthClient } from './support.js';

/**
 * The real process (`src/main.ts`) serves gRPC beside HTTP on GRPC_PORT,
 * logs gRPC calls as JSON without the token, and on SIGTERM tells health
 * watchers NOT_SERVING before it stops and exits 0.
 */

let data: DataDir | null = null;
let service: ServiceProcess | null = null;
afterEach(async () => {
  if (service !== null) await stopServiceProcess(service, 'SIGKILL');
  service = null;
  data?.remove();
  data = null;
});

describe('the service process', () => {
  it('serves gRPC on GRPC_PORT, logs each call, and goes NOT_SERVING on SIGTERM before exiting 0', { timeout: 120_000 }, async () => {
    const grpcPort = await freePort();
    data = tempDataDir();
    service = await startServiceProcess(data, { GRPC_PORT: String(grpcPort) });
    const address = `127.0.0.1:${grpcPort}`;
    const listening = await service.waitForLog((l) => l.msg === 'paramserve listening');
    expect(listening.grpc).toBe(address);

    const client = new GrpcClient(address);
    const health = healthClient(address);
    try {
      const session = await client.createSession();
      await client.createModel(session, { name: 'net', architecture: { type: 'Linear', in_features: 2, out_features: 1 }, seed: 0 });
      expect((await client.forward(session, 'net', { input: [[1, 2]] })).shape).toEqual([1, 1]);
      const logged = await service.waitForLog((l) => l.rpc === 'paramserve.v1.ComputeService/Forward');
      expect([logged.code, logged.transport]).toEqual(['OK', 'grpc']);
      expect(await healthCheck(health, '')).toBe('SERVING');

      const seen: string[] = [];
      const watch = health.Watch({ service: 'paramserve.v1.ComputeService' });
      const notServing = new Promise<void>((resolve) => {
        watch.on('data', (r: { status: string }) => {
          seen.push(r.status);
          if (r.status === 'NOT_SERVING') resolve();
        });
        watch.on('error', () => resolve());
      });
      await new Promise<void>((resolve) => watch.once('data', () => resolve()));

      const exit = stopServiceProcess(service, 'SIGTERM');
      await notServing;
      expect(seen).toEqual(['SERVING', 'NOT_SERVING']);
      const how = await exit;
      expect(how.code, service.output().slice(-6000)).toBe(0);
      expect(service.output()).not.toContain(session.token);
    } finally {
      client.close();
      health.close();
    }
  });
});
