import { parentPort, workerData } from 'node:worker_threads';
import { decodeModel } from '../models/model-codec.js';
import { driveRun } from '../training/run-driver.js';
import { TrainingLoop, type Snapshot } from '../training/training-loop.js';
import { EVENT_WINDOW } from '../training/executor.js';
import { niceThisThread } from './thread-priority.js';
import { toWireError } from './wire-error.js';
import { useFastKernels, type WorkerSetup } from './kernels.js';
import { CONTROL, type TrainMessage, type TrainStart } from './worker-protocol.js';

/**
 * A training thread: rebuilds the model from its stored form, runs the loop
 * to its end (or until cancelled) and reports back. One run at a time; the
 * thread is reused for the next run.
 */

function post(message: TrainMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

/** A snapshot's buffers are fresh copies: moved to the event loop, not copied again. */
function buffersOf(s: Snapshot): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const [, p] of s.params) out.push(p.buffer as ArrayBuffer);
  for (const [, g] of s.grads) if (g !== null) out.push(g.buffer as ArrayBuffer);
  return out;
}

async function run({ job, control }: TrainStart): Promise<void> {
  const words = new Int32Array(control);
  const cancelled = () => Atomics.load(words, CONTROL.CANCEL) !== 0;
  try {
    const { root } = decodeModel({ sessionId: '', name: '', version: 0, parameterCount: 0, ...job.model });
    const loop = new TrainingLoop(root, job.plan);
    let sent = 0;
    const outcome = await driveRun(loop, job.checkpointEvery, {
      cancelled,
      ready: () => post({ kind: 'ready' }),
      event: (event) => {
        sent += 1;
        post({ kind: 'event', event });
      },
      checkpoint: (snapshot) => post({ kind: 'checkpoint', snapshot }, buffersOf(snapshot)),
      // Blocks this thread (never the event loop) while the consumer is too far behind; cancel wakes it.
      pace: () => {
        for (;;) {
          const taken = Atomics.load(words, CONTROL.TAKEN);
          if (sent - taken <= EVENT_WINDOW || cancelled()) return;
          Atomics.wait(words, CONTROL.TAKEN, taken);
        }
      },
    });
    post({ kind: 'finished', outcome }, buffersOf(outcome.snapshot));
  } catch (e) {
    post({ kind: 'failed', error: toWireError(e) });
  }
}

/**
 * Training is throughput work; requests are latency work. At nice 10
 * (TRAIN_THREAD_NICE) the scheduler gives this thread about a tenth of a
 * core's time against a thread at nice 0 (the event loop) when both want the
 * same core, and all of it when the core is idle: a run takes what the
 * requests of other sessions leave, instead of taking turns with them.
 */
const setup = workerData as WorkerSetup & { nice: number };
if (setup.nice > 0) niceThisThread(setup.nice);
useFastKernels(setup.gemmThreads);

parentPort!.on('message', (start: TrainStart) => void run(start));
