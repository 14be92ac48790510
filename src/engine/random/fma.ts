/**
 * Fused multiply-add emulation. GCC contracts `a*b + c` into FMA instructions in
 * PyTorch's AVX2 kernels, so the reproduction must round once, not twice.
 */

import type { FloatArray } from '../dtype.js';

const fround = Math.fround;

/**
 * float32 `fma(a, b, c)` for float32 inputs. `a*b` is exact in double (48 bits),
 * so `a*b + c` is one double rounding away from exact; that second rounding can
 * only change the float result when the double sum sits exactly on a float
 * midpoint, which is detected and resolved with the exact error term.
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const f = fround(s);
  // 2s - f is exact, and a float other than f iff s is a float midpoint
  const g = 2 * s - f;
  return g === f || fround(g) !== g ? f : fma32Tie(p, c, s, f, g);
}

/** s = p + c is a float midpoint between f and g: the exact error picks the side. */
function fma32Tie(p: number, c: number, s: number, f: number, g: number): number {
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  if (err === 0) return f;
  return err > 0 ? Math.max(f, g) : Math.min(f, g);
}

// Ties are rare (about 2^-29 per fma), so without this the first one met in a
// hot loop finds no type feedback and deoptimizes the whole loop.
for (const [p, c] of [[1 + 2 ** -24, 2 ** -60], [1 + 2 ** -24, -(2 ** -60)], [1 + 2 ** -24, 0]]) {
  const s = p + c;
  fma32Tie(p, c, s, fround(s), 2 * s - fround(s));
}

// Lane-wise fma32 (V = lane array, S = scalar), like a vfmadd on a register of
// lanes. The body of fma32 is written out in each loop: the hot paths must not
// depend on V8 inlining a call, because a call that is not inlined boxes its
// double result (one heap allocation per lane). For the same reason the rare
// tie result is stored by a separate statement rather than merged with `f` in
// a conditional expression, and the product is taken before the tie test so
// the rarely taken branch holds no arithmetic without type feedback.

/** `out[i] = fma32(a[i], b[i], c)` */
export function fmaVVS(out: Float64Array, a: Float64Array, b: Float64Array, c: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const ai = a[i];
    const bi = b[i];
    const p = ai * bi;
    const s = p + c;
    const f = fround(s);
    const g = 2 * s - f;
    out[i] = f;
    if (g !== f && fround(g) === g) out[i] = fma32Tie(p, c, s, f, g);
  }
}

/** `out[i] = fma32(a, b[i], c)` */
export function fmaSVS(out: Float64Array, a: number, b: Float64Array, c: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const bi = b[i];
    const p = a * bi;
    const s = p + c;
    const f = fround(s);
    const g = 2 * s - f;
    out[i] = f;
    if (g !== f && fround(g) === g) out[i] = fma32Tie(p, c, s, f, g);
  }
}

/** `out[i] = fma32(a[i], b, c)` (float32 or float64 lanes) */
export function fmaVSS(out: FloatArray, a: FloatArray, b: number, c: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const ai = a[i];
    const p = ai * b;
    const s = p + c;
    const f = fround(s);
    const g = 2 * s - f;
    out[i] = f;
    if (g !== f && fround(g) === g) out[i] = fma32Tie(p, c, s, f, g);
  }
}

/** `out[i] = fma32(a[i], b[i], c[i])` */
export function fmaVVV(out: Float64Array, a: Float64Array, b: Float64Array, c: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const ai = a[i];
    const bi = b[i];
    const ci = c[i];
    const p = ai * bi;
    const s = p + ci;
    const f = fround(s);
    const g = 2 * s - f;
    out[i] = f;
    if (g !== f && fround(g) === g) out[i] = fma32Tie(p, ci, s, f, g);
  }
}

/** `out[i] = fma32(a[i], b, c[i])` */
export function fmaVSV(out: Float64Array, a: Float64Array, b: number, c: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const ai = a[i];
    const ci = c[i];
    const p = ai * b;
    const s = p + ci;
    const f = fround(s);
    const g = 2 * s - f;
    out[i] = f;
    if (g !== f && fround(g) === g) out[i] = fma32Tie(p, ci, s, f, g);
  }
}

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const LO = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

/** `x + y` rounded to odd (Boldo-Melquiond), the step that makes the emulated fma exact. */
function addRoundToOdd(x: number, y: number): number {
  const s = x + y;
  const bb = s - x;
  const err = x - (s - bb) + (y - bb);
  if (err === 0) return s;
  scratch[0] = s;
  if (words[LO] & 1) return s;
  // move one ulp towards the discarded error: away from zero iff signs agree
  const away = err > 0 === s > 0;
  let lo = words[LO];
  let hi = words[HI];
  if (away) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  words[LO] = lo;
  words[HI] = hi;
  return scratch[0];
}

/**
 * float64 `fma(a, b, c)` (Boldo-Melquiond: exact product, TwoSum, round-to-odd).
 * Exact unless the product is within reach of overflow or underflow, which the
 * random kernels never produce; there it degrades to `a*b + c`.
 */
export function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  const ap = Math.abs(p);
  if (!(ap < 1e300 && ap > 1e-290) || !Number.isFinite(c) || Math.abs(a) > 1e300 || Math.abs(b) > 1e300)
    return p + c;
  const ta = SPLIT * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLIT * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  const pe = ah * bh - p + ah * bl + al * bh + al * bl;
  const th = c + p;
  const bb = th - c;
  const tl = c - (th - bb) + (p - bb);
  return th + addRoundToOdd(tl, pe);
}
