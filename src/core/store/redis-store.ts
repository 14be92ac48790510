import { Redis } from 'ioredis';
import type { InsertQuota, InsertResult, Lookup, ModelRecord, ModelSummary, SessionRecord, Store, UpdateResult } from './store.js';
import * as scripts from './redis-scripts.js';
import { StoreUnavailableError } from '../errors.js';

type ScriptName = 'psCreateSession' | 'psLookup' | 'psTouch' | 'psDeleteSession' | 'psInsertModel' | 'psUpdateModel' | 'psDeleteModel' | 'psStats';

const SCRIPTS: Record<ScriptName, { keys: number; lua: string }> = {
  psCreateSession: { keys: 2, lua: scripts.CREATE_SESSION },
  psLookup: { keys: 2, lua: scripts.LOOKUP },
  psTouch: { keys: 3, lua: scripts.TOUCH_SESSION },
  psDeleteSession: { keys: 3, lua: scripts.DELETE_SESSION },
  psInsertModel: { keys: 3, lua: scripts.INSERT_MODEL },
  psUpdateModel: { keys: 2, lua: scripts.UPDATE_MODEL },
  psDeleteModel: { keys: 3, lua: scripts.DELETE_MODEL },
  psStats: { keys: 1, lua: scripts.STATS },
};

/**
 * The scale-out driver: several replicas share one Redis. Every multi-key
 * change is one Lua script, so a model's compare-and-set and the quotas hold
 * across replicas; sessions expire by key TTL.
 */
