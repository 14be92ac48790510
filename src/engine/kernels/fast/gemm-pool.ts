import { Worker } from 'node:worker_threads';
import { CHUNK_INTS, CONTROL_BYTES, Field, Job, MAX_CHUNKS, Op, State, TABLE, slotBase } from './control-block.js';
import { WORKER_SOURCE } from './worker-source.js';
import type { WasmMemory, WasmModule } from './webassembly.js';

/** How the kernel reads an operand (asm/gemm.ts): as stored, transposed, or packed whole beforehand. */
export const Mode = { PLAIN: 0, TRANS: 1, PACKED: 2 } as const;
export type OperandMode = (typeof Mode)[keyof typeof Mode];

/** One slice of a gemm in the shared memory: byte addresses, leading dimensions in floats. */
export interface GemmSlice {
  m: number;
  n: number;
  k: number;
  a: number;
  lda: number;
  aMode: OperandMode;
  b: number;
  ldb: number;
  bMode: OperandMode;
  c: number;
  ldc: number;
  accumulate: boolean;
}

/** How long the caller sleeps between checks that a worker it waits for is still alive. */
const JOIN_POLL_MS = 1000;
/**
 * A worker that claimed its part usually finishes its last chunk within
 * microseconds of the caller; polling that long costs less than a futex
 * sleep and wake-up (tens of µs on a busy machine).
 */
const JOIN_SPIN_NS = 20_000n;

/**
 * Worker threads that take chunks of a gemm on the kernels' shared memory
 * (protocol in control-block.ts). `run` is synchronous: it wakes the workers,
 * takes chunks itself until the table is drained, and returns once every
 * worker that joined in has published DONE, so a parallel gemm is as
 * synchronous as the engine's gemm API, and a worker that is slow to wake
 * costs nothing but the chunks it did not take. Workers are unref'd: an idle
 * pool never keeps the process alive.
 */
export class GemmPool {
  private readonly workers: Worker[] = [];
  private readonly exited: Promise<void>[] = [];
  private readonly ctl: Int32Array;
  private closed = false;

  constructor(
    module: WasmModule,
    memory: WasmMemory,
    /** Scratch address of each worker (workBytes() each). */
    work: readonly number[],
  ) {
    this.ctl = new Int32Array(memory.buffer, 0, CONTROL_BYTES / 4);
    for (let w = 0; w < work.length; w++) {
      const base = slotBase(w);
      Atomics.store(this.ctl, base + Field.STATE, State.STARTING);
      const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { module, memory, base, work: work[w] } });
      worker.unref();
      this.exited.push(new Promise<void>((resolve) => worker.once('exit', () => resolve())));
      // A worker that fails to start marks its slot EXITED itself; this only keeps an 'error' from going unhandled.
      worker.on('error', () => Atomics.store(this.ctl, base + Field.STATE, State.EXITED));
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Workers that have instantiated the module and wait for work. A worker still starting is simply not used. */
  readyWorkers(): number[] {
    const ready: number[] = [];
    if (this.closed) return ready;
    for (let w = 0; w < this.workers.length; w++) if (Atomics.load(this.ctl, slotBase(w) + Field.STATE) === State.READY) ready.push(w);
    return ready;
  }

