import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addmm,
  fromArray,
  gemmReference,
  installFastKernels,
  linear,
  matmul,
  setGemm,
  uninstallFastKernels,
  waitForFastKernelThreads,
  type Tensor,
} from '../../../src/engine/index.js';
import { installedGemm } from '../../../src/engine/kernels/matmul.js';
import { filled } from './gemm-oracle.js';

// The ops that call gemm (linear, addmm, batched matmul), forward and
// backward, on the fast kernels against the same ops on the TypeScript
// oracle, with biases of every broadcastable shape. The gradient fed to
// backward is fixed, so each result differs from the oracle's only by the
// rounding of its own products.

const u = 2 ** -24;
const gamma = (k: number) => ((k + 2) * u) / (1 - (k + 2) * u);
const abs = (x: Float32Array) => x.map(Math.abs);

/**
 * |fast − oracle| ≤ γ(k+2)·(|C₀| + |op(A)|·|op(B)|) elementwise: the float32
 * bound for any order of k multiply-adds, the magnitudes computed by the
 * oracle itself on absolute values.
 */
function expectWithinProductBound(fast: ArrayLike<number>, ref: ArrayLike<number>, magnitude: Float32Array, k: number, what: string): void {
  for (let i = 0; i < ref.length; i++) {
    const bound = gamma(k) * magnitude[i] + Number.MIN_VALUE;
    expect(Math.abs(fast[i] - ref[i]), `${what}[${i}]: ${fast[i]} vs oracle ${ref[i]}`).toBeLessThanOrEqual(bound);
  }
}

function magnitudeOf(m: number, n: number, k: number, a: Float32Array, b: Float32Array, opts: { transA?: boolean; transB?: boolean; c0?: Float32Array }): Float32Array {
  const c = opts.c0 === undefined ? new Float32Array(m * n) : abs(opts.c0);
  gemmReference({ m, n, k, a: abs(a), b: abs(b), c, transA: opts.transA, transB: opts.transB, accumulate: opts.c0 !== undefined });
  return c;
}

/** Runs `f` once on the installed fast kernels and once on the oracle. */
function both<T>(f: () => T): { fast: T; ref: T } {
  const fastKernel = installedGemm();
  const fast = f();
  setGemm(null);
  try {
    return { fast, ref: f() };
  } finally {
    setGemm(fastKernel);
  }
}

const leaf = (data: Float32Array, shape: number[]) => fromArray(data.slice(), shape, true);

/** Bias shapes that broadcast to [m, n] (addmm's rule) and the [m, n] values each stands for. */
function biasShapes(m: number, n: number): number[][] {
  return [[n], [1, n], [m, 1], [1], [], [m, n]];
}

function expandBias(bias: Float32Array, shape: number[], m: number, n: number): Float32Array {
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const bi = shape.length === 2 ? (shape[0] === 1 ? 0 : i) * shape[1] + (shape[1] === 1 ? 0 : j) : shape.length === 1 && shape[0] === n ? j : 0;
      out[i * n + j] = bias[bi];
    }
  return out;
}

