/**
 * The one store interface. Two drivers implement it (SQLite embedded, Redis
 * for several replicas) and one contract suite runs against both. A model is
 * stored as its architecture spec (JSON) + its tensors (a safetensors file) +
 * a version that grows by one on every write and is compared-and-set, so two
 * writers never lose each other's writes.
 */

export interface SessionRecord {
  id: string;
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: Buffer;
  createdAt: number; // ms since epoch
  expiresAt: number; // ms since epoch
}

export interface ModelRecord {
  sessionId: string;
  name: string;
  version: number;
  /** The architecture spec as JSON text (ties included). */
  architecture: string;
  /** Parameters, gradients and flags as a safetensors file. */
  state: Uint8Array;
  /** Parameter elements, tied parameters counted once. */
  parameterCount: number;
}

export interface ModelSummary {
  name: string;
  version: number;
  parameterCount: number;
}

/** What one request needs to authorise and to find its model: fetched together (one round trip on Redis). */
export interface Lookup {
  session: SessionRecord | null;
  /** The model's stored version, or null when it does not exist (or none was asked for). */
  modelVersion: number | null;
}

export interface InsertQuota {
  maxModelsPerSession: number;
  maxSessionBytes: number;
}

export type InsertResult = 'ok' | 'exists' | 'no-session' | 'too-many-models' | 'too-many-bytes';
export type UpdateResult = 'ok' | 'conflict' | 'missing' | 'too-many-bytes';

export interface Store {
  readonly kind: 'sqlite' | 'redis';

  /** Creates a session unless `maxSessions` live ones exist already (atomically). */
  createSession(session: SessionRecord, maxSessions: number, now: number): Promise<boolean>;
  lookup(sessionId: string, modelName: string | null, now: number): Promise<Lookup>;
  /** Pushes the session's (and its models') expiry to `expiresAt`. */
  touchSession(sessionId: string, expiresAt: number): Promise<void>;
  /** Deletes the session and every model in it; false when it did not exist. */
  deleteSession(sessionId: string): Promise<boolean>;
  /** Deletes sessions whose expiry has passed; returns how many. */
  purgeExpired(now: number): Promise<number>;

  listModels(sessionId: string): Promise<ModelSummary[]>;
  getModel(sessionId: string, name: string): Promise<ModelRecord | null>;
  insertModel(record: ModelRecord, quota: InsertQuota): Promise<InsertResult>;
  /** Replaces the model iff its stored version is `expectedVersion` (compare-and-set). */
  updateModel(record: ModelRecord, expectedVersion: number, maxSessionBytes: number): Promise<UpdateResult>;
  /** Deletes the model (iff at `expectedVersion` when given); 'conflict' when the version moved. */
  deleteModel(sessionId: string, name: string, expectedVersion: number | null): Promise<'ok' | 'missing' | 'conflict'>;

  /** Counts for metrics: live sessions, models, stored parameter bytes. */
  stats(now: number): Promise<{ sessions: number; models: number; bytes: number }>;
  /** Throws when the store cannot be reached (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
