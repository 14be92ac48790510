// The service core's public surface, for the transports and main.
export { ParamService, openStore } from './paramserve.js';
export { loadConfig, ConfigError, type Config, type Limits } from './config.js';
export { systemClock, type Clock } from './clock.js';
export { bearerToken } from './sessions/credentials.js';
export { Metrics } from './observability/metrics.js';
export type { Caller, WriteOptions } from './usecases/context.js';
export type { ModelView, ParameterView, ParameterInfo, TensorView } from './usecases/views.js';
export type { Store } from './store/store.js';
export { SqliteStore } from './store/sqlite-store.js';
export { RedisStore } from './store/redis-store.js';
export * from './errors.js';
export { collectTrainSummary } from './usecases/train-usecase.js';
export type { TrainRunHandle } from './training/train-run.js';
export type { TrainEvent, StepEvent, EpochEvent, DoneEvent, TrainSummary, RunStatusView, ParameterStats, TensorStats, JsonFloat } from './training/train-events.js';
