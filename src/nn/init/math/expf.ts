import { fma64 } from '../../../engine/index.js';
import { asUint } from './float-bits.js';
import { hexFloat } from './hex-float.js';

/*
 * Single-precision e^x as glibc 2.36 computes it on x86-64, ported from its
 * source, ARM's optimized-routines math/expf.c (Copyright (c) 2017-2018, Arm
 * Limited; SPDX-License-Identifier: MIT), which glibc ships unchanged. x86-64
 * runs its FMA ifunc variant, where GCC fuses every `a*b + c`, including the
 * rounding step `InvLn2N*x + SHIFT`; so does this port. Checked bit-exact
 * against the system's expf for every float in [-103.97, 88.72].
 */

const TABLE_BITS = 5;
const N = 1 << TABLE_BITS;
const TAB = [
  0x3ff0000000000000n, 0x3fefd9b0d3158574n, 0x3fefb5586cf9890fn, 0x3fef9301d0125b51n,
  0x3fef72b83c7d517bn, 0x3fef54873168b9aan, 0x3fef387a6e756238n, 0x3fef1e9df51fdee1n,
  0x3fef06fe0a31b715n, 0x3feef1a7373aa9cbn, 0x3feedea64c123422n, 0x3feece086061892dn,
  0x3feebfdad5362a27n, 0x3feeb42b569d4f82n, 0x3feeab07dd485429n, 0x3feea47eb03a5585n,
  0x3feea09e667f3bcdn, 0x3fee9f75e8ec5f74n, 0x3feea11473eb0187n, 0x3feea589994cce13n,
  0x3feeace5422aa0dbn, 0x3feeb737b0cdc5e5n, 0x3feec49182a3f090n, 0x3feed503b23e255dn,
  0x3feee89f995ad3adn, 0x3feeff76f2fb5e47n, 0x3fef199bdd85529cn, 0x3fef3720dcef9069n,
  0x3fef5818dcfba487n, 0x3fef7c97337b9b5fn, 0x3fefa4afa2a490dan, 0x3fefd0765b6e4540n,
];

/** 2^(i/N) as doubles: `asdouble(tab[i] + (i << 52-BITS))`, the table's own encoding undone. */
const POW2_FRACTION = (() => {
  const d = new Float64Array(1);
  const w = new BigUint64Array(d.buffer);
  return TAB.map((bits, i) => {
    w[0] = bits + (BigInt(i) << BigInt(52 - TABLE_BITS));
    return d[0];
  });
})();

const INV_LN2_N = hexFloat('0x1.71547652b82fep+0') * N;
const SHIFT = hexFloat('0x1.8p+52');
const C0 = hexFloat('0x1.c6af84b912394p-5') / N / N / N;
const C1 = hexFloat('0x1.ebfce50fac4f3p-3') / N / N;
const C2 = hexFloat('0x1.62e42ff0c52d6p-1') / N;
const TOP12_88 = asUint(88) >>> 20;
const OVERFLOW_BOUND = hexFloat('0x1.62e42ep6');
const UNDERFLOW_BOUND = -hexFloat('0x1.9fe368p6');

export function expf(x: number): number {
  const abstop = (asUint(x) >>> 20) & 0x7ff;
  if (abstop >= TOP12_88) {
    if (x === -Infinity) return 0;
    if (abstop >= 0x7f8) return x + x;
    if (x > OVERFLOW_BOUND) return Infinity;
    if (x < UNDERFLOW_BOUND) return 0;
  }
  // x*N/ln2 = k + r, k rounded to nearest even by the SHIFT trick
  const kd = fma64(INV_LN2_N, x, SHIFT) - SHIFT;
  const r = fma64(INV_LN2_N, x, -kd);
  // 2^(k/N): the table holds the fraction, the integer part is an exact power of two
  const s = POW2_FRACTION[kd & (N - 1)] * 2 ** Math.floor(kd / N);
  const z = fma64(C0, r, C1);
  const r2 = r * r;
  let y = fma64(C2, r, 1);
  y = fma64(z, r2, y);
  return Math.fround(y * s);
}
