import { randomUUID } from 'node:crypto';
import { noGrad, Tensor } from '../../engine/index.js';
import { AppError } from '../../errors/index.js';
import { ModelChangedError, ShuttingDownError, TrainingCancelledError, VersionMismatchError } from '../errors.js';
import type { LiveModel } from '../models/live-model.js';
import type { ModelLease } from '../models/model-repository.js';
import type { Caller, CoreContext } from '../usecases/context.js';
import { CheckpointWriter } from './checkpoint-writer.js';
import { EventChannel } from './event-channel.js';
import type { ExecutorRun, RunListener, TrainingExecutor, TrainJob } from './executor.js';
import type { RunOutcome } from './run-driver.js';
import type { LoopEvent, RunStatusView, TrainEvent } from './train-events.js';
import type { Snapshot } from './training-loop.js';

/** A started run as a transport sees it. */
export interface TrainRunHandle {
  readonly runId: string;
  /**
   * The run's events in order (step and epoch events, then done once the
   * final state is stored). A failure, or a cancellation, ends the iteration
   * with its AppError, after the model has stored what the run reached.
   * Consume once; stopping early cancels the run.
   */
  events(): AsyncIterableIterator<TrainEvent>;
  /** Stops after the current step; the model then holds (and stores) the state of the last completed step. */
  cancel(): void;
}

type StopReason = 'client' | 'shutdown' | 'failed';

export interface RunIdentity {
  ctx: CoreContext;
  caller: Caller;
  name: string;
  lease: ModelLease;
  startVersion: number;
  totalSteps: number;
  /** Called once when the run has ended and released the model (with whatever outcome). */
  onEnd: () => void;
}

/**
 * One training run on the event loop's side: it feeds the executor's events
 * to the consumer, writes checkpoints and the final state through the
 * model's normal versioned write path (short writes, each a compare-and-set
 * on the version the run itself wrote last), and holds the model's lease
 * until everything is stored.
 */
export class TrainRun implements TrainRunHandle {
  readonly runId = randomUUID();
  private readonly channel: EventChannel<TrainEvent>;
  private readonly writer: CheckpointWriter;
  private executorRun: ExecutorRun | null = null;
  private version: number;
  private stop: StopReason | null = null;
  private failure: unknown = null;
  private released = false;
  private readonly view: RunStatusView;
  private endedResolve!: () => void;
  /** Resolves once the run has ended and everything it reached is stored. */
  readonly ended = new Promise<void>((r) => (this.endedResolve = r));

  constructor(private readonly id: RunIdentity) {
    this.version = id.startVersion;
    this.channel = new EventChannel<TrainEvent>(
      (e) => {
        if (e.type !== 'done') this.executorRun?.consumed();
      },
      () => this.cancelWith('client'),
    );
    this.writer = new CheckpointWriter(
      (s) => this.commit(s),
      (e) => {
        this.failure = e;
        this.cancelWith('failed');
      },
    );
    this.view = {
      runId: this.runId,
      status: 'running',
      steps: 0,
      totalSteps: id.totalSteps,
      epochs: 0,
      loss: null,
      version: id.startVersion,
      startedAt: new Date(id.ctx.clock.now()).toISOString(),
      finishedAt: null,
      error: null,
    };
  }