export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix = 'paramserve:') {
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableAutoPipelining: true,
      maxRetriesPerRequest: 2,
      // Fail fast when Redis is down instead of queueing requests forever.
      enableOfflineQueue: true,
      retryStrategy: (times) => Math.min(times * 100, 2000),
    });
    this.redis.on('error', () => {
      // Connection errors surface on the commands that hit them (as STORE_UNAVAILABLE); the client reconnects.
    });
    for (const [name, s] of Object.entries(SCRIPTS)) this.redis.defineCommand(name, { numberOfKeys: s.keys, lua: s.lua });
  }

  private sessionKey(id: string): string {
    return `${this.prefix}s:${id}`;
  }
  private modelsKey(id: string): string {
    return `${this.prefix}s:${id}:models`;
  }
  private modelKeyPrefix(id: string): string {
    return `${this.prefix}m:${id}:`;
  }
  private get sessionsKey(): string {
    return `${this.prefix}sessions`;
  }

  private async script<T>(name: ScriptName, ...args: (string | number | Buffer | Uint8Array)[]): Promise<T> {
    try {
      const fn = (this.redis as unknown as Record<string, (...a: unknown[]) => Promise<T>>)[name];
      return await fn.apply(this.redis, args.map((a) => (a instanceof Uint8Array && !Buffer.isBuffer(a) ? Buffer.from(a.buffer, a.byteOffset, a.byteLength) : a)));
    } catch (e) {
      throw unavailable(e);
    }
  }

  async createSession(s: SessionRecord, maxSessions: number, now: number): Promise<boolean> {
    const r = await this.script<number>('psCreateSession', this.sessionsKey, this.sessionKey(s.id), s.id, s.tokenHash.toString('hex'), s.createdAt, s.expiresAt, now, maxSessions);
    return r === 1;
  }

  async lookup(sessionId: string, modelName: string | null, now: number): Promise<Lookup> {
    const modelKey = modelName === null ? this.modelKeyPrefix(sessionId) : this.modelKeyPrefix(sessionId) + modelName;
    const [token, created, expires, version] = await this.script<(string | null)[]>('psLookup', this.sessionKey(sessionId), modelKey, modelName === null ? '0' : '1');
    if (token === null || token === undefined) return { session: null, modelVersion: null };
    const session: SessionRecord = { id: sessionId, tokenHash: Buffer.from(token, 'hex'), createdAt: Number(created), expiresAt: Number(expires) };
    if (session.expiresAt <= now) return { session: null, modelVersion: null };
    return { session, modelVersion: version === null || version === undefined ? null : Number(version) };
  }

  async touchSession(sessionId: string, expiresAt: number): Promise<void> {
    await this.script<number>('psTouch', this.sessionsKey, this.sessionKey(sessionId), this.modelsKey(sessionId), sessionId, expiresAt, this.modelKeyPrefix(sessionId));
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    const r = await this.script<number>('psDeleteSession', this.sessionsKey, this.sessionKey(sessionId), this.modelsKey(sessionId), sessionId, this.modelKeyPrefix(sessionId));
    return r === 1;
  }

  async purgeExpired(now: number): Promise<number> {
    // Keys expire by TTL; only the index of live sessions needs trimming.
    try {
      return await this.redis.zremrangebyscore(this.sessionsKey, '-inf', now);
    } catch (e) {
      throw unavailable(e);
    }
  }

  async listModels(sessionId: string): Promise<ModelSummary[]> {
    try {
      const names = await this.redis.zrange(this.modelsKey(sessionId), 0, -1);
      if (names.length === 0) return [];
      const pipeline = this.redis.pipeline();
      for (const n of names) pipeline.hmget(this.modelKeyPrefix(sessionId) + n, 'version', 'parameterCount');
      const rows = (await pipeline.exec()) ?? [];
      const out: ModelSummary[] = [];
      rows.forEach(([err, value], i) => {
        const [version, count] = (value ?? []) as (string | null)[];
        if (err === null && version !== null) out.push({ name: names[i], version: Number(version), parameterCount: Number(count) });
      });
      return out;
    } catch (e) {
      throw unavailable(e);
    }
  }

  async getModel(sessionId: string, name: string): Promise<ModelRecord | null> {
    let h: Record<string, Buffer>;
    try {
      h = await this.redis.hgetallBuffer(this.modelKeyPrefix(sessionId) + name);
    } catch (e) {
      throw unavailable(e);
    }
    if (h.version === undefined) return null;
    const state = h.state;
    return {
      sessionId,
      name,
      version: Number(h.version.toString()),
      architecture: h.architecture.toString('utf8'),
      state: new Uint8Array(state.buffer, state.byteOffset, state.byteLength),
      parameterCount: Number(h.parameterCount.toString()),
    };
  }

  insertModel(m: ModelRecord, quota: InsertQuota): Promise<InsertResult> {
    return this.script<InsertResult>(
      'psInsertModel',
      this.sessionKey(m.sessionId),
      this.modelsKey(m.sessionId),
      this.modelKeyPrefix(m.sessionId) + m.name,
      m.name,
      m.version,
      m.architecture,
      m.state,
      m.parameterCount,
      m.state.byteLength,
      quota.maxModelsPerSession,
      quota.maxSessionBytes,
    );
  }

  updateModel(m: ModelRecord, expectedVersion: number, maxSessionBytes: number): Promise<UpdateResult> {
    return this.script<UpdateResult>(
      'psUpdateModel',
      this.sessionKey(m.sessionId),
      this.modelKeyPrefix(m.sessionId) + m.name,
      expectedVersion,
      m.version,
      m.architecture,
      m.state,
      m.parameterCount,
      m.state.byteLength,
      maxSessionBytes,
    );
  }

  deleteModel(sessionId: string, name: string, expectedVersion: number | null): Promise<'ok' | 'missing' | 'conflict'> {
    return this.script('psDeleteModel', this.sessionKey(sessionId), this.modelsKey(sessionId), this.modelKeyPrefix(sessionId) + name, name, expectedVersion === null ? '' : expectedVersion);
  }

  async stats(now: number): Promise<{ sessions: number; models: number; bytes: number }> {
    const [sessions, models, bytes] = await this.script<number[]>('psStats', this.sessionsKey, now, this.prefix);
    return { sessions, models, bytes };
  }

  async ping(): Promise<void> {
    try {
      await this.redis.ping();
    } catch (e) {
      throw unavailable(e);
    }
  }

  async close(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}

function unavailable(e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  return new StoreUnavailableError(`redis: ${message}`);
}
