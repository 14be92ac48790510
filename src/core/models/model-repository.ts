import type { ModelSummary, Store } from '../store/store.js';
import type { Limits } from '../config.js';
import { KeyedMutex } from './keyed-mutex.js';
import { LiveModel } from './live-model.js';
import { decodeModel, encodeModel } from './model-codec.js';
import { ModelBusyError, ModelExistsError, ModelNotFoundError, QuotaExceededError, SessionNotFoundError, VersionMismatchError, WriteConflictError } from '../errors.js';

/** How often a write retries when another writer (another replica) moved the version meanwhile. */
const MAX_WRITE_ATTEMPTS = 64;

/** An `If-Match` precondition: the version the client last saw, as sent (for the message). */
export interface VersionPrecondition {
  raw: string;
  /** Versions that satisfy it; null means any (`*`). */
  versions: number[] | null;
}

/** A training run's claim on a model: while it holds one, only writes that present it pass (see `lease`). */
export interface ModelLease {
  readonly key: string;
}

function satisfies(pre: VersionPrecondition | undefined, version: number): boolean {
  return pre === undefined || pre.versions === null || pre.versions.includes(version);
}

/**
 * Live models of this process, keyed by (session, name) and by version: a
 * request first learns the stored version (in its auth round trip), and the
 * cached instance is used only if it reflects that version, else the model is
 * reloaded, so a write made by another replica is seen at once.
 *
 * Writes to one model are serialised here and committed by compare-and-set;
 * a change is made on the live instance and, if anything fails before the
 * commit (a bad argument half-way, a lost race), the instance is dropped and
 * the next use reloads the stored state: a failed request leaves no trace.
 */
export class ModelRepository {
  private readonly cache = new Map<string, LiveModel>();
  private cachedBytes = 0;
  private readonly writes = new KeyedMutex();
  private readonly leases = new Map<string, ModelLease>();

  constructor(
    private readonly store: Store,
    private readonly limits: Limits,
    private readonly cacheBytes: number,
  ) {}

  private static key(sessionId: string, name: string): string {
    return `${sessionId}\u0000${name}`;
  }

  /** The model at (at least) `knownVersion`, waiting for writes in flight so a client reads its own writes. */
  async read(sessionId: string, name: string, knownVersion: number | null): Promise<LiveModel> {
    const key = ModelRepository.key(sessionId, name);
    if (this.writes.isBusy(key)) {
      await this.writes.idle(key);
      knownVersion = null;
    }
    return this.load(sessionId, name, knownVersion);
  }

  private async load(sessionId: string, name: string, knownVersion: number | null): Promise<LiveModel> {
    const key = ModelRepository.key(sessionId, name);
    const cached = this.cache.get(key);
    if (cached !== undefined && knownVersion !== null && cached.version === knownVersion) {
      // refresh LRU position
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const record = await this.store.getModel(sessionId, name);
    if (record === null) {
      this.evict(key);
      throw new ModelNotFoundError(name);
    }
    if (cached !== undefined && cached.version === record.version) return cached;
    const model = decodeModel(record);
    this.remember(key, model, record.state.byteLength);
    return model;
  }

  async create(model: LiveModel): Promise<LiveModel> {
    const record = encodeModel(model, model.version);
    const result = await this.store.insertModel(record, {
      maxModelsPerSession: this.limits.maxModelsPerSession,
      maxSessionBytes: this.limits.maxSessionBytes,
    });
    switch (result) {
      case 'ok':
        this.remember(ModelRepository.key(model.sessionId, model.name), model, record.state.byteLength);
        return model;
      case 'exists':
        throw new ModelExistsError(model.name);
      case 'no-session':
        throw new SessionNotFoundError();
      case 'too-many-models':
        throw new QuotaExceededError('maxModelsPerSession', this.limits.maxModelsPerSession, `at most ${this.limits.maxModelsPerSession} models per session`);
      case 'too-many-bytes':
        throw new QuotaExceededError('maxSessionBytes', this.limits.maxSessionBytes, `the session's models would take more than ${this.limits.maxSessionBytes} bytes`);
    }
  }

  /**
   * Runs `change` on the current model and commits the result as version + 1.
   * `change` must be synchronous and deterministic given the model, because a
   * lost compare-and-set re-runs it on the newer state.
   */
  async write<T>(
    sessionId: string,
    name: string,
    knownVersion: number | null,
    precondition: VersionPrecondition | undefined,
    change: (model: LiveModel) => T | Promise<T>,
    lease?: ModelLease,
  ): Promise<{ model: LiveModel; result: T }> {
    const key = ModelRepository.key(sessionId, name);
    this.checkLease(key, name, lease); // fail fast, without queueing behind a checkpoint
    return this.writes.run(key, async () => {
      this.checkLease(key, name, lease);
      let version = knownVersion;
      for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
        const model = await this.load(sessionId, name, version);
        if (!satisfies(precondition, model.version)) throw new VersionMismatchError(precondition!.raw, model.version);
        let result: T;
        let record;
        try {
          result = await change(model);
          record = encodeModel(model, model.version + 1);
        } catch (e) {
          this.evict(key);
          throw e;
        }
        const outcome = await this.store.updateModel(record, model.version, this.limits.maxSessionBytes).catch((e: unknown) => {
          this.evict(key);
          throw e;
        });
        if (outcome === 'ok') {
          model.version += 1;
          this.remember(key, model, record.state.byteLength);
          return { model, result };
        }
        this.evict(key);
        if (outcome === 'missing') throw new ModelNotFoundError(name);
        if (outcome === 'too-many-bytes')
          throw new QuotaExceededError('maxSessionBytes', this.limits.maxSessionBytes, `the session's models would take more than ${this.limits.maxSessionBytes} bytes`);
        version = null; // conflict: another writer got there first; reload and re-apply
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
      }
      throw new WriteConflictError(name, MAX_WRITE_ATTEMPTS);
    });
  }

