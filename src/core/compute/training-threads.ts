import type { Worker } from 'node:worker_threads';
import type { ExecutorRun, RunListener, TrainingExecutor, TrainJob } from '../training/executor.js';
import { fromWireError } from './wire-error.js';
import { startWorker } from './worker-entry.js';
import type { WorkerSetup } from './kernels.js';
import { CONTROL, type TrainMessage, type TrainStart } from './worker-protocol.js';

/**
 * A thread per training run, so a run of minutes never blocks the event loop
 * that answers every other session, and never occupies the forward/backward
 * pool either. Threads are kept for reuse once their run ends (the service
 * caps concurrent runs, so there are at most that many).
 */
export class TrainingThreads implements TrainingExecutor {
  private readonly idle: Worker[] = [];
  private readonly busy = new Set<Worker>();
  private closed = false;

  constructor(
    private readonly keepIdle: number,
    /** Each thread lowers its own CPU priority to this nice value (0: unchanged). */
    private readonly nice: number,
    private readonly setup: WorkerSetup,
  ) {}

  private spawn(): Worker {
    const worker = startWorker('training-worker', { workerData: { ...this.setup, nice: this.nice } });
    worker.unref();
    // A crash during a run is reported by that run's listeners; an idle thread that dies is just dropped.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      const i = this.idle.indexOf(worker);
      if (i !== -1) this.idle.splice(i, 1);
    });
    return worker;
  }

  start(job: TrainJob, listener: RunListener): ExecutorRun {
    if (this.closed) throw new Error('training threads are closed');
    const worker = this.idle.pop() ?? this.spawn();
    this.busy.add(worker);
    const words = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
    let over = false;

    const end = (reusable: boolean) => {
      over = true;
      worker.off('message', onMessage);
      worker.off('error', onCrash);
      worker.off('exit', onExit);
      this.busy.delete(worker);
      if (reusable && !this.closed && this.idle.length < this.keepIdle) this.idle.push(worker);
      else void worker.terminate();
    };
    const onMessage = (m: TrainMessage) => {
      if (over) return;
      switch (m.kind) {
        case 'ready':
          return listener.ready();
        case 'event':
          return listener.event(m.event);
        case 'checkpoint':
          return listener.checkpoint(m.snapshot);
        case 'finished':
          end(true);
          return listener.finished(m.outcome);
        case 'failed':
          end(m.error.app); // a bug may have left the thread in any state: not reused
          return listener.failed(fromWireError(m.error));
      }
    };
    const onCrash = (e: Error) => {
      if (over) return;
      end(false);
      listener.failed(e);
    };
    const onExit = (code: number) => onCrash(new Error(`training thread exited with code ${code}`));
    worker.on('message', onMessage);
    worker.on('error', onCrash);
    worker.on('exit', onExit);
    const start: TrainStart = { job, control: words.buffer as SharedArrayBuffer };
    worker.postMessage(start);

    return {
      cancel: () => {
        Atomics.store(words, CONTROL.CANCEL, 1);
        Atomics.notify(words, CONTROL.TAKEN);
      },
      consumed: () => {
        Atomics.add(words, CONTROL.TAKEN, 1);
        Atomics.notify(words, CONTROL.TAKEN);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle.splice(0), ...this.busy];
    await Promise.all(all.map((w) => w.terminate()));
  }
}
