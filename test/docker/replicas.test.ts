import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../e2e/support/http-client.js';
import { dockerTarget, imageHookTimeoutMs } from './support/docker-target.js';
import { startParamserve, startRedisContainer, type ParamserveContainer, type RedisContainer } from './support/containers.js';
import { runS1, s1Input, expectS1Output } from './support/s1.js';

/**
 * Two service containers over one Redis container, the way replicas run
 * behind a load balancer: any replica serves any session, a write on one is
 * read on the other at once (its cached copy of the model is not used once
 * stale), and concurrent writes on both lose nothing.
 */
const target = await dockerTarget('test/docker/replicas');
const CONCURRENT_ADDS = 200;

describe.skipIf(!target.run)('two replicas over one Redis', () => {
  let redis: RedisContainer;
  let a: ParamserveContainer;
  let b: ParamserveContainer;
  let onA: HttpClient;
  let onB: HttpClient;

  beforeAll(async () => {
    if (!target.run) return;
    const image = await target.image();
    redis = await startRedisContainer();
    const env = { PARAMSERVE_STORE: 'redis', REDIS_URL: redis.url, LOG_LEVEL: 'warn' };
    [a, b] = await Promise.all([startParamserve(image, env), startParamserve(image, env)]);
    onA = new HttpClient(a.url);
    onB = new HttpClient(b.url);
  }, imageHookTimeoutMs);
  afterAll(async () => {
    await Promise.all([a, b].map((c) => c?.container.stop({ remove: true, removeVolumes: true })));
    await redis?.container.stop({ remove: true, removeVolumes: true });
  });

  it('a session and model created on A are used on B', async () => {
    const s = await runS1(onA);
    expect((await onB.getSession(s)).models).toEqual(['net']);
    expectS1Output(await onB.forward(s, 'net', { input: s1Input }));
    await onB.patchParameter(s, 'net', '0.bias', { op: 'set', value: 0.5 });
    expect((await onA.getParameter(s, 'net', '0.bias')).data).toEqual(new Array(8).fill(0.5));
  });

  it('a write on one replica is read on the other at once, however often they alternate', async () => {
    const s = await runS1(onA);
    const replicas = [
      { name: 'A', client: onA },
      { name: 'B', client: onB },
    ];
    // Both replicas hold the model in their caches before the first write.
    let version: number = (await onA.getParameter(s, 'net', '2.bias')).version;
    await onB.getParameter(s, 'net', '2.bias');
    for (let round = 1; round <= 6; round++) {
      const writer = replicas[round % 2];
      const reader = replicas[(round + 1) % 2];
      const written = await writer.client.patchParameter(s, 'net', '2.bias', { op: 'set', value: round });
      expect(written.version, `version after write ${round} on ${writer.name}`).toBe(version + 1);
      version = written.version;
      const read = await reader.client.getParameter(s, 'net', '2.bias');
      expect(read.data, `${reader.name} reads write ${round} made on ${writer.name}`).toEqual([round]);
      expect((await reader.client.getModel(s, 'net')).version).toBe(version);
    }
  });

  it(`${CONCURRENT_ADDS} concurrent PATCH op=add value=1 on one parameter, split across A and B, end exactly +${CONCURRENT_ADDS}`, async () => {
    const s = await runS1(onA);
    // From zero, so every intermediate sum is an integer float32 holds exactly.
    const start = await onB.patchParameter(s, 'net', '0.weight', { op: 'set', value: 0 });
    const replies = await Promise.allSettled(
      Array.from({ length: CONCURRENT_ADDS }, (_, i) => (i % 2 === 0 ? onA : onB).patchParameter(s, 'net', '0.weight', { op: 'add', value: 1 })),
    );
    const failures = replies.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    // Each add committed its own version: no two replies saw the same one.
    const versions = replies.map((r) => (r as PromiseFulfilledResult<any>).value.version as number);
    expect(new Set(versions).size).toBe(CONCURRENT_ADDS);
    expect(Math.max(...versions)).toBe(start.version + CONCURRENT_ADDS);
    for (const client of [onA, onB]) {
      const p = await client.getParameter(s, 'net', '0.weight');
      expect(p.data.flat()).toEqual(new Array(32).fill(CONCURRENT_ADDS));
      expect(p.version).toBe(start.version + CONCURRENT_ADDS);
    }
  });
});
