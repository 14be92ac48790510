import { cpus } from 'node:os';

/**
 * Every setting of the service, read from the environment once at start-up.
 * Every variable has a default, so the service starts with zero configuration
 * (SQLite under ./data). The README's configuration table lists these.
 */
export interface Limits {
  /** Bytes in one request body (REST) or message (gRPC). */
  maxBodyBytes: number;
  /** Elements in one tensor of a request (input, value, state-dict entry). */
  maxTensorElements: number;
  /** Dimensions of one tensor of a request. */
  maxTensorDims: number;
  /** Parameter elements of one model (tied parameters counted once). */
  maxModelParameters: number;
  /** Nesting depth of an architecture. */
  maxModelDepth: number;
  /** Module paths of one model (a tied subtree counts at each of its positions). */
  maxModelModules: number;
  /** Models in one session. */
  maxModelsPerSession: number;
  /** Live sessions in the store. */
  maxSessions: number;
  /** Stored bytes (parameters + gradients) of all models of one session. */
  maxSessionBytes: number;
  /** Training runs going at once in one session (429 beyond). */
  maxRunsPerSession: number;
  /** Training runs going at once in this process (429 beyond): each has a thread of its own. */
  maxRuns: number;
  /** Optimizer steps of one training run (epochs x batches, or maxSteps) (422 beyond). */
  maxTrainSteps: number;
}

export interface Config {
  host: string;
  port: number;
  grpcPort: number;
  store: 'sqlite' | 'redis';
  sqlitePath: string;
  /** Several processes share the SQLite file (else this process locks it for itself). */
  sqliteShared: boolean;
  redisUrl: string;
  redisPrefix: string;
  sessionTtlSeconds: number;
  limits: Limits;
  /** Bytes of stored model state this process keeps decoded in memory (least recently used go first). */
  modelCacheBytes: number;
  /** Worker threads for heavy forward/backward/training jobs; 0 runs everything on the event loop. */
  computeWorkers: number;
  /**
   * Threads per compute or training worker for one large matrix product (the
   * worker and gemmThreads-1 helpers); 0 keeps the TypeScript kernel everywhere.
   */
  gemmThreads: number;
  /** Jobs estimated under this many floating-point operations run inline on the event loop. */
  inlineComputeFlops: number;
  /** A training run writes the model to the store every this many steps (and at its end); 0: only at its end. */
  trainCheckpointSteps: number;
  /** The nice value of training threads (Linux), so request handling wins the CPU over training; 0 leaves them at the process's. */
  trainThreadNice: number;
  logLevel: string;
  /** How long a SIGTERM waits for in-flight requests before closing anyway. */
  shutdownGraceMs: number;
  /** gRPC health pings the store this often and reports NOT_SERVING while it is unreachable; 0: never. */
  grpcHealthProbeMs: number;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isSafeInteger(v) || v < min) throw new ConfigError(`${name} must be an integer >= ${min}, got '${raw}'`);
  return v;
}

/** A nice value a thread may lower itself to without privileges: 0 (unchanged) to 19 (lowest priority). */
function niceValue(env: Env, name: string, fallback: number): number {
  const v = int(env, name, fallback);
  if (v > 19) throw new ConfigError(`${name} must be an integer from 0 to 19, got '${env[name]}'`);
  return v;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got '${raw}'`);
}

function str(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

export function loadConfig(env: Env = process.env): Config {
  const store = str(env, 'PARAMSERVE_STORE', 'sqlite');
  if (store !== 'sqlite' && store !== 'redis') throw new ConfigError(`PARAMSERVE_STORE must be sqlite or redis, got '${store}'`);
  return {
    host: str(env, 'HOST', '127.0.0.1'),
    port: int(env, 'PORT', 8080),
    grpcPort: int(env, 'GRPC_PORT', 50051),
    store,
    sqlitePath: str(env, 'SQLITE_PATH', './data/paramserve.db'),
    sqliteShared: bool(env, 'SQLITE_SHARED', false),
    redisUrl: str(env, 'REDIS_URL', 'redis://127.0.0.1:6379'),
    redisPrefix: str(env, 'REDIS_PREFIX', 'paramserve:'),
    sessionTtlSeconds: int(env, 'SESSION_TTL_SECONDS', 3600, 1),
    limits: {
      maxBodyBytes: int(env, 'MAX_BODY_BYTES', 16 * 1024 * 1024, 1024),
      maxTensorElements: int(env, 'MAX_TENSOR_ELEMENTS', 4 * 1024 * 1024, 1),
      maxTensorDims: int(env, 'MAX_TENSOR_DIMS', 8, 1),
      maxModelParameters: int(env, 'MAX_MODEL_PARAMETERS', 16 * 1024 * 1024, 1),
      maxModelDepth: int(env, 'MAX_MODEL_DEPTH', 32, 1),
      maxModelModules: int(env, 'MAX_MODEL_MODULES', 4096, 1),
      maxModelsPerSession: int(env, 'MAX_MODELS_PER_SESSION', 64, 1),
      maxSessions: int(env, 'MAX_SESSIONS', 1024, 1),
      maxSessionBytes: int(env, 'MAX_SESSION_BYTES', 512 * 1024 * 1024, 1024),
      maxRunsPerSession: int(env, 'MAX_RUNS_PER_SESSION', 2, 1),
      // One run per core the event loop does not need, so training never starves the requests of other sessions.
      maxRuns: int(env, 'MAX_RUNS', Math.max(1, cpus().length - 1), 1),
      maxTrainSteps: int(env, 'MAX_TRAIN_STEPS', 100_000, 1),
    },
    modelCacheBytes: int(env, 'MODEL_CACHE_BYTES', 1024 * 1024 * 1024),
    computeWorkers: int(env, 'COMPUTE_WORKERS', Math.max(1, cpus().length - 1)),
    inlineComputeFlops: int(env, 'INLINE_COMPUTE_FLOPS', 2_000_000),
    gemmThreads: int(env, 'GEMM_THREADS', Math.max(1, Math.floor(cpus().length / Math.max(1, int(env, 'COMPUTE_WORKERS', Math.max(1, cpus().length - 1)))))),
    trainCheckpointSteps: int(env, 'TRAIN_CHECKPOINT_STEPS', 100),
    trainThreadNice: niceValue(env, 'TRAIN_THREAD_NICE', 10),
    logLevel: str(env, 'LOG_LEVEL', 'info'),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10_000),
    grpcHealthProbeMs: int(env, 'GRPC_HEALTH_PROBE_MS', 5_000),
  };
}
