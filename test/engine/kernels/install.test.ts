import { afterEach, describe, expect, it } from 'vitest';
import {
  EngineArgumentError,
  fastKernelStatus,
  gemm,
  gemmReference,
  installFastKernels,
  uninstallFastKernels,
  waitForFastKernelThreads,
  type FloatArray,
  type GemmArgs,
} from '../../../src/engine/index.js';
import { filled } from './gemm-oracle.js';

function product(m: number, n: number, k: number, seed: number, make: (len: number, s: number) => FloatArray = filled) {
  const a = make(m * k, seed);
  const b = make(k * n, seed + 1);
  return (run: (args: GemmArgs) => void, extra: Partial<GemmArgs> = {}) => {
    const c = make(m * n, seed + 2);
    run({ m, n, k, a, b, c, ...extra });
    return c;
  };
}

const bits = (x: FloatArray) => Array.from(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));

describe('installFastKernels', () => {
  afterEach(() => uninstallFastKernels());

  it('keeps the TypeScript kernel, and says why, when the .wasm files are not built', () => {
    const status = installFastKernels({ wasmDir: '/nonexistent/wasm', threads: 2 });
    expect(status.kernel).toBe('typescript');
    expect(status.threads).toBe(1);
    expect(status.reason).toMatch(/not built \(run npm run build:wasm\)/);
    const run = product(37, 29, 41, 7);
    expect(bits(run(gemm, { transB: true }))).toEqual(bits(run(gemmReference, { transB: true })));
  });

  it('installs the relaxed-SIMD build by default and the plain SIMD build on request', () => {
    expect(installFastKernels({ threads: 1 })).toEqual({ kernel: 'wasm-relaxed-simd', threads: 1 });
    expect(fastKernelStatus().kernel).toBe('wasm-relaxed-simd');
    expect(installFastKernels({ threads: 1, relaxedSimd: false })).toEqual({ kernel: 'wasm-simd', threads: 1 });
  });

  it('rejects a thread count or memory bound it cannot honour, naming the option', () => {
    for (const threads of [0, 1.5, 10_000]) {
      const err = (() => {
        try {
          installFastKernels({ threads });
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(EngineArgumentError);
      expect((err as EngineArgumentError).details.field).toBe('threads');
    }
    expect(() => installFastKernels({ threads: 1, maxMemoryBytes: 1 << 20 })).toThrow(/maxMemoryBytes/);
  });

  it('leaves float64 products and products below minMacs to the TypeScript kernel, bit for bit', () => {
    installFastKernels({ threads: 1 });
    const f64 = product(20, 30, 40, 3, (len, s) => Float64Array.from(filled(len, s)));
    expect(bits(f64(gemm))).toEqual(bits(f64(gemmReference)));
    const tiny = product(2, 8, 4, 5); // the 4-8-1 toy's first layer on a batch of 2: 64 multiply-adds
    expect(bits(tiny(gemm, { transB: true, accumulate: true }))).toEqual(bits(tiny(gemmReference, { transB: true, accumulate: true })));
  });

  it('runs a product whose operands pass maxMemoryBytes on the TypeScript kernel', () => {
    installFastKernels({ threads: 1, maxMemoryBytes: 8 << 20 });
    const big = product(2100, 1, 1000, 11); // A alone is 8.4 MB
    expect(bits(big(gemm))).toEqual(bits(big(gemmReference)));
  });

  it('gives the same bits on 1 and 2 threads: a split only decides which thread computes a tile', () => {
    const shapes: Array<[number, number, number, Partial<GemmArgs>]> = [
      [256, 256, 300, {}],
      [128, 1024, 64, { transB: true }],
      [700, 64, 128, { transA: true, accumulate: true }],
    ];
    installFastKernels({ threads: 1, parallelMacs: 0 });
    const single = shapes.map(([m, n, k, extra], i) => product(m, n, k, i)(gemm, extra));
    installFastKernels({ threads: 2, parallelMacs: 0 });
    expect(waitForFastKernelThreads()).toBe(true);
    const parallel = shapes.map(([m, n, k, extra], i) => product(m, n, k, i)(gemm, extra));
    for (let i = 0; i < shapes.length; i++) expect(bits(parallel[i])).toEqual(bits(single[i]));
  });

  it('propagates NaN and infinity to the same elements as the oracle', () => {
    installFastKernels({ threads: 1, minMacs: 0 });
    const m = 13;
    const n = 11;
    const k = 9;
    const a = filled(m * k, 1);
    const b = filled(k * n, 2);
    a[3 * k + 4] = NaN; // row 3 of C
    b[2 * n + 7] = Infinity; // column 7 of C (inf·x, or NaN where x is 0 or NaN)
    const fast = new Float32Array(m * n);
    const ref = new Float32Array(m * n);
    gemm({ m, n, k, a, b, c: fast });
    gemmReference({ m, n, k, a, b, c: ref });
    for (let i = 0; i < m * n; i++) {
      expect(Number.isNaN(fast[i]), `C[${i}]`).toBe(Number.isNaN(ref[i]));
      if (!Number.isFinite(ref[i]) && !Number.isNaN(ref[i])) expect(fast[i]).toBe(ref[i]);
    }
  });

  it('puts the TypeScript kernel back on uninstall', async () => {
    installFastKernels({ threads: 2, minMacs: 0 });
    await uninstallFastKernels();
    expect(fastKernelStatus().kernel).toBe('typescript');
    const run = product(64, 64, 64, 9);
    expect(bits(run(gemm))).toEqual(bits(run(gemmReference)));
  });
});
