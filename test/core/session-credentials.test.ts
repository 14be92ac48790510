import { afterAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { loadConfig, ParamService, RedisStore, SqliteStore, systemClock } from '../../src/core/index.js';
import { REDIS_AVAILABLE, redisServer, stopRedisServer } from '../http/support/stores.js';

/**
 * Session credentials (issue 3, item 2): ids are random UUIDs, tokens carry
 * 256 random bits, and a store holds only the token's SHA-256, never the token:
 * shown by reading the SQLite file's bytes and every Redis key.
 */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const config = (env: Record<string, string> = {}) => ({ ...loadConfig({ COMPUTE_WORKERS: '0', ...env }) });

const dir = mkdtempSync(join(tmpdir(), 'paramserve-credentials-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopRedisServer();
});

describe('session ids and tokens', () => {
  it('ids are v4 UUIDs and tokens 32 random bytes (base64url), all distinct', async () => {
    const service = new ParamService(config({ MAX_SESSIONS: '1000' }), new SqliteStore(':memory:'), systemClock);
    try {
      const created = [];
      for (let i = 0; i < 300; i++) created.push(await service.createSession());
      for (const s of created) {
        expect(s.id).toMatch(UUID_V4);
        const bytes = Buffer.from(s.token, 'base64url');
        expect(bytes).toHaveLength(32);
        expect(bytes.toString('base64url')).toBe(s.token); // canonical base64url, no padding
      }
      expect(new Set(created.map((s) => s.id)).size).toBe(created.length);
      expect(new Set(created.map((s) => s.token)).size).toBe(created.length);
      // 256 random bits: over 300 tokens every bit position takes both values.
      const ones = new Array(256).fill(0);
      for (const s of created) {
        const bytes = Buffer.from(s.token, 'base64url');
        for (let bit = 0; bit < 256; bit++) ones[bit] += (bytes[bit >> 3] >> (bit & 7)) & 1;
      }
      for (const n of ones) {
        expect(n).toBeGreaterThan(0);
        expect(n).toBeLessThan(created.length);
      }
    } finally {
      await service.close();
    }
  });
});

describe('tokens are stored only as SHA-256 hashes', () => {
  it('SQLite: the file holds the hash, never the token or its raw bytes', async () => {
    const path = join(dir, `${randomUUID()}.db`);
    const service = new ParamService(config(), new SqliteStore(path), systemClock);
    const sessions = [];
    try {
      for (let i = 0; i < 5; i++) sessions.push(await service.createSession());
    } finally {
      await service.close();
    }
    // Every byte SQLite wrote: the database, and the WAL if one is left.
    const bytes = Buffer.concat([path, `${path}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));
    for (const s of sessions) {
      expect(bytes.includes(Buffer.from(s.token, 'utf8')), 'token text').toBe(false);
      expect(bytes.includes(Buffer.from(s.token, 'base64url')), 'token bytes').toBe(false);
      expect(bytes.includes(sha256(s.token)), 'its hash is what is stored').toBe(true);
    }
    const db = new Database(path, { readonly: true });
    try {
      for (const s of sessions) {
        const row = db.prepare('SELECT * FROM sessions WHERE id = ?').get(s.id) as Record<string, unknown>;
        expect(Buffer.from(row.token_hash as Buffer).equals(sha256(s.token))).toBe(true);
        for (const value of Object.values(row)) expect(String(value)).not.toContain(s.token);
      }
    } finally {
      db.close();
    }
  });

  it.runIf(REDIS_AVAILABLE)('Redis: no key holds the token; the session hash holds its SHA-256', async () => {
    const url = (await redisServer()).url;
    const prefix = `cred-${randomUUID()}:`;
    const service = new ParamService(config({ PARAMSERVE_STORE: 'redis' }), new RedisStore(url, prefix), systemClock);
    const sessions = [];
    try {
      for (let i = 0; i < 5; i++) sessions.push(await service.createSession());
    } finally {
      await service.close();
    }
    const redis = new Redis(url);
    try {
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.length).toBeGreaterThan(sessions.length);
      const dumps: Buffer[] = [];
      for (const key of keys) {
        const type = await redis.type(key);
        if (type === 'hash') dumps.push(...Object.values(await redis.hgetallBuffer(key)));
        else if (type === 'zset') dumps.push(...(await redis.zrangeBuffer(key, 0, -1)));
        else dumps.push((await redis.dumpBuffer(key)) ?? Buffer.alloc(0));
        dumps.push(Buffer.from(key));
      }
      const all = Buffer.concat(dumps);
      for (const s of sessions) {
        expect(all.includes(Buffer.from(s.token, 'utf8')), 'token text').toBe(false);
        expect(all.includes(Buffer.from(s.token, 'base64url')), 'token bytes').toBe(false);
        expect(await redis.hget(`${prefix}s:${s.id}`, 'token')).toBe(sha256(s.token).toString('hex'));
      }
    } finally {
      redis.disconnect();
    }
  });
});
