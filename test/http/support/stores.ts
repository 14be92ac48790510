import { randomUUID } from 'node:crypto';
import { hasRedisServer, startRedis, type RedisHandle } from '../../support/redis-server.js';

/**
 * The two store drivers as service configuration, so one suite runs against
 * both. Redis gets a throwaway redis-server for the test file (started on first
 * use) and a fresh key prefix per app; without the binary only SQLite runs.
 */
export interface StoreUnderTest {
  name: 'sqlite' | 'redis';
  /** Environment for buildTestApp: a new key prefix on every call, so apps do not share state unless asked to. */
  env(prefix?: string): Promise<Record<string, string>>;
}

let redis: Promise<RedisHandle> | null = null;

export function redisServer(): Promise<RedisHandle> {
  redis ??= startRedis();
  return redis;
}

export async function stopRedisServer(): Promise<void> {
  if (redis !== null) await (await redis).stop();
  redis = null;
}

export const REDIS_AVAILABLE = hasRedisServer();
if (!REDIS_AVAILABLE) console.warn('redis-server not found on PATH: the Redis half of this suite is skipped (CI installs it)');

export const STORES: StoreUnderTest[] = [
  { name: 'sqlite', env: async () => ({}) },
  ...(REDIS_AVAILABLE
    ? [
        {
          name: 'redis' as const,
          env: async (prefix = `t-${randomUUID()}:`) => ({ PARAMSERVE_STORE: 'redis', REDIS_URL: (await redisServer()).url, REDIS_PREFIX: prefix }),
        },
      ]
    : []),
];
