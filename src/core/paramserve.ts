import type { Config } from './config.js';
import { systemClock, type Clock } from './clock.js';
import type { Store } from './store/store.js';
import { SqliteStore } from './store/sqlite-store.js';
import { RedisStore } from './store/redis-store.js';
import { SessionService } from './sessions/session-service.js';
import { ModelRepository } from './models/model-repository.js';
import { ComputeRunner } from './compute/compute-runner.js';
import { useFastKernels } from './compute/kernels.js';
import type { FastKernelStatus } from '../engine/index.js';
import type { Caller, CoreContext, WriteOptions } from './usecases/context.js';
import * as sessions from './usecases/session-usecases.js';
import * as models from './usecases/model-usecases.js';
import * as parameters from './usecases/parameter-usecases.js';
import * as stateDicts from './usecases/state-dict-usecases.js';
import * as compute from './usecases/compute-usecases.js';
import { tie } from './usecases/tie-usecase.js';
import { initialize } from './usecases/initialize-usecase.js';
import * as training from './usecases/train-usecase.js';
import { TrainingRuns } from './training/training-runs.js';

export function openStore(config: Config): Store {
  return config.store === 'redis' ? new RedisStore(config.redisUrl, config.redisPrefix) : new SqliteStore(config.sqlitePath, { shared: config.sqliteShared });
}

/**
 * The service core: every capability once, as one method each. REST and gRPC
 * are thin adapters over this object; neither holds logic of its own.
 */
export class ParamService {
  readonly ctx: CoreContext;
  /** The matrix kernel the event loop computes with (one thread: it must never block on helpers). */
  readonly kernels: FastKernelStatus | null;
  private readonly runs: TrainingRuns;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    readonly config: Config,
    readonly store: Store,
    clock: Clock = systemClock,
  ) {
    this.kernels = useFastKernels(config.gemmThreads > 0 ? 1 : 0);
    this.ctx = {
      sessions: new SessionService(store, clock, config.sessionTtlSeconds * 1000, config.limits.maxSessions),
      models: new ModelRepository(store, config.limits, config.modelCacheBytes),
      compute: new ComputeRunner(config.computeWorkers, config.inlineComputeFlops, { gemmThreads: config.gemmThreads }),
      limits: config.limits,
      clock,
    };
    this.runs = new TrainingRuns(config.limits, config);
  }

  /** Deletes expired sessions now and then (Redis expires keys by itself; this trims its index). */
  startSweeper(everyMs = 60_000): void {
    this.sweeper = setInterval(() => void this.ctx.sessions.purgeExpired().catch(() => undefined), everyMs);
    this.sweeper.unref();
  }

  async ready(): Promise<void> {
    await this.store.ping();
  }

  async close(): Promise<void> {
    if (this.sweeper !== null) clearInterval(this.sweeper);
    await this.runs.close();
    await this.ctx.compute.close();
    await this.store.close();
  }

  createSession = () => sessions.createSession(this.ctx);
  getSession = (c: Caller) => sessions.getSession(this.ctx, c);
  deleteSession = (c: Caller) => sessions.deleteSession(this.ctx, c);

  listModels = (c: Caller) => models.listModels(this.ctx, c);
  createModel = (c: Caller, body: unknown) => models.createModel(this.ctx, c, body);
  getModel = (c: Caller, name: string) => models.getModel(this.ctx, c, name);
  deleteModel = (c: Caller, name: string, o: WriteOptions) => models.deleteModel(this.ctx, c, name, o);
  setTrainingMode = (c: Caller, name: string, body: unknown, o: WriteOptions) => models.setTrainingMode(this.ctx, c, name, body, o);

  listParameters = (c: Caller, name: string, module?: string) => parameters.listParameters(this.ctx, c, name, module);
  getParameter = (c: Caller, name: string, path: string) => parameters.getParameter(this.ctx, c, name, path);
  putParameter = (c: Caller, name: string, path: string, body: unknown, o: WriteOptions) => parameters.putParameter(this.ctx, c, name, path, body, o);
  patchParameter = (c: Caller, name: string, path: string, body: unknown, o: WriteOptions) => parameters.patchParameter(this.ctx, c, name, path, body, o);

  getStateDict = (c: Caller, name: string, module?: string) => stateDicts.getStateDict(this.ctx, c, name, module);
  getStateDictSafetensors = (c: Caller, name: string, module?: string) => stateDicts.getStateDictSafetensors(this.ctx, c, name, module);
  putStateDict = (c: Caller, name: string, body: unknown, module: string, o: WriteOptions) => stateDicts.putStateDict(this.ctx, c, name, body, module, o);
  putStateDictSafetensors = (c: Caller, name: string, bytes: Uint8Array, strict: boolean, module: string, o: WriteOptions) =>
    stateDicts.putStateDictSafetensors(this.ctx, c, name, bytes, strict, module, o);

  initialize = (c: Caller, name: string, body: unknown, o: WriteOptions) => initialize(this.ctx, c, name, body, o);
  tie = (c: Caller, name: string, body: unknown, o: WriteOptions) => tie(this.ctx, c, name, body, o);

  forward = (c: Caller, name: string, body: unknown) => compute.forward(this.ctx, c, name, body);
  backward = (c: Caller, name: string, body: unknown, o: WriteOptions) => compute.backward(this.ctx, c, name, body, o);
  zeroGrad = (c: Caller, name: string, body: unknown, o: WriteOptions) => compute.zeroGrad(this.ctx, c, name, body, o);

  train = (c: Caller, name: string, body: unknown, o: WriteOptions) => training.startTraining(this.ctx, this.runs, c, name, body, o);
  trainingStatus = (c: Caller, name: string) => training.trainingStatus(this.ctx, this.runs, c, name);
  /** Stops every training run (each stores the step it reached; streams end with SHUTTING_DOWN): call before closing transports. */
  stopTraining = () => this.runs.close();
}