  /** Starts the job; resolves once its first step succeeded, rejects (and ends the run) when the request was bad. */
  start(executor: TrainingExecutor, job: TrainJob): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      const listener: RunListener = {
        ready: () => {
          ready = true;
          resolve();
        },
        event: (e) => this.onEvent(e),
        checkpoint: (s) => this.writer.offer(s),
        finished: (outcome) => void this.finish(outcome),
        failed: (error) => {
          if (ready) return void this.fail(error);
          this.release();
          reject(error);
        },
      };
      try {
        this.executorRun = executor.start(job, listener);
      } catch (e) {
        this.release();
        reject(e);
      }
    });
  }

  events(): AsyncIterableIterator<TrainEvent> {
    return this.channel.iterator();
  }

  cancel(): void {
    this.cancelWith('client');
  }

  /** Stops the run because the service is shutting down; the consumer gets SHUTTING_DOWN. */
  shutdown(): void {
    this.cancelWith('shutdown');
  }

  status(): RunStatusView {
    return { ...this.view, error: this.view.error === null ? null : { ...this.view.error } };
  }

  private cancelWith(reason: StopReason): void {
    if (this.stop !== null || this.view.status !== 'running') return;
    this.stop = reason;
    this.executorRun?.cancel();
  }

  private onEvent(e: LoopEvent): void {
    if (e.type === 'step') {
      this.view.steps = e.data.step;
      this.view.loss = e.data.loss;
    } else {
      this.view.steps = e.data.steps;
      this.view.epochs = e.data.epoch;
    }
    this.channel.push(e);
  }

  private async finish(outcome: RunOutcome): Promise<void> {
    await this.writer.settle();
    if (this.failure !== null) return this.end('failed', this.failure);
    const s = outcome.snapshot;
    try {
      await this.commit(s);
    } catch (e) {
      return this.end('failed', e);
    }
    if (outcome.reason === 'completed') {
      this.channel.push({ type: 'done', data: { status: 'completed', runId: this.runId, steps: s.steps, epochs: s.epochs, loss: s.loss ?? 'NaN', version: this.version } });
      return this.end('completed', null);
    }
    const error = this.stop === 'shutdown' ? withProgress(new ShuttingDownError(), s.steps, this.version) : new TrainingCancelledError(s.steps, this.version);
    return this.end('cancelled', error);
  }

  private async fail(error: Error): Promise<void> {
    await this.writer.settle();
    this.end('failed', this.failure ?? error);
  }

  private end(status: RunStatusView['status'], error: unknown): void {
    this.view.status = status;
    this.view.finishedAt = new Date(this.id.ctx.clock.now()).toISOString();
    if (error !== null) {
      const app = error instanceof AppError;
      this.view.error = { code: app ? error.code : 'INTERNAL', detail: app ? error.message : 'internal error' };
      this.channel.fail(error);
    } else this.channel.end();
    this.release();
  }

  /** Gives the model and the run slot back; once, whatever the outcome. */
  private release(): void {
    if (this.released) return;
    this.released = true;
    this.id.ctx.models.release(this.id.lease);
    this.id.onEnd();
    this.endedResolve();
  }

  /**
   * One short write of the run's state, as version + 1 of the version the run
   * wrote last. If another writer (another replica: this one refuses writes
   * during the run) changed the model meanwhile, the run does not overwrite
   * that change: it stops with MODEL_CHANGED. Each write also renews the
   * session, so a long run does not outlive its session's idle TTL.
   */
  private async commit(s: Snapshot): Promise<void> {
    const { ctx, caller, name, lease } = this.id;
    await ctx.sessions.authorize(caller.sessionId, caller.token);
    const expected = this.version;
    try {
      const { model } = await ctx.models.write(caller.sessionId, name, expected, { raw: `"${expected}"`, versions: [expected] }, (m) => applySnapshot(m, s), lease);
      this.version = model.version;
    } catch (e) {
      if (e instanceof VersionMismatchError) throw new ModelChangedError(name, expected, e.details.currentVersion as number, s.steps);
      throw e;
    }
    this.view.version = this.version;
    this.view.steps = s.steps;
    this.view.epochs = s.epochs;
    this.view.loss = s.loss;
  }
}

function applySnapshot(model: LiveModel, s: Snapshot): void {
  const byName = new Map(model.root.namedParameters());
  noGrad(() => {
    for (const [name, data] of s.params) {
      const p = byName.get(name);
      if (p === undefined) throw new Error(`checkpoint names parameter ${name} the model lacks`);
      p.data.set(data);
    }
    for (const [name, g] of s.grads) {
      const p = byName.get(name)!;
      p.grad = g === null ? null : new Tensor(Float32Array.from(g), p.shape);
    }
  });
}

function withProgress(e: AppError, steps: number, version: number): AppError {
  e.details.steps = steps;
  e.details.version = version;
  e.message = `${e.message}: the training run stopped after ${steps} steps; the model holds that state at version ${version}`;
  return e;
}
