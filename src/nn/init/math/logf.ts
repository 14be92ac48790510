import { asFloat, asUint } from './float-bits.js';
import { hexFloat } from './hex-float.js';

/*
 * Single-precision log as glibc 2.36 computes it, ported from its source,
 * ARM's optimized-routines math/logf.c (Copyright (c) 2017-2018, Arm Limited;
 * SPDX-License-Identifier: MIT). Checked bit-exact against the system's logf
 * for every positive float (its FMA and plain variants agree there).
 */

const TABLE_BITS = 4;
const N = 1 << TABLE_BITS;
const OFF = 0x3f330000;
const TAB: readonly (readonly [invc: number, logc: number])[] = [
  ['0x1.661ec79f8f3bep+0', '-0x1.57bf7808caadep-2'],
  ['0x1.571ed4aaf883dp+0', '-0x1.2bef0a7c06ddbp-2'],
  ['0x1.49539f0f010bp+0', '-0x1.01eae7f513a67p-2'],
  ['0x1.3c995b0b80385p+0', '-0x1.b31d8a68224e9p-3'],
  ['0x1.30d190c8864a5p+0', '-0x1.6574f0ac07758p-3'],
  ['0x1.25e227b0b8eap+0', '-0x1.1aa2bc79c81p-3'],
  ['0x1.1bb4a4a1a343fp+0', '-0x1.a4e76ce8c0e5ep-4'],
  ['0x1.12358f08ae5bap+0', '-0x1.1973c5a611cccp-4'],
  ['0x1.0953f419900a7p+0', '-0x1.252f438e10c1ep-5'],
  ['0x1p+0', '0x0p+0'],
  ['0x1.e608cfd9a47acp-1', '0x1.aa5aa5df25984p-5'],
  ['0x1.ca4b31f026aap-1', '0x1.c5e53aa362eb4p-4'],
  ['0x1.b2036576afce6p-1', '0x1.526e57720db08p-3'],
  ['0x1.9c2d163a1aa2dp-1', '0x1.bc2860d22477p-3'],
  ['0x1.886e6037841edp-1', '0x1.1058bc8a07ee1p-2'],
  ['0x1.767dcf5534862p-1', '0x1.4043057b6ee09p-2'],
].map(([invc, logc]) => [hexFloat(invc), hexFloat(logc)] as const);
const LN2 = hexFloat('0x1.62e42fefa39efp-1');
const A0 = hexFloat('-0x1.00ea348b88334p-2');
const A1 = hexFloat('0x1.5575b0be00b6ap-2');
const A2 = hexFloat('-0x1.ffffef20a4123p-2');

export function logf(x: number): number {
  let ix = asUint(x);
  if (ix === 0x3f800000) return 0;
  if ((ix - 0x00800000) >>> 0 >= 0x7f800000 - 0x00800000) {
    // x < 0x1p-126, inf or nan
    if (((ix * 2) >>> 0) === 0) return -Infinity;
    if (ix === 0x7f800000) return x;
    if (ix & 0x80000000 || (ix * 2) >>> 0 >= 0xff000000) return NaN;
    ix = (asUint(Math.fround(x * 2 ** 23)) - (23 << 23)) >>> 0; // subnormal: normalise
  }
  // x = 2^k z, z in [OFF, 2*OFF] split into N subintervals around c
  const tmp = (ix - OFF) >>> 0;
  const i = (tmp >>> (23 - TABLE_BITS)) % N;
  const k = (tmp | 0) >> 23;
  const iz = (ix - (tmp & 0xff800000)) >>> 0;
  const [invc, logc] = TAB[i];
  const z = asFloat(iz);
  // log(x) = log1p(z/c - 1) + log(c) + k*ln2
  const r = z * invc - 1;
  const y0 = logc + k * LN2;
  const r2 = r * r;
  let y = A1 * r + A2;
  y = A0 * r2 + y;
  y = y * r2 + (y0 + r);
  return Math.fround(y);
}
