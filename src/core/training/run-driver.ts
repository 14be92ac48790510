import type { LoopEvent } from './train-events.js';
import type { Snapshot, TrainingLoop } from './training-loop.js';

/** How a run talks to whoever hosts it (a worker thread, or the event loop when there are no workers). */
export interface RunHooks {
  /** Polled between steps: a cancelled run stops after the step it is in. */
  cancelled(): boolean;
  /** The first step succeeded: the request was good, the run is on. */
  ready(): void;
  event(event: LoopEvent): void;
  checkpoint(snapshot: Snapshot): void;
  /** Called after every step: where the host yields, or waits while the consumer is too far behind. */
  pace(): void | Promise<void>;
}

export interface RunOutcome {
  reason: 'completed' | 'cancelled';
  /** The state after the last completed step. */
  snapshot: Snapshot;
}

/**
 * Steps the loop to its end or until cancelled, reporting events and a
 * checkpoint every `checkpointEvery` steps (none after the last step: the
 * outcome's snapshot is the final state). An exception from the first step is
 * a bad request (reported before `ready`); later ones end the run.
 */
export async function driveRun(loop: TrainingLoop, checkpointEvery: number, hooks: RunHooks): Promise<RunOutcome> {
  while (!loop.finished) {
    if (loop.steps > 0 && hooks.cancelled()) return { reason: 'cancelled', snapshot: loop.snapshot() };
    const events = loop.step();
    if (loop.steps === 1) hooks.ready();
    for (const e of events) hooks.event(e);
    if (checkpointEvery > 0 && loop.steps % checkpointEvery === 0 && !loop.finished) hooks.checkpoint(loop.snapshot());
    await hooks.pace();
  }
  return { reason: 'completed', snapshot: loop.snapshot() };
}
