import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig, ParamService, RedisStore, SqliteStore, systemClock, type Caller } from '../../src/core/index.js';
import { REDIS_AVAILABLE, redisServer, stopRedisServer } from '../http/support/stores.js';

/**
 * Writes to one model are serialised and none is lost (issue 3, item 4): 200
 * concurrent `add 1` on one parameter end exactly +200 with version +200, in
 * one process on SQLite, and across two replicas (two ParamService instances)
 * sharing one Redis, where a write on one is visible on the other at once.
 */
const N = 200;
const NET = {
  type: 'Sequential',
  layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }],
};
const config = (env: Record<string, string> = {}) => loadConfig({ COMPUTE_WORKERS: '0', ...env });
const dir = mkdtempSync(join(tmpdir(), 'paramserve-serial-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopRedisServer();
});

async function startModel(service: ParamService): Promise<Caller> {
  const { id, token } = await service.createSession();
  const caller = { sessionId: id, token };
  await service.createModel(caller, { name: 'net', architecture: NET, seed: 0 });
  await service.putParameter(caller, 'net', '0.bias', { data: new Array(8).fill(0) }, {});
  return caller;
}

/** Fires all writes at once (no awaiting in between) and checks the outcome. */
async function concurrentAdds(replicas: ParamService[], caller: Caller): Promise<void> {
  const before = await replicas[0].getModel(caller, 'net');
  const writes = Array.from({ length: N }, (_, i) => replicas[i % replicas.length].patchParameter(caller, 'net', '0.bias', { op: 'add', value: 1 }, {}));
  const results = await Promise.all(writes);
  // Each write committed its own version: serialised, none lost, none merged.
  const versions = results.map((r) => r.version).sort((a, b) => a - b);
  expect(versions).toEqual(Array.from({ length: N }, (_, i) => before.version + 1 + i));
  for (const replica of replicas) {
    const after = await replica.getParameter(caller, 'net', '0.bias');
    expect(after.data).toEqual(new Array(8).fill(N));
    expect(after.version).toBe(before.version + N);
  }
}

describe('writes to one model', () => {
  it(`SQLite, one process: ${N} concurrent add 1 end exactly +${N}, version +${N}`, async () => {
    const service = new ParamService(config(), new SqliteStore(join(dir, `${randomUUID()}.db`)), systemClock);
    try {
      const caller = await startModel(service);
      await concurrentAdds([service], caller);
    } finally {
      await service.close();
    }
  });

  it(`SQLite, two processes' worth of services on one file: ${N} concurrent add 1 end exactly +${N}`, async () => {
    // Two stores on one file compare-and-set through SQLite transactions, as two processes would.
    const path = join(dir, `${randomUUID()}.db`);
    const a = new ParamService(config(), new SqliteStore(path, { shared: true }), systemClock);
    const b = new ParamService(config(), new SqliteStore(path, { shared: true }), systemClock);
    try {
      const caller = await startModel(a);
      await b.getModel(caller, 'net'); // b caches the model now, so its first write races a's
      await concurrentAdds([a, b], caller);
    } finally {
      await a.close();
      await b.close();
    }
  });

  describe.runIf(REDIS_AVAILABLE)('two replicas sharing one Redis', () => {
    const replicas = async () => {
      const url = (await redisServer()).url;
      const prefix = `serial-${randomUUID()}:`;
      return [0, 1].map(() => new ParamService(config({ PARAMSERVE_STORE: 'redis' }), new RedisStore(url, prefix), systemClock));
    };

    it('a write on B is visible on A at once, though A had the model cached', async () => {
      const [a, b] = await replicas();
      try {
        const caller = await startModel(a);
        const seen = await a.getParameter(caller, 'net', '0.bias'); // cached in A
        const written = await b.patchParameter(caller, 'net', '0.bias', { index: '3', op: 'set', value: 7 }, {});
        expect(written.version).toBe(seen.version + 1);
        const read = await a.getParameter(caller, 'net', '0.bias');
        expect(read.version).toBe(written.version);
        expect((read.data as number[])[3]).toBe(7);
        // And the other way round, through a write on A that starts from B's version.
        await a.patchParameter(caller, 'net', '0.bias', { index: '4', op: 'set', value: 9 }, {});
        const back = await b.getParameter(caller, 'net', '0.bias');
        expect(back.data).toEqual([0, 0, 0, 7, 9, 0, 0, 0]);
        expect(back.version).toBe(written.version + 1);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it(`${N} concurrent add 1 spread over both replicas end exactly +${N}, version +${N}`, async () => {
      const [a, b] = await replicas();
      try {
        const caller = await startModel(a);
        await b.getModel(caller, 'net');
        await concurrentAdds([a, b], caller);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('If-Match holds across replicas: a version B moved past is refused on A', async () => {
      const [a, b] = await replicas();
      try {
        const caller = await startModel(a);
        const v = (await a.getModel(caller, 'net')).version;
        await b.patchParameter(caller, 'net', '2.bias', { op: 'add', value: 1 }, { ifMatch: `"${v}"` });
        await expect(a.patchParameter(caller, 'net', '2.bias', { op: 'add', value: 1 }, { ifMatch: `"${v}"` })).rejects.toMatchObject({
          code: 'VERSION_MISMATCH',
          details: { currentVersion: v + 1 },
        });
        expect((await a.getModel(caller, 'net')).version).toBe(v + 1);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
});
