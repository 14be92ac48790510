import { fmaSVS, fmaVSV, fmaVVS, fmaVVV } from './fma.js';

/**
 * `log256_ps` / `sincos256_ps` from ATen's avx_mathfun.h (Cephes float32
 * polynomials), as GCC 12 compiles them for PyTorch's AVX2 kernels: every
 * float op rounds to float32, and the multiplies GCC contracted into
 * vfmadd/vfnmadd/vfmsub (read from the -O2 -mavx2 -mfma disassembly) are
 * single-rounding fmas. In each `y*x + c` chain that is the *first* multiply; a
 * second product feeding the same add (`e*q1`) keeps its own rounding.
 *
 * Like the SIMD original, each step runs over all `n` lanes before the next:
 * one lane alone is a long dependency chain, while independent lanes side by
 * side keep the CPU's pipelines full.
 */

const fround = Math.fround;
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

const SQRTHF = fround(0.7071067811865476); // 0.707106781186547524 in the header
f32[0] = SQRTHF;
const SQRTHF_BITS = i32[0];
const LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1,
  2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(fround);
const LOG_Q1 = fround(-2.1219444e-4);
const LOG_Q2 = fround(0.693359375);
const MIN_NORM_POS = 2 ** -126;

const FOPI = fround(1.27323954473516);
const MINUS_DP1 = fround(-0.78515625);
const MINUS_DP2 = fround(-2.4187564849853515625e-4);
const MINUS_DP3 = fround(-3.774894977445941e-8); // -3.77489497744594108e-8 in the header
const SIN_P0 = fround(-1.9515295891e-4);
const SIN_P1 = fround(8.3321608736e-3);
const SIN_P2 = fround(-1.6666654611e-1);
const COS_P0 = fround(2.443315711809948e-5);
const COS_P1 = fround(-1.388731625493765e-3);
const COS_P2 = fround(4.166664568298827e-2);

/** Scratch lanes, grown on demand and reused across calls. */
let xs = new Float64Array(0);
let ys = new Float64Array(0);
let zs = new Float64Array(0);
let es = new Float64Array(0);
let ts = new Float64Array(0);
function lanes(n: number): void {
  if (xs.length >= n) return;
  xs = new Float64Array(n);
  ys = new Float64Array(n);
  zs = new Float64Array(n);
  es = new Float64Array(n);
  ts = new Float64Array(n);
}

/** `out[i] = log256_ps(v[i])` for i < n. */
export function log256(v: Float64Array, out: Float64Array, n: number): void {
  lanes(n);
  const x = xs;
  const y = ys;
  const z = zs;
  const e = es;
  const t = ts;
  for (let i = 0; i < n; i++) {
    const a = v[i];
    f32[0] = a < MIN_NORM_POS ? MIN_NORM_POS : a;
    const bits = i32[0];
    const e0 = (bits >>> 23) - 126;
    i32[0] = (bits & ~0x7f800000) | 0x3f000000;
    const mant = f32[0];
    // below sqrt(1/2): e - 1 and x = (mant - 1) + mant, else x = mant - 1;
    // selected with a 0/1 factor, as the lane mask does, since a branch on
    // random data mispredicts half the time
    const below = ((i32[0] - SQRTHF_BITS) >>> 31) as 0 | 1;
    const xi = fround(fround(mant - 1) + mant * below);
    e[i] = e0 - below;
    x[i] = xi;
    z[i] = fround(xi * xi);
  }
  fmaSVS(y, LOG_P[0], x, LOG_P[1], n);
  for (let k = 2; k < 9; k++) fmaVVS(y, y, x, LOG_P[k], n);
  for (let i = 0; i < n; i++) {
    y[i] = fround(y[i] * x[i]);
    t[i] = fround(e[i] * LOG_Q1);
  }
  fmaVVV(y, y, z, t, n);
  fmaVSV(y, z, -0.5, y, n); // vfnmadd: y - z*0.5
  for (let i = 0; i < n; i++) t[i] = fround(x[i] + y[i]);
  fmaVSV(out, e, LOG_Q2, t, n);
  // the invalid mask ORs all ones (NaN) into lanes <= 0
  for (let i = 0; i < n; i++) if (!(v[i] > 0)) out[i] = NaN;
}

/** `sincos256_ps` on lanes i < n: `s[i] = sin(v[i])`, `c[i] = cos(v[i])`. */
export function sincos256(v: Float64Array, s: Float64Array, c: Float64Array, n: number): void {
  lanes(n);
  const x = xs;
  const z = zs;
  const q = es;
  const t = ts;
  for (let i = 0; i < n; i++) {
    x[i] = Math.abs(v[i]);
    // cvttps_epi32 truncates; j = (j + 1) & ~1 picks the octant pair
    q[i] = ((fround(x[i] * FOPI) | 0) + 1) & ~1;
  }
  // x - j*pi/4 in three fused steps (extended-precision Cody-Waite)
  fmaVSV(x, q, MINUS_DP1, x, n);
  fmaVSV(x, q, MINUS_DP2, x, n);
  fmaVSV(x, q, MINUS_DP3, x, n);
  for (let i = 0; i < n; i++) {
    const zi = fround(x[i] * x[i]);
    z[i] = zi;
    t[i] = -fround(zi * 0.5);
  }
  // cos polynomial into c: ((p0 z + p1) z + p2) z z - z/2 + 1
  fmaSVS(c, COS_P0, z, COS_P1, n);
  fmaVVS(c, c, z, COS_P2, n);
  for (let i = 0; i < n; i++) c[i] = fround(c[i] * z[i]);
  fmaVVV(c, c, z, t, n);
  for (let i = 0; i < n; i++) c[i] = fround(c[i] + 1);
  // sin polynomial into s: ((p0 z + p1) z + p2) z x + x
  fmaSVS(s, SIN_P0, z, SIN_P1, n);
  fmaVVS(s, s, z, SIN_P2, n);
  for (let i = 0; i < n; i++) s[i] = fround(s[i] * z[i]);
  fmaVVV(s, s, x, x, n);
  blend(v, q, s, c, n);
}

const pick = new Float64Array(2);

/** Picks the sin/cos polynomial per octant and applies the signs, branch-free. */
function blend(v: Float64Array, q: Float64Array, s: Float64Array, c: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const j = q[i];
    // w = 1 swaps the polynomials; adding the +0 lane turns -0 into +0 as
    // _mm256_add_ps does; signs are +-1 factors, not branches on random data
    const w = (j >> 1) & 1;
    pick[0] = s[i];
    pick[1] = c[i];
    const a = v[i];
    const negative = a < 0 || (a === 0 && 1 / a < 0) ? 1 : 0;
    s[i] = (pick[w] + 0) * (1 - 2 * (((j >> 2) & 1) ^ negative));
    c[i] = (pick[1 - w] + 0) * (1 - 2 * ((((j - 2) >> 2) & 1) ^ 1));
  }
}
