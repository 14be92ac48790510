import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { InsertQuota, InsertResult, Lookup, ModelRecord, ModelSummary, SessionRecord, Store, UpdateResult } from './store.js';
import { StoreUnavailableError } from '../errors.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  token_hash BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions(expires_at);
CREATE TABLE IF NOT EXISTS models (
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  architecture TEXT NOT NULL,
  state BLOB NOT NULL,
  parameter_count INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  PRIMARY KEY (session_id, name)
);
`;

interface SessionRow {
  id: string;
  token_hash: Buffer;
  created_at: number;
  expires_at: number;
}

/**
 * The embedded default: one SQLite file in WAL mode. `synchronous=NORMAL`
 * makes every committed transaction survive a crash of this process (SIGKILL
 * included); only a power loss may drop the last transactions, which is the
 * trade WAL documents.
 *
 * By default this process owns the file (`locking_mode = EXCLUSIVE`): no other
 * process can open it, so what this process remembers of it stays true and a
 * request's auth lookup is answered from memory. With `shared`, several
 * processes use one file: versions are still compared-and-set inside
 * transactions, and every lookup first asks SQLite whether another process
 * wrote since (`PRAGMA data_version`).
 */
export interface SqliteStoreOptions {
  shared?: boolean;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly q;

  private readonly shared: boolean;

  constructor(path: string, options: SqliteStoreOptions = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.shared = options.shared ?? false;
    this.db = new Database(path);
    if (!this.shared) this.db.pragma('locking_mode = EXCLUSIVE');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.q = {
      countLive: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM sessions WHERE expires_at > ?'),
      insertSession: db.prepare('INSERT INTO sessions (id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      session: db.prepare<[string], SessionRow>('SELECT id, token_hash, created_at, expires_at FROM sessions WHERE id = ?'),
      modelVersion: db.prepare<[string, string], { version: number }>('SELECT version FROM models WHERE session_id = ? AND name = ?'),
      sessionAndVersion: db.prepare<[string, string], SessionRow & { version: number | null }>(
        'SELECT s.id, s.token_hash, s.created_at, s.expires_at, m.version FROM sessions s LEFT JOIN models m ON m.session_id = s.id AND m.name = ? WHERE s.id = ?',
      ),
      dataVersion: db.prepare<[], { data_version: number }>('PRAGMA data_version'),
      touch: db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
      purge: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
      listModels: db.prepare<[string], { name: string; version: number; parameter_count: number }>(
        'SELECT name, version, parameter_count FROM models WHERE session_id = ? ORDER BY rowid',
      ),
      getModel: db.prepare<[string, string], { version: number; architecture: string; state: Buffer; parameter_count: number }>(
        'SELECT version, architecture, state, parameter_count FROM models WHERE session_id = ? AND name = ?',
      ),
      modelCount: db.prepare<[string], { n: number; bytes: number | null }>('SELECT COUNT(*) AS n, SUM(bytes) AS bytes FROM models WHERE session_id = ?'),
      insertModel: db.prepare(
        'INSERT INTO models (session_id, name, version, architecture, state, parameter_count, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      sessionBytesExcept: db.prepare<[string, string], { bytes: number | null }>(
        'SELECT SUM(bytes) AS bytes FROM models WHERE session_id = ? AND name <> ?',
      ),
      updateModel: db.prepare(
        'UPDATE models SET version = ?, architecture = ?, state = ?, parameter_count = ?, bytes = ? WHERE session_id = ? AND name = ? AND version = ?',
      ),
      deleteModel: db.prepare('DELETE FROM models WHERE session_id = ? AND name = ?'),
      stats: db.prepare<[number], { sessions: number; models: number; bytes: number | null }>(
        'SELECT (SELECT COUNT(*) FROM sessions WHERE expires_at > ?) AS sessions, (SELECT COUNT(*) FROM models) AS models, (SELECT SUM(bytes) FROM models) AS bytes',
      ),
    };
  }

  /**
   * Lookups remembered until the database changes: our own writes clear it,
   * and (when shared) `PRAGMA data_version` moves when another process
   * commits. Every request does a lookup; most change nothing.
   */
  private readonly lookups = new Map<string, Lookup>();
  private lookupsAt = -1;

  private run<T>(fn: () => T, writes = true): Promise<T> {
    if (writes) this.lookups.clear();
    try {
      return Promise.resolve(fn());
    } catch (e) {
      if (e instanceof Database.SqliteError && (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_IOERR' || e.code.startsWith('SQLITE_CANTOPEN')))
        return Promise.reject(new StoreUnavailableError(`sqlite: ${e.message}`));
      return Promise.reject(e);
    }
  }

  createSession(s: SessionRecord, maxSessions: number, now: number): Promise<boolean> {
    return this.run(() =>
      this.db.transaction(() => {
        if (this.q.countLive.get(now)!.n >= maxSessions) return false;
        this.q.insertSession.run(s.id, s.tokenHash, s.createdAt, s.expiresAt);
        return true;
      }).immediate(),
    );
  }

  lookup(sessionId: string, modelName: string | null, _now: number): Promise<Lookup> {
    return this.run(() => {
      if (this.shared) {
        const dataVersion = this.q.dataVersion.get()!.data_version;
        if (dataVersion !== this.lookupsAt) {
          this.lookups.clear();
          this.lookupsAt = dataVersion;
        }
      }
      const key = modelName === null ? sessionId : `${sessionId}\u0000${modelName}`;
      const known = this.lookups.get(key);
      if (known !== undefined) return { session: known.session === null ? null : { ...known.session }, modelVersion: known.modelVersion };
      let found: Lookup;
      if (modelName === null) {
        const row = this.q.session.get(sessionId);
        found = { session: row === undefined ? null : toSession(row), modelVersion: null };
      } else {
        const row = this.q.sessionAndVersion.get(modelName, sessionId);
        found = { session: row === undefined ? null : toSession(row), modelVersion: row?.version ?? null };
      }
      if (this.lookups.size >= 10_000) this.lookups.clear();
      this.lookups.set(key, found);
      return { session: found.session === null ? null : { ...found.session }, modelVersion: found.modelVersion };
    }, false);
  }

  touchSession(sessionId: string, expiresAt: number): Promise<void> {
    return this.run(() => {
      this.q.touch.run(expiresAt, sessionId);
    });
  }

  deleteSession(sessionId: string): Promise<boolean> {
    return this.run(() => this.q.deleteSession.run(sessionId).changes > 0);
  }

  purgeExpired(now: number): Promise<number> {
    return this.run(() => this.q.purge.run(now).changes);
  }

  listModels(sessionId: string): Promise<ModelSummary[]> {
    return this.run(() =>
      this.q.listModels.all(sessionId).map((r) => ({ name: r.name, version: r.version, parameterCount: r.parameter_count })),
      false,
    );
  }

  getModel(sessionId: string, name: string): Promise<ModelRecord | null> {
    return this.run(() => {
      const r = this.q.getModel.get(sessionId, name);
      if (r === undefined) return null;
      return {
        sessionId,
        name,
        version: r.version,
        architecture: r.architecture,
        state: new Uint8Array(r.state.buffer, r.state.byteOffset, r.state.byteLength),
        parameterCount: r.parameter_count,
      };
    }, false);
  }

  insertModel(m: ModelRecord, quota: InsertQuota): Promise<InsertResult> {
    return this.run(() =>
      this.db.transaction((): InsertResult => {
        if (this.q.session.get(m.sessionId) === undefined) return 'no-session';
        if (this.q.modelVersion.get(m.sessionId, m.name) !== undefined) return 'exists';
        const { n, bytes } = this.q.modelCount.get(m.sessionId)!;
        if (n >= quota.maxModelsPerSession) return 'too-many-models';
        if ((bytes ?? 0) + m.state.byteLength > quota.maxSessionBytes) return 'too-many-bytes';
        this.q.insertModel.run(m.sessionId, m.name, m.version, m.architecture, m.state, m.parameterCount, m.state.byteLength);
        return 'ok';
      }).immediate(),
    );
  }

  updateModel(m: ModelRecord, expectedVersion: number, maxSessionBytes: number): Promise<UpdateResult> {
    return this.run(() =>
      this.db.transaction((): UpdateResult => {
        const current = this.q.modelVersion.get(m.sessionId, m.name);
        if (current === undefined) return 'missing';
        if (current.version !== expectedVersion) return 'conflict';
        const others = this.q.sessionBytesExcept.get(m.sessionId, m.name)!.bytes ?? 0;
        if (others + m.state.byteLength > maxSessionBytes) return 'too-many-bytes';
        this.q.updateModel.run(m.version, m.architecture, m.state, m.parameterCount, m.state.byteLength, m.sessionId, m.name, expectedVersion);
        return 'ok';
      }).immediate(),
    );
  }

  deleteModel(sessionId: string, name: string, expectedVersion: number | null): Promise<'ok' | 'missing' | 'conflict'> {
    return this.run(() =>
      this.db.transaction(() => {
        const current = this.q.modelVersion.get(sessionId, name);
        if (current === undefined) return 'missing' as const;
        if (expectedVersion !== null && current.version !== expectedVersion) return 'conflict' as const;
        this.q.deleteModel.run(sessionId, name);
        return 'ok' as const;
      }).immediate(),
    );
  }

  stats(now: number): Promise<{ sessions: number; models: number; bytes: number }> {
    return this.run(() => {
      const r = this.q.stats.get(now)!;
      return { sessions: r.sessions, models: r.models, bytes: r.bytes ?? 0 };
    }, false);
  }

  ping(): Promise<void> {
    return this.run(() => {
      this.db.prepare('SELECT 1').get();
    }, false);
  }

  close(): Promise<void> {
    return this.run(() => {
      if (this.db.open) this.db.close();
    });
  }
}

function toSession(r: SessionRow): SessionRecord {
  return { id: r.id, tokenHash: r.token_hash, createdAt: r.created_at, expiresAt: r.expires_at };
}
