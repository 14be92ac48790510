/**
 * Issue 7: the gemm kernels themselves, n×n float32 products at 64…1024 in
 * the three forms a Linear layer needs (plain `dY W`, transA `dYᵀ X`, transB
 * `X Wᵀ`), for our TypeScript oracle, our WebAssembly kernels on 1 and 2
 * threads, TensorFlow.js's cpu and wasm backends, and PyTorch on one thread
 * (where /usr/bin/python3 has torch), all measured in this run.
 *
 *   npx tsx bench/kernels.ts [--quick]
 *   BENCH_KERNEL_SECONDS=1            time budget per measurement (quick: 0.2)
 *   BENCH_KERNEL_SIZES=64,128,256,512,1024
 *   BENCH_KERNEL_IMPLS=ts,wasm-1t,wasm-2t,tfjs-cpu,tfjs-wasm,torch
 *   BENCH_KERNEL_VARIANTS=plain,transA,transB
 *
 * Figures are GFLOP/s of the fastest sample (min-of-N: the machine is shared,
 * and a neighbour's burst only ever makes a sample slower).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { gemm, installFastKernels, uninstallFastKernels, waitForFastKernelThreads, type GemmArgs } from '../src/engine/index.js';
import { uniformData } from './support/engine-cases.js';
import { formatRate, formatRatio, printTable } from './support/format.js';
import { measure, type Measurement } from './support/measure.js';
import { choiceListOption, integerListOption, numberOption, quick } from './support/options.js';
import { selectTfjsBackend } from './support/tfjs-engine.js';
import { PYTHON } from './support/torch-engine.js';

const IMPLS = ['ts', 'wasm-1t', 'wasm-2t', 'tfjs-cpu', 'tfjs-wasm', 'torch'] as const;
type Impl = (typeof IMPLS)[number];
const VARIANTS = ['plain', 'transA', 'transB'] as const;
type Variant = (typeof VARIANTS)[number];
const LABEL: Record<Variant, string> = { plain: 'A·B (dY W)', transA: 'Aᵀ·B (dYᵀ X)', transB: 'A·Bᵀ (X Wᵀ)' };

const budget = numberOption('BENCH_KERNEL_SECONDS', 1, 0.2);
const sizes = integerListOption('BENCH_KERNEL_SIZES', [64, 128, 256, 512, 1024]);
const impls = choiceListOption('BENCH_KERNEL_IMPLS', IMPLS);
const variants = choiceListOption('BENCH_KERNEL_VARIANTS', VARIANTS);

/** GFLOP/s by variant and size. */
type Rates = Map<Variant, Map<number, number>>;
const gflops = (n: number, m: Measurement) => (2 * n * n * n) / m.min / 1e9;

function timeAll(label: string, prepare: (n: number, v: Variant) => { call: () => void; dispose?: () => void }): Rates {
  const rates: Rates = new Map();
  for (const v of variants) {
    const row = new Map<number, number>();
    for (const n of sizes) {
      const p = prepare(n, v);
      try {
        const m = measure(p.call, budget);
        row.set(n, gflops(n, m));
        process.stderr.write(`  ${label} ${v} ${n}: ${formatRate(gflops(n, m))} GFLOP/s (${m.samples} samples)\n`);
      } finally {
        p.dispose?.();
      }
    }
    rates.set(v, row);
  }
  return rates;
}

/** Our gemm as the engine calls it: row-major Float32Arrays, transposes as flags. */
function oursPrepare(n: number, v: Variant) {
  const args: GemmArgs = { m: n, n, k: n, a: uniformData(n * n, 1), b: uniformData(n * n, 2), c: new Float32Array(n * n), transA: v === 'transA', transB: v === 'transB' };
  return { call: () => gemm(args) };
}

function tfjsPrepare(n: number, v: Variant) {
  const a = tf.tensor2d(uniformData(n * n, 1), [n, n]);
  const b = tf.tensor2d(uniformData(n * n, 2), [n, n]);
  const call = () => {
    const c = tf.matMul(a, b, v === 'transA', v === 'transB');
    c.dataSync();
    c.dispose();
  };
  return { call, dispose: () => tf.dispose([a, b]) };
}

type TorchReply = { available: boolean; reason?: string; version?: string; matmul?: Record<string, Record<string, Measurement>> };