describe('ops on the fast kernels against the same ops on the oracle', () => {
  beforeAll(() => {
    expect(installFastKernels({ threads: 2, minMacs: 0, parallelMacs: 0 }).kernel).toMatch(/^wasm-/);
    waitForFastKernelThreads();
  });
  afterAll(() => uninstallFastKernels());

  const dims = fc.record({ m: fc.integer({ min: 1, max: 40 }), inF: fc.integer({ min: 1, max: 40 }), outF: fc.integer({ min: 1, max: 40 }), seed: fc.nat() });

  it('linear(x, W, b) and its gradients, b of shape [out]', () => {
    fc.assert(
      fc.property(dims, ({ m, inF, outF, seed }) => {
        const xd = filled(m * inF, seed);
        const wd = filled(outF * inF, seed + 1);
        const bd = filled(outF, seed + 2);
        const gy = filled(m * outF, seed + 3);
        const run = () => {
          const x = leaf(xd, [m, inF]);
          const w = leaf(wd, [outF, inF]);
          const b = leaf(bd, [outF]);
          const y = linear(x, w, b);
          y.backward(fromArray(gy.slice(), [m, outF]));
          return { y: y.data, gx: x.grad!.data, gw: w.grad!.data, gb: b.grad!.data };
        };
        const { fast, ref } = both(run);
        expectWithinProductBound(fast.y, ref.y, magnitudeOf(m, outF, inF, xd, wd, { transB: true, c0: expandBias(bd, [outF], m, outF) }), inF, 'y');
        expectWithinProductBound(fast.gx, ref.gx, magnitudeOf(m, inF, outF, gy, wd, {}), outF, 'dx');
        expectWithinProductBound(fast.gw, ref.gw, magnitudeOf(outF, inF, m, gy, xd, { transA: true }), m, 'dW');
        // The bias gradient is a row sum outside gemm: the very same arithmetic.
        expect(Array.from(fast.gb)).toEqual(Array.from(ref.gb));
      }),
      { numRuns: 150 },
    );
  });

  it('addmm(bias, A, B) with every broadcastable bias shape, and its gradients', () => {
    fc.assert(
      fc.property(dims, fc.nat(5), ({ m, inF: k, outF: n, seed }, which) => {
        const shape = biasShapes(m, n)[which];
        const size = shape.reduce((p, d) => p * d, 1);
        const ad = filled(m * k, seed);
        const bd = filled(k * n, seed + 1);
        const cd = filled(size, seed + 2);
        const gy = filled(m * n, seed + 3);
        const run = () => {
          const bias: Tensor = leaf(cd, shape);
          const a = leaf(ad, [m, k]);
          const b = leaf(bd, [k, n]);
          const y = addmm(bias, a, b);
          y.backward(fromArray(gy.slice(), [m, n]));
          return { y: y.data, ga: a.grad!.data, gb: b.grad!.data, gbias: bias.grad!.data };
        };
        const { fast, ref } = both(run);
        expectWithinProductBound(fast.y, ref.y, magnitudeOf(m, n, k, ad, bd, { c0: expandBias(cd, shape, m, n) }), k, `y (bias ${JSON.stringify(shape)})`);
        expectWithinProductBound(fast.ga, ref.ga, magnitudeOf(m, k, n, gy, bd, { transB: true }), n, 'dA');
        expectWithinProductBound(fast.gb, ref.gb, magnitudeOf(k, n, m, ad, gy, { transA: true }), m, 'dB');
        expect(Array.from(fast.gbias)).toEqual(Array.from(ref.gbias));
      }),
      { numRuns: 150 },
    );
  });

  it('batched matmul with broadcast batch dims addresses each matrix at its offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.nat(), (bA, bB, m, k, n, seed) => {
        // a: [bA, 1, m, k] against b: [bB, k, n] → [bA, bB, m, n]
        const ad = filled(bA * m * k, seed);
        const bd = filled(bB * k * n, seed + 1);
        const gy = filled(bA * bB * m * n, seed + 2);
        const run = () => {
          const a = leaf(ad, [bA, 1, m, k]);
          const b = leaf(bd, [bB, k, n]);
          const y = matmul(a, b);
          y.backward(fromArray(gy.slice(), [bA, bB, m, n]));
          return { y: y.data, ga: a.grad!.data, gb: b.grad!.data };
        };
        const { fast, ref } = both(run);
        for (let i = 0; i < bA; i++)
          for (let j = 0; j < bB; j++) {
            const at = ad.subarray(i * m * k, (i + 1) * m * k);
            const bt = bd.subarray(j * k * n, (j + 1) * k * n);
            const o = (i * bB + j) * m * n;
            expectWithinProductBound(fast.y.subarray(o, o + m * n), ref.y.subarray(o, o + m * n), magnitudeOf(m, n, k, at, bt, {}), k, `y[${i},${j}]`);
          }
        // Gradients sum over the broadcast batch: bound them by the whole sum's magnitude.
        const gaMag = new Float32Array(bA * m * k);
        const gbMag = new Float32Array(bB * k * n);
        for (let i = 0; i < bA; i++)
          for (let j = 0; j < bB; j++) {
            const g = abs(gy.subarray((i * bB + j) * m * n, (i * bB + j + 1) * m * n));
            gemmReference({ m, n: k, k: n, a: g, b: abs(bd), bOffset: j * k * n, transB: true, c: gaMag, cOffset: i * m * k, accumulate: true });
            gemmReference({ m: k, n, k: m, a: abs(ad), aOffset: i * m * k, transA: true, b: g, c: gbMag, cOffset: j * k * n, accumulate: true });
          }
        expectWithinProductBound(fast.ga, ref.ga, gaMag, n * bB, 'dA');
        expectWithinProductBound(fast.gb, ref.gb, gbMag, m * bA, 'dB');
      }),
      { numRuns: 80 },
    );
  });
});
