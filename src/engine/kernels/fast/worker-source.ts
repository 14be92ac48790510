import { CHUNK_INTS, CONTROL_BYTES, Field, Job, Op, State, TABLE } from './control-block.js';

/**
 * The body of a gemm pool worker, run with `new Worker(source, { eval: true })`:
 * plain JavaScript with no imports, so it starts in milliseconds and runs the
 * same under tsx, vitest and the compiled build. It instantiates the kernels'
 * module on the shared memory, then loops: sleep on its SEQ field, claim the
 * job (unless the caller already has), take chunks from the table until none
 * is left, publish DONE. The loop stays in JavaScript (not wasm) so V8 keeps
 * tiering up the wasm it calls. See control-block.ts for the protocol.
 */
export const WORKER_SOURCE = `
'use strict';
const { workerData } = require('node:worker_threads');
const { module, memory, base, work } = workerData;
const ctl = new Int32Array(memory.buffer, 0, ${CONTROL_BYTES / 4});
const finish = () => { Atomics.store(ctl, base + ${Field.STATE}, ${State.EXITED}); Atomics.notify(ctl, base + ${Field.DONE}); };
process.on('exit', finish);
let gemm;
try {
  gemm = new WebAssembly.Instance(module, { env: { memory } }).exports.gemm;
} catch (e) {
  finish();
  throw e;
}
Atomics.store(ctl, base + ${Field.STATE}, ${State.READY});
Atomics.notify(ctl, base + ${Field.DONE});
// Slots start at SEQ 0; a job (or an exit) posted while this worker was starting is seen at once.
let seen = 0;
for (;;) {
  Atomics.wait(ctl, base + ${Field.SEQ}, seen);
  const seq = Atomics.load(ctl, base + ${Field.SEQ});
  if (seq === seen) continue;
  seen = seq;
  if (ctl[base + ${Field.OP}] === ${Op.EXIT}) break;
  // The caller may have drained the table and claimed this part already: then the job is not ours to touch.
  if (Atomics.compareExchange(ctl, base + ${Field.CLAIMED}, (seq - 1) | 0, seq) !== ((seq - 1) | 0)) continue;
  let error = 0;
  const count = ctl[${Job.COUNT}];
  for (;;) {
    const i = Atomics.add(ctl, ${Job.NEXT}, 1);
    if (i >= count) break;
    const x = ${TABLE} + i * ${CHUNK_INTS};
    try {
      gemm(ctl[x], ctl[x + 1], ctl[x + 2], ctl[x + 3], ctl[x + 4], ctl[x + 5], ctl[x + 6], ctl[x + 7], ctl[x + 8], ctl[x + 9], ctl[x + 10], ctl[x + 11], work);
    } catch (e) {
      error = 1;
    }
  }
  ctl[base + ${Field.ERROR}] = error;
  Atomics.store(ctl, base + ${Field.DONE}, seq);
  Atomics.notify(ctl, base + ${Field.DONE});
}
`;
