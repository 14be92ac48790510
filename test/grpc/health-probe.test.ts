import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, Metrics, ParamService, openStore, systemClock, type Store } from '../../src/core/index.js';
import { buildGrpcServer, SERVICE_NAMES, type GrpcTransport } from '../../src/transports/grpc/index.js';
import { hasRedisServer, startRedis } from '../support/redis-server.js';
import { healthCheck, healthClient, memoryLogger } from './support.js';

/**
 * grpc.health.v1.Health follows the store as /readyz does: the transport
 * pings it every GRPC_HEALTH_PROBE_MS and reports NOT_SERVING while it cannot
 * be reached, SERVING again once it can (unless the process drains).
 */

const PROBE_MS = 20;
let transport: GrpcTransport | null = null;
const clients: { close(): void }[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await transport?.close();
  transport = null;
});

async function serve(service: ParamService, logger = memoryLogger().logger): Promise<string> {
  transport = buildGrpcServer({ service, metrics: new Metrics({} as Store, systemClock), logger, healthProbeMs: PROBE_MS });
  return `127.0.0.1:${await transport.listen('127.0.0.1', 0)}`;
}

/** Polls Check until it reports `wanted` (each poll is a real call); fails with the last status after `tries`. */
async function until(client: unknown, wanted: string, tries = 200): Promise<void> {
  let last = '';
  for (let i = 0; i < tries; i++) {
    last = await healthCheck(client, '');
    if (last === wanted) return;
    await new Promise((r) => setTimeout(r, PROBE_MS));
  }
  throw new Error(`health stayed ${last}, never ${wanted}`);
}

describe('the store probe of grpc.health.v1.Health', () => {
  it('turns NOT_SERVING for the server and every service while the store fails, SERVING once it answers, and logs each change', async () => {
    let storeUp = true;
    let pings = 0;
    const stub = {
      config: loadConfig({}),
      ready: async () => {
        pings += 1;
        if (!storeUp) throw new Error('store down');
      },
    } as unknown as ParamService;
    const { logger, lines } = memoryLogger();
    const address = await serve(stub, logger);
    const health = healthClient(address);
    clients.push(health);

    const seen: string[] = [];
    const watch = health.Watch({ service: 'paramserve.v1.ComputeService' });
    watch.on('data', (r: { status: string }) => seen.push(r.status));
    watch.on('error', () => {});

    await until(health, 'SERVING');
    storeUp = false;
    await until(health, 'NOT_SERVING');
    for (const name of SERVICE_NAMES) expect(await healthCheck(health, name)).toBe('NOT_SERVING');
    const pingsWhileDown = pings;
    await until(health, 'NOT_SERVING'); // further failing probes change nothing...
    storeUp = true;
    await until(health, 'SERVING');
    expect(pings).toBeGreaterThan(pingsWhileDown);
    // ...so a Watch stream sees each transition once, not a message per probe.
    expect(seen).toEqual(['SERVING', 'NOT_SERVING', 'SERVING']);
    watch.cancel();
    expect(lines.filter((l) => l.storeReachable !== undefined).map((l) => [l.level, l.storeReachable])).toEqual([
      [40, false],
      [30, true],
    ]);
  });

  it('stays NOT_SERVING while draining, whatever the store says', async () => {
    const stub = { config: loadConfig({}), ready: async () => {} } as unknown as ParamService;
    const address = await serve(stub);
    const health = healthClient(address);
    clients.push(health);
    transport!.setServing(false);
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, PROBE_MS * 2));
      expect(await healthCheck(health, '')).toBe('NOT_SERVING');
    }
  });

  it.runIf(hasRedisServer())('turns NOT_SERVING when a real Redis server goes away', async () => {
    const redis = await startRedis();
    const config = loadConfig({ PARAMSERVE_STORE: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: 'health-probe:', COMPUTE_WORKERS: '0' });
    const service = new ParamService(config, openStore(config), systemClock);
    try {
      const health = healthClient(await serve(service));
      clients.push(health);
      await until(health, 'SERVING');
      await redis.stop();
      await until(health, 'NOT_SERVING');
    } finally {
      await transport?.close();
      transport = null;
      await service.close();
      await redis.stop();
    }
  });
});