  async delete(sessionId: string, name: string, precondition: VersionPrecondition | undefined): Promise<void> {
    const key = ModelRepository.key(sessionId, name);
    this.checkLease(key, name, undefined);
    await this.writes.run(key, async () => {
      this.checkLease(key, name, undefined);
      let expected: number | null = null;
      if (precondition !== undefined && precondition.versions !== null) {
        const model = await this.load(sessionId, name, null);
        if (!satisfies(precondition, model.version)) throw new VersionMismatchError(precondition.raw, model.version);
        expected = model.version;
      }
      const outcome = await this.store.deleteModel(sessionId, name, expected);
      this.evict(key);
      if (outcome === 'missing') throw new ModelNotFoundError(name);
      if (outcome === 'conflict') {
        const current = await this.store.getModel(sessionId, name);
        throw new VersionMismatchError(precondition!.raw, current?.version ?? -1);
      }
    });
  }

  /**
   * Claims the model for a training run and returns it as it is now. Until `release`, every other write and
   * delete of it in this process fails at once with MODEL_BUSY (409), while reads go on; the run commits its
   * checkpoints through `write` with the lease. Taken inside the model's write queue, so a write queued
   * before the claim either finished already or fails.
   */
  async lease(sessionId: string, name: string, knownVersion: number | null, precondition: VersionPrecondition | undefined): Promise<{ lease: ModelLease; model: LiveModel }> {
    const key = ModelRepository.key(sessionId, name);
    this.checkLease(key, name, undefined);
    return this.writes.run(key, async () => {
      this.checkLease(key, name, undefined);
      const model = await this.load(sessionId, name, knownVersion);
      if (!satisfies(precondition, model.version)) throw new VersionMismatchError(precondition!.raw, model.version);
      const lease: ModelLease = { key };
      this.leases.set(key, lease);
      return { lease, model };
    });
  }

  release(lease: ModelLease): void {
    if (this.leases.get(lease.key) === lease) this.leases.delete(lease.key);
  }

  private checkLease(key: string, name: string, presented: ModelLease | undefined): void {
    const held = this.leases.get(key);
    if (held !== undefined && held !== presented) throw new ModelBusyError(name);
  }

  list(sessionId: string): Promise<ModelSummary[]> {
    return this.store.listModels(sessionId);
  }

  /** Forgets every cached model of a session (after the session was deleted). */
  forgetSession(sessionId: string): void {
    for (const key of [...this.cache.keys()]) if (key.startsWith(`${sessionId}\u0000`)) this.evict(key);
  }

  private remember(key: string, model: LiveModel, bytes: number): void {
    this.evict(key);
    this.cache.set(key, model);
    this.cachedBytes += bytes;
    sizes.set(model, bytes);
    // Least recently used first: Map iteration order is insertion order.
    for (const k of this.cache.keys()) {
      if (this.cachedBytes <= this.cacheBytes || k === key) break;
      this.evict(k);
    }
  }

  private evict(key: string): void {
    const m = this.cache.get(key);
    if (m === undefined) return;
    this.cache.delete(key);
    this.cachedBytes -= sizes.get(m) ?? 0;
  }
}

const sizes = new WeakMap<LiveModel, number>();
