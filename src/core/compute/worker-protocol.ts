import type { ErrorCategory, ErrorDetails } from '../../errors/index.js';
import type { TrainJob } from '../training/executor.js';
import type { LoopEvent } from '../training/train-events.js';
import type { Snapshot } from '../training/training-loop.js';
import type { RunOutcome } from '../training/run-driver.js';

/** Messages between the event loop and a compute worker (structured-cloned; big arrays transferred). */

export interface WireTensor {
  shape: number[];
  data: Float32Array;
}

export interface WireModel {
  key: string;
  version: number;
  /** Present when the worker does not hold this version yet. */
  architecture?: string;
  state?: Uint8Array;
}

export type JobRequest =
  | { id: number; kind: 'forward'; model: WireModel; input: WireTensor; seed?: number }
  | {
      id: number;
      kind: 'backward';
      model: WireModel;
      input: WireTensor;
      seed?: number;
      loss?: { name: string; target: WireTensor | null };
      gradOutput?: WireTensor;
    };

export interface WireError {
  app: boolean;
  category: ErrorCategory;
  code: string;
  message: string;
  details: ErrorDetails;
  stack?: string;
}

export type JobResponse =
  | { id: number; ok: true; kind: 'forward'; output: WireTensor; gradFn: string | null; repr: string }
  | { id: number; ok: true; kind: 'backward'; loss: number | null; grads: [string, Float32Array][] }
  | { id: number; ok: false; error: WireError };

/**
 * A training run on a thread of its own. The job goes over once; progress
 * comes back as messages, in this order: ready (or failed), events and
 * checkpoints, then finished or failed. Cancellation and the consumer's pace
 * travel the other way through two shared words, so the run needs no message
 * loop of its own between steps.
 */
export interface TrainStart {
  job: TrainJob;
  /** Int32 words, indexed by CONTROL. */
  control: SharedArrayBuffer;
}

export const CONTROL = {
  /** Set to 1 to stop the run after its current step. */
  CANCEL: 0,
  /** Events the consumer has taken so far (the run waits while it is EVENT_WINDOW ahead). */
  TAKEN: 1,
} as const;

export type TrainMessage =
  | { kind: 'ready' }
  | { kind: 'event'; event: LoopEvent }
  | { kind: 'checkpoint'; snapshot: Snapshot }
  | { kind: 'finished'; outcome: RunOutcome }
  | { kind: 'failed'; error: WireError };
