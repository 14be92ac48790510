import { QuotaExceededError, ShuttingDownError } from '../errors.js';
import type { Limits } from '../config.js';
import { TrainingThreads } from '../compute/training-threads.js';
import { InlineExecutor } from './inline-executor.js';
import type { TrainingExecutor } from './executor.js';
import type { TrainRun } from './train-run.js';
import type { RunStatusView } from './train-events.js';

/** Finished runs remembered for `GET {m}/train` (the latest per model), oldest forgotten first. */
const REMEMBERED = 4096;

export interface RunSlot {
  release(): void;
}

/**
 * The training runs of this process: where they execute, how many may go at
 * once (per session and in total), and the latest run of each model for
 * `GET {m}/train`.
 */
export class TrainingRuns {
  readonly executor: TrainingExecutor;
  /** A run writes its state every this many steps (0: only at its end). */
  readonly checkpointEvery: number;
  private readonly running = new Set<TrainRun>();
  private readonly perSession = new Map<string, number>();
  private reserved = 0;
  private readonly latest = new Map<string, TrainRun>();
  private closing = false;

  constructor(
    private readonly limits: Pick<Limits, 'maxRuns' | 'maxRunsPerSession'>,
    options: { computeWorkers: number; trainCheckpointSteps: number; trainThreadNice: number; gemmThreads: number },
  ) {
    this.checkpointEvery = options.trainCheckpointSteps;
    this.executor = options.computeWorkers > 0 ? new TrainingThreads(limits.maxRuns, options.trainThreadNice, { gemmThreads: options.gemmThreads }) : new InlineExecutor();
  }

  private static key(sessionId: string, name: string): string {
    return `${sessionId}\u0000${name}`;
  }

  /** Claims a place for one run (429 QUOTA_EXCEEDED when the session or the process is at its limit). */
  reserve(sessionId: string): RunSlot {
    if (this.closing) throw new ShuttingDownError();
    const mine = this.perSession.get(sessionId) ?? 0;
    if (mine >= this.limits.maxRunsPerSession)
      throw new QuotaExceededError('maxRunsPerSession', this.limits.maxRunsPerSession, `at most ${this.limits.maxRunsPerSession} training runs at once per session`);
    if (this.reserved >= this.limits.maxRuns)
      throw new QuotaExceededError('maxRuns', this.limits.maxRuns, `the server is running its maximum of ${this.limits.maxRuns} training runs; retry later`);
    this.perSession.set(sessionId, mine + 1);
    this.reserved += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.reserved -= 1;
        const n = (this.perSession.get(sessionId) ?? 1) - 1;
        if (n === 0) this.perSession.delete(sessionId);
        else this.perSession.set(sessionId, n);
      },
    };
  }

  /** A run that has started: counted until it ends, and shown by `status` from now on. */
  track(sessionId: string, name: string, run: TrainRun): void {
    const key = TrainingRuns.key(sessionId, name);
    this.running.add(run);
    void run.ended.then(() => this.running.delete(run));
    this.latest.delete(key);
    this.latest.set(key, run);
    while (this.latest.size > REMEMBERED) this.latest.delete(this.latest.keys().next().value!);
  }

  status(sessionId: string, name: string): RunStatusView | null {
    return this.latest.get(TrainingRuns.key(sessionId, name))?.status() ?? null;
  }

  /** Stops every run (each stores the step it reached), waits for them, then stops the threads. */
  async close(): Promise<void> {
    this.closing = true;
    const runs = [...this.running];
    for (const run of runs) run.shutdown();
    await Promise.all(runs.map((r) => r.ended));
    await this.executor.close();
  }
}
