import type { TrainPlan } from './train-plan.js';
import type { LoopEvent } from './train-events.js';
import type { Snapshot } from './training-loop.js';
import type { RunOutcome } from './run-driver.js';

/** Everything a run needs, as plain data (it crosses to a worker thread): the model as stored, the plan. */
export interface TrainJob {
  model: { architecture: string; state: Uint8Array };
  plan: TrainPlan;
  checkpointEvery: number;
}

/** What an executor reports, in order: ready (after the first step) or failed; events and checkpoints; then finished or failed. */
export interface RunListener {
  ready(): void;
  event(event: LoopEvent): void;
  checkpoint(snapshot: Snapshot): void;
  finished(outcome: RunOutcome): void;
  failed(error: Error): void;
}

export interface ExecutorRun {
  /** Stop after the current step; `finished` then reports 'cancelled' with that step's state. */
  cancel(): void;
  /** The consumer took one event: the run may get one event further ahead. */
  consumed(): void;
}

/** Where runs execute: a thread each, or the event loop when the service has no compute workers. */
export interface TrainingExecutor {
  start(job: TrainJob, listener: RunListener): ExecutorRun;
  close(): Promise<void>;
}

/**
 * How many events a run may get ahead of its consumer before it waits: a
 * client that reads slowly slows its own run down instead of piling events
 * up in memory.
 */
export const EVENT_WINDOW = 64;
