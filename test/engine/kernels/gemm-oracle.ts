import { gemmReference, type GemmArgs } from '../../../src/engine/index.js';

/** A gemm problem with room around each operand, so offsets and untouched borders are exercised. */
export interface GemmCase {
  m: number;
  n: number;
  k: number;
  transA: boolean;
  transB: boolean;
  accumulate: boolean;
  aOffset: number;
  bOffset: number;
  cOffset: number;
  /** Extra elements after each operand. */
  tail: number;
}

/** Deterministic values in [-1, 1) from a seed (a tiny LCG; the property test supplies the seed). */
export function filled(length: number, seed: number): Float32Array {
  const out = new Float32Array(length);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

export function operands(g: GemmCase, seed: number) {
  const a = filled(g.aOffset + g.m * g.k + g.tail, seed);
  const b = filled(g.bOffset + g.k * g.n + g.tail, seed + 1);
  const c = filled(g.cOffset + g.m * g.n + g.tail, seed + 2);
  return { a, b, c };
}

export function argsOf(g: GemmCase, a: Float32Array, b: Float32Array, c: Float32Array): GemmArgs {
  return { m: g.m, n: g.n, k: g.k, a, aOffset: g.aOffset, transA: g.transA, b, bOffset: g.bOffset, transB: g.transB, c, cOffset: g.cOffset, accumulate: g.accumulate };
}

/**
 * The float32 error bound of one element of C: any order of float32
 * multiply-adds over k terms (fused or not) stays within
 * γ(k+1)·(|c| + Σ|a·b|), γ(j) = j·u/(1 − j·u), u = 2⁻²⁴ (Higham, §3.1); the
 * oracle itself sums in double and rounds once, which adds u·|result|.
 * Computed here in double from the operands, so the tolerance follows the
 * data rather than a constant.
 */
export function errorBounds(g: GemmCase, a: Float32Array, b: Float32Array, c0: Float32Array): Float64Array {
  const u = 2 ** -24;
  const j = g.k + 2;
  const gamma = (j * u) / (1 - j * u);
  const out = new Float64Array(g.m * g.n);
  for (let i = 0; i < g.m; i++)
    for (let jj = 0; jj < g.n; jj++) {
      let s = g.accumulate ? Math.abs(c0[g.cOffset + i * g.n + jj]) : 0;
      for (let p = 0; p < g.k; p++) {
        const av = g.transA ? a[g.aOffset + p * g.m + i] : a[g.aOffset + i * g.k + p];
        const bv = g.transB ? b[g.bOffset + jj * g.k + p] : b[g.bOffset + p * g.n + jj];
        s += Math.abs(av * bv);
      }
      out[i * g.n + jj] = gamma * s + Number.MIN_VALUE;
    }
  return out;
}

/**
 * Runs `gemm` and the oracle on copies of the same operands and returns the
 * first disagreement: an element of C beyond its error bound, or any element
 * outside C's window (before cOffset, after the m·n block) that changed.
 */
export function compareWithOracle(g: GemmCase, seed: number, gemm: (args: GemmArgs) => void): string | null {
  const { a, b, c } = operands(g, seed);
  const cFast = c.slice();
  const cRef = c.slice();
  gemm(argsOf(g, a, b, cFast));
  gemmReference(argsOf(g, a, b, cRef));
  const bound = errorBounds(g, a, b, c);
  for (let i = 0; i < c.length; i++) {
    const inside = i >= g.cOffset && i < g.cOffset + g.m * g.n;
    if (!inside) {
      if (!Object.is(cFast[i], c[i])) return `element ${i} outside C changed: ${c[i]} -> ${cFast[i]}`;
      continue;
    }
    const err = Math.abs(cFast[i] - cRef[i]);
    if (!(err <= bound[i - g.cOffset])) return `C[${i - g.cOffset}] = ${cFast[i]}, oracle ${cRef[i]}, |diff| ${err} > bound ${bound[i - g.cOffset]}`;
  }
  return null;
}
