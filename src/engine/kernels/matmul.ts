import type { FloatArray } from '../dtype.js';

/**
 * C[M×N] (+)= op(A) · op(B), row-major, on plain typed arrays.
 * op(A) is A (stored M×K) or Aᵀ (stored K×M); op(B) is B (stored K×N) or Bᵀ
 * (stored N×K). Transposes are handled by the loop order, never by copying,
 * so `X Wᵀ`, `dY W` and `dYᵀ X` (a Linear layer's forward and backward) all
 * read their operands in place. Sums are kept in double and stored once.
 *
 * This is the portable kernel and the oracle the fast kernels are tested
 * against; offsets let batched matmul address one matrix of a batch.
 */
export interface GemmArgs {
  m: number;
  n: number;
  k: number;
  a: FloatArray;
  aOffset?: number;
  transA?: boolean;
  b: FloatArray;
  bOffset?: number;
  transB?: boolean;
  c: FloatArray;
  cOffset?: number;
  /** Add into C instead of overwriting it. */
  accumulate?: boolean;
}

export function gemmReference(args: GemmArgs): void {
  const { m, n, k, a, b, c } = args;
  const ao = args.aOffset ?? 0;
  const bo = args.bOffset ?? 0;
  const co = args.cOffset ?? 0;
  const acc = args.accumulate ?? false;
  const ta = args.transA ?? false;
  const tb = args.transB ?? false;
  if (!ta && tb) {
    // rows of A against rows of B: both contiguous
    for (let i = 0; i < m; i++) {
      const ar = ao + i * k;
      for (let j = 0; j < n; j++) {
        const br = bo + j * k;
        let s = 0;
        for (let p = 0; p < k; p++) s += a[ar + p] * b[br + p];
        const ci = co + i * n + j;
        c[ci] = acc ? c[ci] + s : s;
      }
    }
    return;
  }
  // Otherwise accumulate rank-1 updates row by row into a double buffer, so B is read along its rows.
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const av = ta ? a[ao + p * m + i] : a[ao + i * k + p];
      if (tb) {
        for (let j = 0; j < n; j++) row[j] += av * b[bo + j * k + p];
      } else {
        const br = bo + p * n;
        for (let j = 0; j < n; j++) row[j] += av * b[br + j];
      }
    }
    const cr = co + i * n;
    if (acc) for (let j = 0; j < n; j++) c[cr + j] += row[j];
    else for (let j = 0; j < n; j++) c[cr + j] = row[j];
  }
}

/**
 * The gemm the ops call. A fast kernel (WebAssembly SIMD, worker pool) can be
 * installed at start-up; it must agree with `gemmReference` to float32 rounding.
 */
export type Gemm = (args: GemmArgs) => void;
let activeGemm: Gemm = gemmReference;

export function gemm(args: GemmArgs): void {
  activeGemm(args);
}

export function setGemm(kernel: Gemm | null): void {
  activeGemm = kernel ?? gemmReference;
}

/** The kernel `gemm` calls now (benchmarks wrap it to time the products of a step). */
export function installedGemm(): Gemm {
  return activeGemm;
}
