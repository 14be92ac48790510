import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gemm, installFastKernels, uninstallFastKernels, waitForFastKernelThreads } from '../../../src/engine/index.js';
import { compareWithOracle, type GemmCase } from './gemm-oracle.js';

// Random shapes around the kernels' edges: the 6×8 (or 4×8) register tile,
// 1-row and 1-column products, every transpose pair, accumulate on and off,
// and operands at offsets inside larger arrays (how batched matmul addresses
// one matrix of a batch).
const dim = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 70 }));
const gemmCase: fc.Arbitrary<GemmCase> = fc.record({
  m: dim,
  n: dim,
  k: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 90 })),
  transA: fc.boolean(),
  transB: fc.boolean(),
  accumulate: fc.boolean(),
  aOffset: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  bOffset: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  cOffset: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  tail: fc.integer({ min: 0, max: 9 }),
});

/** Shapes that cross the cache blocks (KC = 256 steps, MC = 120 rows, NC = 2048 columns). */
const blockEdges: GemmCase[] = [
  { m: 130, n: 67, k: 300, transA: false, transB: true, accumulate: true, aOffset: 3, bOffset: 0, cOffset: 5, tail: 4 },
  { m: 121, n: 9, k: 513, transA: true, transB: false, accumulate: false, aOffset: 0, bOffset: 7, cOffset: 0, tail: 1 },
  { m: 5, n: 2100, k: 17, transA: false, transB: false, accumulate: true, aOffset: 0, bOffset: 0, cOffset: 2, tail: 0 },
  { m: 7, n: 2053, k: 260, transA: true, transB: true, accumulate: false, aOffset: 1, bOffset: 1, cOffset: 1, tail: 3 },
  { m: 250, n: 1, k: 257, transA: false, transB: true, accumulate: true, aOffset: 0, bOffset: 0, cOffset: 0, tail: 0 },
  { m: 1, n: 250, k: 257, transA: true, transB: false, accumulate: false, aOffset: 0, bOffset: 0, cOffset: 0, tail: 0 },
];

const setups = [
  { kernel: 'wasm-relaxed-simd', relaxedSimd: true, threads: 1 },
  { kernel: 'wasm-relaxed-simd', relaxedSimd: true, threads: 2 },
  { kernel: 'wasm-simd', relaxedSimd: false, threads: 2 },
] as const;

for (const { kernel, relaxedSimd, threads } of setups) {
  describe(`${kernel} gemm against the TypeScript oracle, ${threads} thread(s)`, () => {
    beforeAll(() => {
      // Every product goes to WebAssembly, and (with 2 threads) every one that can be split is.
      const status = installFastKernels({ threads, relaxedSimd, minMacs: 0, parallelMacs: 0 });
      expect(status.kernel, status.reason).toBe(kernel);
      expect(waitForFastKernelThreads()).toBe(true);
    });
    afterAll(() => uninstallFastKernels());

    it('agrees within float32 rounding on random shapes, transposes, offsets and accumulation', () => {
      fc.assert(
        fc.property(gemmCase, fc.integer({ min: 1, max: 2 ** 30 }), (g, seed) => {
          expect(compareWithOracle(g, seed, gemm)).toBeNull();
        }),
        { numRuns: 400 },
      );
    });

    it.each(blockEdges.map((g) => [`${g.m}x${g.k}·${g.k}x${g.n} ${g.transA ? 'T' : 'N'}${g.transB ? 'T' : 'N'}`, g] as const))(
      'agrees across cache-block edges: %s',
      (_, g) => {
        expect(compareWithOracle(g, 99, gemm)).toBeNull();
      },
    );
  });
}
