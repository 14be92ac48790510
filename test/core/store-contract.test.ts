import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { RedisStore, SqliteStore, type Store } from '../../src/core/index.js';
import type { ModelRecord } from '../../src/core/store/store.js';
import { hasRedisServer, startRedis, type RedisHandle } from '../support/redis-server.js';

/**
 * One contract, every driver: what the service relies on from a store.
 */
interface Driver {
  name: string;
  open(): Promise<Store>;
  teardown(): Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), 'paramserve-store-'));
let redis: RedisHandle | null = null;

const drivers: Driver[] = [
  {
    name: 'sqlite',
    open: async () => new SqliteStore(join(dir, `${randomUUID()}.db`)),
    teardown: async () => rmSync(dir, { recursive: true, force: true }),
  },
];
if (hasRedisServer())
  drivers.push({
    name: 'redis',
    open: async () => {
      redis ??= await startRedis();
      return new RedisStore(redis.url, `test-${randomUUID()}:`);
    },
    teardown: async () => redis?.stop(),
  });
else console.warn('store contract: redis-server not found, the Redis driver is not tested here (CI installs it)');

// Real time: Redis expires keys by the wall clock (PEXPIREAT), so a past timestamp would delete them at once.
const T0 = Date.now();
const session = (id = randomUUID(), expiresAt = T0 + 60_000) => ({ id, tokenHash: Buffer.alloc(32, 7), createdAt: T0, expiresAt });
const model = (sessionId: string, name: string, version = 1, bytes = 16): ModelRecord => ({
  sessionId,
  name,
  version,
  architecture: JSON.stringify({ type: 'Sequential', layers: [], v: version }),
  state: new Uint8Array(bytes).fill(version),
  parameterCount: 3,
});
const quota = { maxModelsPerSession: 3, maxSessionBytes: 100 };

