/**
 * Time a synchronous call within a time budget: warm up (JIT, caches, lazy
 * allocations), then take samples of a batch of calls each and report the
 * median per-call time, which shrugs off the odd GC pause or a neighbour's
 * burst on a shared machine; the fastest sample is kept beside it.
 *
 * A call slower than the budget still gets one warm-up and two timed calls,
 * so a 2-second training step is measured rather than skipped.
 */
export interface Measurement {
  /** Median over samples of (sample time / calls in the sample), in seconds. */
  median: number;
  /** The fastest sample's per-call time, in seconds. */
  min: number;
  samples: number;
  calls: number;
}

const SAMPLES_WANTED = 12;
const MIN_SAMPLES_SLOW = 2;
const MIN_SAMPLES_FAST = 5;

function now(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

export function measure(call: () => void, budgetSeconds: number): Measurement {
  const warmupBudget = budgetSeconds * 0.25;
  const warmStart = now();
  let warmCalls = 0;
  do {
    call();
    warmCalls++;
  } while (now() - warmStart < warmupBudget);
  const perCallGuess = (now() - warmStart) / warmCalls;

  const callsPerSample = Math.max(1, Math.round((budgetSeconds * 0.75) / SAMPLES_WANTED / perCallGuess));
  const minSamples = perCallGuess * callsPerSample > budgetSeconds / 2 ? MIN_SAMPLES_SLOW : MIN_SAMPLES_FAST;
  const perCall: number[] = [];
  const timedStart = now();
  while (perCall.length < minSamples || (perCall.length < SAMPLES_WANTED * 2 && now() - timedStart < budgetSeconds * 0.75)) {
    const t0 = now();
    for (let i = 0; i < callsPerSample; i++) call();
    perCall.push((now() - t0) / callsPerSample);
  }
  perCall.sort((a, b) => a - b);
  const mid = perCall.length >> 1;
  const median = perCall.length % 2 === 1 ? perCall[mid] : (perCall[mid - 1] + perCall[mid]) / 2;
  return { median, min: perCall[0], samples: perCall.length, calls: perCall.length * callsPerSample };
}
