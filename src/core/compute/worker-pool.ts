import type { Worker } from 'node:worker_threads';
import { fromWireError } from './wire-error.js';
import { startWorker } from './worker-entry.js';
import type { WorkerSetup } from './kernels.js';
import type { JobRequest, JobResponse } from './worker-protocol.js';

interface Slot {
  worker: Worker;
  busy: boolean;
  /** Which model versions this worker holds, so a model is shipped to it once per version. */
  holds: Map<string, number>;
}

type Pending = { resolve: (r: JobResponse) => void; reject: (e: Error) => void };
type Queued = { job: JobRequest; build: (holds: Map<string, number>) => { job: JobRequest; transfer: ArrayBuffer[] }; pending: Pending };

/**
 * A fixed set of worker threads for heavy jobs, so one large forward/backward
 * never blocks the event loop that answers everyone else. Jobs queue FIFO
 * when every worker is busy.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private readonly pending = new Map<number, { pending: Pending; slot: Slot }>();
  private nextId = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly setup: WorkerSetup,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Slot {
    const worker = startWorker('compute-worker', { workerData: this.setup });
    const slot: Slot = { worker, busy: false, holds: new Map() };
    worker.on('message', (r: JobResponse) => this.settle(slot, r));
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`compute worker exited with code ${code}`));
    });
    worker.unref();
    return slot;
  }

  /** `build` gets the worker's held versions and returns the job to send (with the model only if needed). */
  run(build: Queued['build']): Promise<JobResponse> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise<JobResponse>((resolve, reject) => {
      this.queue.push({ job: undefined as unknown as JobRequest, build, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => !s.busy);
      if (slot === undefined) return;
      const item = this.queue.shift()!;
      const id = this.nextId++;
      let job: JobRequest;
      let transfer: ArrayBuffer[];
      try {
        ({ job, transfer } = item.build(slot.holds));
      } catch (e) {
        item.pending.reject(e as Error);
        continue;
      }
      job.id = id;
      slot.busy = true;
      slot.holds.set(job.model.key, job.model.version);
      if (slot.holds.size > 4) slot.holds.delete(slot.holds.keys().next().value!);
      this.pending.set(id, { pending: item.pending, slot });
      slot.worker.postMessage(job, transfer);
    }
  }

  private settle(slot: Slot, r: JobResponse): void {
    const entry = this.pending.get(r.id);
    this.pending.delete(r.id);
    slot.busy = false;
    if (entry !== undefined) {
      if (r.ok) entry.pending.resolve(r);
      else {
        if (!r.error.app) slot.holds.clear();
        entry.pending.reject(fromWireError(r.error));
      }
    }
    this.dispatch();
  }

  private fail(slot: Slot, error: Error): void {
    for (const [id, entry] of this.pending)
      if (entry.slot === slot) {
        this.pending.delete(id);
        entry.pending.reject(error);
      }
    const i = this.slots.indexOf(slot);
    if (i !== -1 && !this.closed) {
      void slot.worker.terminate();
      this.slots[i] = this.spawn();
    }
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const item of this.queue.splice(0)) item.pending.reject(new Error('worker pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
