import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { decodeModel } from '../models/model-codec.js';
import { driveRun } from './run-driver.js';
import { TrainingLoop } from './training-loop.js';
import { EVENT_WINDOW, type ExecutorRun, type RunListener, type TrainingExecutor, type TrainJob } from './executor.js';

/**
 * Runs on the event loop, yielding after every step: what COMPUTE_WORKERS=0
 * asks for (one thread for everything). Each step still blocks the loop
 * while it computes, so this is for small models and tests; the default is
 * a thread per run (TrainingThreads).
 */
export class InlineExecutor implements TrainingExecutor {
  start(job: TrainJob, listener: RunListener): ExecutorRun {
    let cancelled = false;
    let sent = 0;
    let taken = 0;
    let wake: (() => void) | null = null;
    const resume = () => {
      const w = wake;
      wake = null;
      w?.();
    };
    void (async () => {
      await yieldToLoop(); // report asynchronously, as a thread would
      try {
        const root = decodeModel({ sessionId: '', name: '', version: 0, parameterCount: 0, ...job.model }).root;
        const loop = new TrainingLoop(root, job.plan);
        const outcome = await driveRun(loop, job.checkpointEvery, {
          cancelled: () => cancelled,
          ready: () => listener.ready(),
          event: (e) => {
            sent += 1;
            listener.event(e);
          },
          checkpoint: (s) => listener.checkpoint(s),
          pace: async () => {
            await yieldToLoop();
            while (sent - taken > EVENT_WINDOW && !cancelled) await new Promise<void>((r) => (wake = r));
          },
        });
        listener.finished(outcome);
      } catch (e) {
        listener.failed(e as Error);
      }
    })();
    return {
      cancel: () => {
        cancelled = true;
        resume();
      },
      consumed: () => {
        taken += 1;
        if (sent - taken <= EVENT_WINDOW) resume();
      },
    };
  }

  async close(): Promise<void> {}
}
