import { asFloat, asUint } from './float-bits.js';
import { expf } from './expf.js';

/*
 * Single-precision erf as glibc 2.36 computes it: Sun's fdlibm s_erff.c, every
 * operation rounded to float as the SSE code does (glibc builds it without
 * FMA). Checked bit-exact against the system's erff for every |x| < 6.5.
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */

const f = Math.fround;
const TINY = f(1e-30);
const ERX = f(8.4506291151e-01);
const EFX = f(1.2837916613e-01);
const PP = [1.2837916613e-01, -3.2504209876e-01, -2.8481749818e-02, -5.7702702470e-03, -2.3763017452e-05].map(f);
const QQ = [1, 3.9791721106e-01, 6.5022252500e-02, 5.0813062117e-03, 1.3249473704e-04, -3.9602282413e-06].map(f);
const PA = [
  -2.3621185683e-03, 4.1485610604e-01, -3.7220788002e-01, 3.1834661961e-01, -1.1089469492e-01, 3.5478305072e-02,
  -2.1663755178e-03,
].map(f);
const QA = [1, 1.0642088205e-01, 5.4039794207e-01, 7.1828655899e-02, 1.2617121637e-01, 1.3637083583e-02, 1.1984500103e-02].map(f);
const RA = [
  -9.8649440333e-03, -6.9385856390e-01, -1.0558626175e+01, -6.2375331879e+01, -1.6239666748e+02, -1.8460508728e+02,
  -8.1287437439e+01, -9.8143291473e+00,
].map(f);
const SA = [
  1, 1.9651271820e+01, 1.3765776062e+02, 4.3456588745e+02, 6.4538726807e+02, 4.2900814819e+02, 1.0863500214e+02,
  6.5702495575e+00, -6.0424413532e-02,
].map(f);
const RB = [
  -9.8649431020e-03, -7.9928326607e-01, -1.7757955551e+01, -1.6063638306e+02, -6.3756646729e+02, -1.0250950928e+03,
  -4.8351919556e+02,
].map(f);
const SB = [
  1, 3.0338060379e+01, 3.2579251099e+02, 1.5367296143e+03, 3.1998581543e+03, 2.5530502930e+03, 4.7452853394e+02,
  -2.2440952301e+01,
].map(f);

/** `c[0] + s*(c[1] + s*(... + s*c[n]))` with float rounding after each operation. */
function horner(s: number, c: readonly number[]): number {
  let acc = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) acc = f(c[i] + f(s * acc));
  return acc;
}

export function erff(x: number): number {
  const hx = asUint(x) | 0;
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7f800000) return f((1 - ((hx >>> 31) << 1)) + f(1 / x)); // erf(nan)=nan, erf(±inf)=±1
  if (ix < 0x3f580000) {
    // |x| < 0.84375
    if (ix < 0x31800000) {
      if (ix < 0x04000000) return f(0.0625 * f(f(16 * x) + f(f(16 * EFX) * x)));
      return f(x + f(EFX * x));
    }
    const z = f(x * x);
    const y = f(horner(z, PP) / horner(z, QQ));
    return f(x + f(x * y));
  }
  if (ix < 0x3fa00000) {
    // 0.84375 <= |x| < 1.25
    const s = f(Math.abs(x) - 1);
    const pq = f(horner(s, PA) / horner(s, QA));
    return hx >= 0 ? f(ERX + pq) : f(-ERX - pq);
  }
  if (ix >= 0x40c00000) return hx >= 0 ? f(1 - TINY) : f(TINY - 1); // |x| >= 6
  const ax = Math.abs(x);
  const s = f(1 / f(ax * ax));
  const [R, S] = ix < 0x4036db6e ? [horner(s, RA), horner(s, SA)] : [horner(s, RB), horner(s, SB)];
  const z = asFloat(asUint(ax) & 0xfffff000);
  const r = f(expf(f(f(-z * z) - 0.5625)) * expf(f(f(f(z - ax) * f(z + ax)) + f(R / S))));
  return hx >= 0 ? f(1 - f(r / ax)) : f(f(r / ax) - 1);
}