  /** Blocks until every worker has started (or failed to); for benchmarks and tests that want the full pool at once. */
  waitUntilStarted(timeoutMs = 10_000): boolean {
    const deadline = Date.now() + timeoutMs;
    for (let w = 0; w < this.workers.length; w++) {
      const base = slotBase(w);
      while (Atomics.load(this.ctl, base + Field.STATE) === State.STARTING) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        Atomics.wait(this.ctl, base + Field.DONE, Atomics.load(this.ctl, base + Field.DONE), Math.min(left, 50));
      }
    }
    return this.readyWorkers().length === this.workers.length;
  }

  /**
   * Runs every chunk, on the ready workers and on the calling thread
   * (`runHere`), and returns when all are done. Chunks must write disjoint
   * parts of C.
   */
  run(chunks: readonly GemmSlice[], runHere: (chunk: GemmSlice) => void): void {
    if (chunks.length > MAX_CHUNKS) throw new RangeError(`at most ${MAX_CHUNKS} chunks, got ${chunks.length}`);
    const c = this.ctl;
    chunks.forEach((s, i) => writeChunk(c, TABLE + i * CHUNK_INTS, s));
    c[Job.COUNT] = chunks.length;
    Atomics.store(c, Job.NEXT, 0);
    const posted = this.readyWorkers().map((w) => [w, this.post(w)] as const);
    let failure: unknown = null;
    for (;;) {
      const i = Atomics.add(c, Job.NEXT, 1);
      if (i >= chunks.length) break;
      try {
        runHere(chunks[i]);
      } catch (e) {
        // Keep draining: the table must be empty, and the workers settled, before the memory is reused.
        failure ??= e;
      }
    }
    for (const [w, seq] of posted) this.settle(w, seq);
    if (failure !== null) throw failure;
  }

  /** Wakes worker `w` for the job in the table; returns the job's generation. */
  private post(w: number): number {
    const base = slotBase(w);
    const c = this.ctl;
    c[base + Field.OP] = Op.GEMM;
    const seq = (c[base + Field.SEQ] + 1) | 0;
    // Sequentially consistent: a worker that sees the new SEQ sees the table and OP written before it.
    Atomics.store(c, base + Field.SEQ, seq);
    Atomics.notify(c, base + Field.SEQ);
    return seq;
  }

  /**
   * The table is drained. If worker `w` has not claimed job `seq` yet, claim
   * it here (it will wake, see it taken and sleep again); otherwise wait for
   * its DONE, since it may be in the middle of a chunk.
   */
  private settle(w: number, seq: number): void {
    const base = slotBase(w);
    const c = this.ctl;
    const previous = (seq - 1) | 0;
    if (Atomics.compareExchange(c, base + Field.CLAIMED, previous, seq) === previous) {
      Atomics.store(c, base + Field.DONE, seq);
      return;
    }
    const spinUntil = process.hrtime.bigint() + JOIN_SPIN_NS;
    while (Atomics.load(c, base + Field.DONE) !== seq && process.hrtime.bigint() < spinUntil);
    for (;;) {
      const done = Atomics.load(c, base + Field.DONE);
      if (done === seq) break;
      if (Atomics.load(c, base + Field.STATE) === State.EXITED) throw new Error(`gemm pool worker ${w} exited during a job`);
      Atomics.wait(c, base + Field.DONE, done, JOIN_POLL_MS);
    }
    if (c[base + Field.ERROR] !== 0) throw new Error(`gemm pool worker ${w} failed a chunk`);
  }

  /** Asks every worker to leave its loop; resolves when all have exited. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (let w = 0; w < this.workers.length; w++) {
      // Held again so the event loop waits for the exits this promise reports.
      this.workers[w].ref();
      const base = slotBase(w);
      this.ctl[base + Field.OP] = Op.EXIT;
      Atomics.store(this.ctl, base + Field.SEQ, (this.ctl[base + Field.SEQ] + 1) | 0);
      Atomics.notify(this.ctl, base + Field.SEQ);
    }
    await Promise.all(this.exited);
  }
}

function writeChunk(c: Int32Array, x: number, s: GemmSlice): void {
  c[x] = s.m;
  c[x + 1] = s.n;
  c[x + 2] = s.k;
  c[x + 3] = s.a;
  c[x + 4] = s.lda;
  c[x + 5] = s.aMode;
  c[x + 6] = s.b;
  c[x + 7] = s.ldb;
  c[x + 8] = s.bMode;
  c[x + 9] = s.c;
  c[x + 10] = s.ldc;
  c[x + 11] = s.accumulate ? 1 : 0;
}