function runTorch(): Promise<{ rates: Rates; description: string } | { reason: string }> {
  const script = fileURLToPath(new URL('./support/torch_kernels.py', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(PYTHON, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 900_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.once('error', (e) => {
      clearTimeout(timer);
      resolve({ reason: `cannot run ${PYTHON}: ${e.message}` });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return resolve({ reason: `${PYTHON} ${script} ended with ${signal ?? `exit code ${code}`}` });
      let reply: TorchReply;
      try {
        reply = JSON.parse(stdout) as TorchReply;
      } catch {
        return resolve({ reason: `torch_kernels.py printed no JSON: ${stdout.slice(0, 200)}` });
      }
      if (!reply.available) return resolve({ reason: reply.reason ?? 'torch unavailable' });
      const rates: Rates = new Map();
      for (const [v, bySize] of Object.entries(reply.matmul ?? {}))
        rates.set(v as Variant, new Map(Object.entries(bySize).map(([n, m]) => [Number(n), gflops(Number(n), m)])));
      resolve({ rates, description: `PyTorch ${reply.version}, 1 thread` });
    });
    child.stdin.end(JSON.stringify({ sizes, variants, budget }));
  });
}

async function measureAll(): Promise<{ columns: Map<Impl, Rates>; descriptions: string[]; notes: string[] }> {
  const columns = new Map<Impl, Rates>();
  const descriptions: string[] = [];
  const notes: string[] = [];
  for (const impl of impls) {
    process.stderr.write(`kernels: measuring ${impl}\n`);
    if (impl === 'ts') {
      await uninstallFastKernels();
      columns.set(impl, timeAll(impl, oursPrepare));
      descriptions.push('ts: the TypeScript oracle (gemmReference)');
    } else if (impl === 'wasm-1t' || impl === 'wasm-2t') {
      const threads = impl === 'wasm-1t' ? 1 : 2;
      // The installer's defaults, as the service runs them: small products stay on the calling thread.
      const status = installFastKernels({ threads });
      if (status.kernel === 'typescript') {
        notes.push(`${impl} left out: ${status.reason}`);
        continue;
      }
      waitForFastKernelThreads();
      columns.set(impl, timeAll(impl, oursPrepare));
      descriptions.push(`${impl}: ${status.kernel}, ${threads} thread${threads > 1 ? 's' : ''}`);
      await uninstallFastKernels();
    } else if (impl === 'torch') {
      const outcome = await runTorch();
      if ('reason' in outcome) notes.push(`PyTorch column left out: ${outcome.reason}.`);
      else {
        columns.set(impl, outcome.rates);
        descriptions.push(`torch: ${outcome.description}`);
      }
    } else {
      const description = await selectTfjsBackend(impl === 'tfjs-cpu' ? 'cpu' : 'wasm');
      columns.set(impl, timeAll(impl, tfjsPrepare));
      descriptions.push(`${impl}: ${description}`);
    }
  }
  return { columns, descriptions, notes };
}

function report(columns: Map<Impl, Rates>, descriptions: string[], notes: string[]): void {
  console.log(`\n## gemm kernels${quick ? ' (quick run: budgets too short for quotable numbers)' : ''}\n`);
  for (const d of descriptions) console.log(`- ${d}`);
  console.log(`- GFLOP/s of the fastest sample, budget ${budget} s per measurement; "a/b" columns are ratios of GFLOP/s (> 1: a is faster)`);
  const present = IMPLS.filter((i) => columns.has(i));
  const ratios: Array<[Impl, Impl]> = (
    [
      ['wasm-1t', 'tfjs-wasm'],
      ['wasm-1t', 'tfjs-cpu'],
      ['wasm-1t', 'torch'],
      ['wasm-1t', 'ts'],
      ['wasm-2t', 'wasm-1t'],
    ] as Array<[Impl, Impl]>
  ).filter(([a, b]) => columns.has(a) && columns.has(b));
  const rate = (i: Impl, v: Variant, n: number) => columns.get(i)?.get(v)?.get(n) ?? null;
  for (const v of variants) {
    const headers = ['n', ...present, ...ratios.map(([a, b]) => `${a}/${b}`)];
    const rows = sizes.map((n) => [String(n), ...present.map((i) => formatRate(rate(i, v, n))), ...ratios.map(([a, b]) => formatRatio(rate(a, v, n), rate(b, v, n)))]);
    printTable(`${v}: ${LABEL[v]}, n×n float32, GFLOP/s`, headers, rows);
  }
  if (columns.has('wasm-1t')) {
    const checks: string[] = [];
    for (const v of variants)
      for (const n of sizes) {
        const ours = rate('wasm-1t', v, n)!;
        if (n >= 256 && n <= 1024 && ours < 35) checks.push(`${v} ${n}: ${formatRate(ours)} < 35 GFLOP/s`);
        const tfw = rate('tfjs-wasm', v, n);
        if (n <= 128 && tfw !== null && ours < tfw) checks.push(`${v} ${n}: ${formatRate(ours)} below tfjs-wasm's ${formatRate(tfw)}`);
      }
    console.log(
      `\nTargets (wasm, one thread: >= 35 GFLOP/s at 256-1024, >= tfjs-wasm at 64-128): ${checks.length === 0 ? 'met' : `NOT met: ${checks.join('; ')}`}.`,
    );
  }
  for (const note of notes) console.log(`\n${note}`);
}

const { columns, descriptions, notes } = await measureAll();
report(columns, descriptions, notes);