for (const driver of drivers) {
  describe(`store contract: ${driver.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await driver.open();
    });
    afterAll(async () => {
      await store?.close();
      await driver.teardown();
    });
    beforeAll(() => undefined);

    it('creates, looks up, touches and deletes sessions', async () => {
      const s = session();
      expect(await store.createSession(s, 10, T0)).toBe(true);
      const found = await store.lookup(s.id, null, T0);
      expect(found.session?.id).toBe(s.id);
      expect(found.session?.tokenHash.equals(s.tokenHash)).toBe(true);
      expect(found.session?.expiresAt).toBe(s.expiresAt);
      await store.touchSession(s.id, T0 + 120_000);
      expect((await store.lookup(s.id, null, T0)).session?.expiresAt).toBe(T0 + 120_000);
      expect(await store.deleteSession(s.id)).toBe(true);
      expect((await store.lookup(s.id, null, T0)).session).toBeNull();
      expect(await store.deleteSession(s.id)).toBe(false);
    });

    it('refuses a session beyond the live-session quota, counting only unexpired ones', async () => {
      expect(await store.createSession(session(undefined, T0 - 1), 2, T0 - 10)).toBe(true); // expires before T0
      expect(await store.createSession(session(), 2, T0)).toBe(true);
      expect(await store.createSession(session(), 2, T0)).toBe(true);
      expect(await store.createSession(session(), 2, T0)).toBe(false);
    });

    it('inserts models once, lists them in creation order, reports versions in lookups', async () => {
      const s = session();
      await store.createSession(s, 10, T0);
      expect(await store.insertModel(model(s.id, 'b'), quota)).toBe('ok');
      expect(await store.insertModel(model(s.id, 'a'), quota)).toBe('ok');
      expect(await store.insertModel(model(s.id, 'a'), quota)).toBe('exists');
      expect((await store.listModels(s.id)).map((m) => m.name)).toEqual(['b', 'a']);
      expect((await store.lookup(s.id, 'a', T0)).modelVersion).toBe(1);
      expect((await store.lookup(s.id, 'zzz', T0)).modelVersion).toBeNull();
      const got = await store.getModel(s.id, 'a');
      expect(got?.architecture).toBe(model(s.id, 'a').architecture);
      expect(Array.from(got!.state)).toEqual(Array.from(model(s.id, 'a').state));
      expect(await store.insertModel(model('no-such-session', 'x'), quota)).toBe('no-session');
    });

    it('enforces models per session and bytes per session', async () => {
      const s = session();
      await store.createSession(s, 10, T0);
      expect(await store.insertModel(model(s.id, 'a', 1, 60), quota)).toBe('ok');
      expect(await store.insertModel(model(s.id, 'b', 1, 50), quota)).toBe('too-many-bytes');
      expect(await store.insertModel(model(s.id, 'b', 1, 30), quota)).toBe('ok');
      expect(await store.insertModel(model(s.id, 'c', 1, 1), quota)).toBe('ok');
      expect(await store.insertModel(model(s.id, 'd', 1, 1), quota)).toBe('too-many-models');
      expect(await store.updateModel(model(s.id, 'a', 2, 80), 1, 100)).toBe('too-many-bytes');
      expect(await store.updateModel(model(s.id, 'a', 2, 68), 1, 100)).toBe('ok');
      expect(await store.deleteModel(s.id, 'b', null)).toBe('ok');
      expect(await store.updateModel(model(s.id, 'a', 3, 98), 2, 100)).toBe('ok');
    });

    it('compare-and-set: only the writer that saw the current version wins', async () => {
      const s = session();
      await store.createSession(s, 10, T0);
      await store.insertModel(model(s.id, 'm'), quota);
      const results = await Promise.all([store.updateModel(model(s.id, 'm', 2), 1, 100), store.updateModel(model(s.id, 'm', 2), 1, 100)]);
      expect(results.sort()).toEqual(['conflict', 'ok']);
      expect((await store.getModel(s.id, 'm'))?.version).toBe(2);
      expect(await store.updateModel(model(s.id, 'gone', 2), 1, 100)).toBe('missing');
    });

    it('deletes a model, optionally only at an expected version', async () => {
      const s = session();
      await store.createSession(s, 10, T0);
      await store.insertModel(model(s.id, 'm'), quota);
      expect(await store.deleteModel(s.id, 'm', 5)).toBe('conflict');
      expect(await store.deleteModel(s.id, 'm', 1)).toBe('ok');
      expect(await store.deleteModel(s.id, 'm', null)).toBe('missing');
      expect(await store.getModel(s.id, 'm')).toBeNull();
    });

    it('deleting a session deletes its models', async () => {
      const s = session();
      await store.createSession(s, 10, T0);
      await store.insertModel(model(s.id, 'm'), quota);
      await store.deleteSession(s.id);
      expect(await store.getModel(s.id, 'm')).toBeNull();
      expect(await store.listModels(s.id)).toEqual([]);
    });

    it('reports stats and answers ping', async () => {
      const s = session();
      await store.createSession(s, 10, T0);
      await store.insertModel(model(s.id, 'm', 1, 20), quota);
      const stats = await store.stats(T0);
      expect(stats.sessions).toBeGreaterThanOrEqual(1);
      expect(stats.models).toBeGreaterThanOrEqual(1);
      expect(stats.bytes).toBeGreaterThanOrEqual(20);
      await store.ping();
    });
  });
}

describe('redis driver specifics', () => {
  it.runIf(hasRedisServer())('expires a session and its models by key TTL', async () => {
    const r = await startRedis();
    const store = new RedisStore(r.url, 'ttl:');
    try {
      const now = Date.now();
      const s = { id: randomUUID(), tokenHash: Buffer.alloc(32, 1), createdAt: now, expiresAt: now + 300 };
      await store.createSession(s, 10, now);
      await store.insertModel(model(s.id, 'm'), quota);
      await new Promise((res) => setTimeout(res, 600));
      expect((await store.lookup(s.id, 'm', Date.now())).session).toBeNull();
      expect(await store.getModel(s.id, 'm')).toBeNull();
    } finally {
      await store.close();
      await r.stop();
    }
  });
});
