import type { TrainCase } from './engine-cases.js';
import { measure, type Measurement } from './measure.js';

/** A prepared workload: the call to time and how to free what it holds. */
export interface Prepared {
  call: () => void;
  dispose(): void;
}

/** An in-process implementation of the engine workloads (paramserve, a TensorFlow.js backend). */
export interface EngineSubject {
  readonly name: string;
  prepareMatmul(n: number): Prepared;
  prepareTrainStep(c: TrainCase): Prepared;
}

/** Timings of one implementation: matmul by size, training step by case id. */
export interface EngineResults {
  matmul: Map<number, Measurement>;
  train: Map<string, Measurement>;
}

export function emptyResults(): EngineResults {
  return { matmul: new Map(), train: new Map() };
}

/** Prepares, times and frees every workload of one subject, reporting progress on stderr. */
export function runSubject(subject: EngineSubject, sizes: number[], cases: readonly TrainCase[], budgetSeconds: number): EngineResults {
  const results = emptyResults();
  const timed = (label: string, prepared: Prepared): Measurement => {
    try {
      const m = measure(prepared.call, budgetSeconds);
      process.stderr.write(`  ${subject.name} ${label}: ${(m.median * 1e6).toFixed(1)} µs (${m.samples} samples)\n`);
      return m;
    } finally {
      prepared.dispose();
    }
  };
  for (const n of sizes) results.matmul.set(n, timed(`matmul ${n}`, subject.prepareMatmul(n)));
  for (const c of cases) results.train.set(c.id, timed(`train ${c.id} b${c.batch}`, subject.prepareTrainStep(c)));
  return results;
}
