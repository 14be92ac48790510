/**
 * What a training run reports, in the JSON shapes both transports send (REST
 * as Server-Sent Events or one summary, gRPC as a server stream). Numbers that
 * may be non-finite (a diverging loss, the std of one element) travel as the
 * strings "NaN", "Infinity", "-Infinity", as tensors do.
 */

export type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity';

export function jsonFloat(v: number): JsonFloat {
  if (Number.isFinite(v)) return v;
  if (Number.isNaN(v)) return 'NaN';
  return v > 0 ? 'Infinity' : '-Infinity';
}

/** torch's `t.norm()`, `t.mean()`, `t.std()` (unbiased), `t.min()`, `t.max()` of one tensor. */
export interface TensorStats {
  norm: JsonFloat;
  mean: JsonFloat;
  std: JsonFloat;
  min: JsonFloat;
  max: JsonFloat;
}

/** One parameter (tied ones once, under their first name) at an observed step. */
export interface ParameterStats {
  name: string;
  requiresGrad: boolean;
  /** The value after this step's update. */
  value: TensorStats;
  /** This step's gradient (a shared layer's is the sum over its uses); null for a frozen parameter. */
  grad: TensorStats | null;
}

/** After an optimizer step: sent every `observe.every` steps (every step without `observe`). */
export interface StepEvent {
  /** Optimizer steps done so far in this run (1, 2, ...). */
  step: number;
  /** The epoch this step belongs to (1-based). */
  epoch: number;
  /** The batch within the epoch (1-based). */
  batch: number;
  /** The batch's loss, computed before the update (what `loss.item()` gives in the loop). */
  loss: JsonFloat;
  /** With `observe`: statistics of every parameter's value and gradient. */
  parameters?: ParameterStats[];
}

/** After the last batch of an epoch. */
export interface EpochEvent {
  epoch: number;
  steps: number;
  /** The epoch's batch losses averaged with the batch sizes as weights (the mean over its samples). */
  loss: JsonFloat;
}

/** The run completed and its final state is stored. */
export interface DoneEvent {
  status: 'completed';
  runId: string;
  steps: number;
  /** Epochs completed (fewer than asked when maxSteps ended the run early). */
  epochs: number;
  /** The last step's loss. */
  loss: JsonFloat;
  /** The model version that holds the trained parameters. */
  version: number;
}

export type TrainEvent = { type: 'step'; data: StepEvent } | { type: 'epoch'; data: EpochEvent } | { type: 'done'; data: DoneEvent };

/** A run's progress as the training loop reports it (the done event is the service's, after the final write). */
export type LoopEvent = Exclude<TrainEvent, { type: 'done' }>;

/** The reply of a run without streaming: the done event, the epoch losses and every step event. */
export interface TrainSummary extends DoneEvent {
  epochLosses: JsonFloat[];
  history: StepEvent[];
}

/** What `GET {m}/train` shows of the latest run of a model on this server. */
export interface RunStatusView {
  runId: string;
  status: 'running' | 'completed' | 'cancelled' | 'failed';
  /** Optimizer steps done (and, once the run ended, stored: the model holds exactly these). */
  steps: number;
  totalSteps: number;
  epochs: number;
  loss: JsonFloat | null;
  /** The latest model version the run wrote (its start version before the first checkpoint). */
  version: number;
  startedAt: string;
  finishedAt: string | null;
  error: { code: string; detail: string } | null;
}
