/**
 * Issue 2, item 12: the engine beside TensorFlow.js (cpu and wasm backends)
 * and PyTorch (one thread), measured in the same run.
 *
 *   - matmul GFLOP/s, n×n · n×n float32 at 64, 128, 256, 512, 1024;
 *   - a training step (forward, MSE, backward, SGD) for 4-8-1 batch 2,
 *     784-256-256-10 batch 256 and 1024-1024-1024-1024 batch 128.
 *
 * paramserve runs through the engine's public API with whatever gemm the
 * service installs (see installServiceGemm); bench/kernels.ts and
 * bench/train-step.ts compare the kernels themselves.
 *
 *   npx tsx bench/engine.ts [--quick]
 *   BENCH_ENGINE_SECONDS=2            time budget per measurement (quick: 0.3)
 *   BENCH_ENGINE_IMPLS=paramserve,tfjs-cpu,tfjs-wasm,torch
 *   BENCH_MATMUL_SIZES=64,128,256,512,1024
 *   BENCH_TRAIN_CASES=4-8-1,784-256-256-10,1024-1024-1024-1024
 *   BENCH_GEMM_THREADS=1              threads of the engine's fast gemm (the other columns use one)
 *   BENCH_GEMM=reference              measure the TS oracle instead of the fast kernels
 */
import { MATMUL_SIZES, TOY_STEP_TARGET_SECONDS, TRAIN_CASE_IDS, TRAIN_CASES, matmulFlops } from './support/engine-cases.js';
import { runSubject, type EngineResults } from './support/engine-subject.js';
import { formatRate, formatRatio, formatSeconds, printTable } from './support/format.js';
import { choiceListOption, integerListOption, numberOption, quick } from './support/options.js';
import { uninstallFastKernels } from '../src/engine/index.js';
import { installServiceGemm, paramserveSubject } from './support/paramserve-engine.js';
import { selectTfjsBackend, tfjsSubject } from './support/tfjs-engine.js';
import { runTorch } from './support/torch-engine.js';

const IMPLS = ['paramserve', 'tfjs-cpu', 'tfjs-wasm', 'torch'] as const;
type Impl = (typeof IMPLS)[number];

interface Column {
  impl: Impl;
  description: string;
  results: EngineResults;
}

const budget = numberOption('BENCH_ENGINE_SECONDS', 2, 0.3);
const gemmThreads = numberOption('BENCH_GEMM_THREADS', 1);
const impls = choiceListOption('BENCH_ENGINE_IMPLS', IMPLS);
const sizes = integerListOption('BENCH_MATMUL_SIZES', MATMUL_SIZES);
const caseIds = choiceListOption('BENCH_TRAIN_CASES', TRAIN_CASE_IDS);
const cases = TRAIN_CASES.filter((c) => caseIds.includes(c.id));

async function measureAll(): Promise<{ columns: Column[]; notes: string[] }> {
  const columns: Column[] = [];
  const notes: string[] = [];
  for (const impl of impls) {
    process.stderr.write(`engine: measuring ${impl}\n`);
    if (impl === 'paramserve') {
      const description = `paramserve engine, ${installServiceGemm(gemmThreads)}`;
      try {
        columns.push({ impl, description, results: runSubject(paramserveSubject, sizes, cases, budget) });
      } finally {
        await uninstallFastKernels();
      }
    } else if (impl === 'torch') {
      // A slow step (the reference BLAS at 1024) gets 3 calls per workload; allow for that.
      const outcome = await runTorch(sizes, cases, budget, 600);
      if (outcome.available) columns.push({ impl, description: outcome.description, results: outcome.results });
      else notes.push(`PyTorch column left out: ${outcome.reason}.`);
    } else {
      const description = await selectTfjsBackend(impl === 'tfjs-cpu' ? 'cpu' : 'wasm');
      columns.push({ impl, description, results: runSubject(tfjsSubject(impl), sizes, cases, budget) });
    }
  }
  return { columns, notes };
}

function report(columns: Column[], notes: string[]): void {
  const ours = columns.find((c) => c.impl === 'paramserve');
  const others = columns.filter((c) => c.impl !== 'paramserve');
  console.log(`\n## Engine benchmark${quick ? ' (quick run: budgets too short for quotable numbers)' : ''}\n`);
  for (const c of columns) console.log(`- ${c.impl}: ${c.description}`);
  console.log(`- budget ${budget} s per measurement; median of samples; ratios > 1 mean paramserve is faster`);
  if (ours !== undefined && gemmThreads > 1) console.log(`- note: paramserve's gemm used ${gemmThreads} threads, every other column one`);

  if (sizes.length > 0) {
    const gflops = (c: Column, n: number) => {
      const m = c.results.matmul.get(n);
      return m === undefined ? null : matmulFlops(n) / m.median / 1e9;
    };
    const headers = ['n', ...columns.map((c) => c.impl), ...(ours ? others.map((o) => `vs ${o.impl}`) : [])];
    const rows = sizes.map((n) => [
      String(n),
      ...columns.map((c) => formatRate(gflops(c, n))),
      ...(ours ? others.map((o) => formatRatio(gflops(ours, n), gflops(o, n))) : []),
    ]);
    printTable('matmul GFLOP/s (n×n · n×n, float32)', headers, rows);
  }

  if (cases.length > 0) {
    const seconds = (c: Column, id: string) => c.results.train.get(id)?.median ?? null;
    const headers = ['net, batch', ...columns.map((c) => c.impl), ...(ours ? others.map((o) => `vs ${o.impl}`) : [])];
    const rows = cases.map((tc) => [
      `${tc.id}, b${tc.batch}`,
      ...columns.map((c) => formatSeconds(seconds(c, tc.id))),
      ...(ours ? others.map((o) => formatRatio(seconds(o, tc.id), seconds(ours, tc.id))) : []),
    ]);
    const toy = ours?.results.train.get('4-8-1')?.median;
    const target =
      toy === undefined
        ? []
        : [`Target: the 4-8-1 step at ${formatSeconds(TOY_STEP_TARGET_SECONDS)} or less: paramserve ${formatSeconds(toy)}, ${toy <= TOY_STEP_TARGET_SECONDS ? 'met' : 'NOT met'}.`];
    printTable('training step time (forward, MSE, backward, SGD)', headers, rows, target);
  }
  for (const note of notes) console.log(`\n${note}`);
}

const { columns, notes } = await measureAll();
report(columns, notes);
