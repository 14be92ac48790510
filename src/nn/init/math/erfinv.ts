import { fma32, fma64 } from '../../../engine/index.js';
import { erf } from './erf.js';
import { erff } from './erff.js';
import { expf } from './expf.js';
import { logf } from './logf.js';

/*
 * ATen's `calc_erfinv` (aten/src/ATen/native/Math.h, 1.13): a rational first
 * guess, then two Newton steps. The float32 version reproduces PyTorch's
 * x86-64 AVX2 kernel bit for bit: GCC fuses the polynomial steps into FMAs and
 * calls glibc's erff/expf/logf, all ported here (checked against
 * torch.erfinv for every float in [-1, 1]).
 */

const f = Math.fround;
const A = [0.886226899, -1.645349621, 0.914624893, -0.140543331];
const B = [-2.118377725, 1.442710462, -0.329097515, 0.012229801];
const C = [-1.970840454, -1.624906493, 3.429567803, 1.641345311];
const D = [3.5438892, 1.6370678];
const CENTRAL_RANGE = 0.7;
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

const A32 = A.map(f);
const B32 = B.map(f);
const C32 = C.map(f);
const D32 = D.map(f);
const CENTRAL_RANGE_32 = f(CENTRAL_RANGE);
const TWO_OVER_SQRT_PI_32 = f(2 / f(Math.sqrt(Math.PI)));

/** `calc_erfinv<float>`: float32 in, float32 out. */
export function erfinv32(y: number): number {
  const ya = Math.abs(y);
  if (ya > 1) return NaN;
  if (ya === 1) return y > 0 ? Infinity : -Infinity;
  let x: number;
  if (ya <= CENTRAL_RANGE_32) {
    const z = f(y * y);
    const num = fma32(fma32(fma32(A32[3], z, A32[2]), z, A32[1]), z, A32[0]);
    const dem = fma32(fma32(fma32(fma32(B32[3], z, B32[2]), z, B32[1]), z, B32[0]), z, 1);
    x = f(f(y * num) / dem);
  } else {
    const z = f(Math.sqrt(-logf(f((1 - ya) / 2))));
    const num = fma32(fma32(fma32(C32[3], z, C32[2]), z, C32[1]), z, C32[0]);
    const dem = fma32(fma32(D32[1], z, D32[0]), z, 1);
    x = f(copySign(num, y) / dem);
  }
  for (let step = 0; step < 2; step++) x = f(x - f(f(erff(x) - y) / f(TWO_OVER_SQRT_PI_32 * expf(f(-x * x)))));
  return x;
}

/** `calc_erfinv<double>`, same steps in double (within an ulp or so of PyTorch's, not bit-exact). */
export function erfinv64(y: number): number {
  const ya = Math.abs(y);
  if (ya > 1) return NaN;
  if (ya === 1) return y > 0 ? Infinity : -Infinity;
  let x: number;
  if (ya <= CENTRAL_RANGE) {
    const z = y * y;
    const num = fma64(fma64(fma64(A[3], z, A[2]), z, A[1]), z, A[0]);
    const dem = fma64(fma64(fma64(fma64(B[3], z, B[2]), z, B[1]), z, B[0]), z, 1);
    x = (y * num) / dem;
  } else {
    const z = Math.sqrt(-Math.log((1 - ya) / 2));
    const num = fma64(fma64(fma64(C[3], z, C[2]), z, C[1]), z, C[0]);
    const dem = fma64(fma64(D[1], z, D[0]), z, 1);
    x = copySign(num, y) / dem;
  }
  for (let step = 0; step < 2; step++) x = x - (erf(x) - y) / (TWO_OVER_SQRT_PI * Math.exp(-x * x));
  return x;
}

/** C's `copysign`, which reads the sign bit, so -0 counts as negative. */
function copySign(magnitude: number, sign: number): number {
  const negative = sign < 0 || Object.is(sign, -0);
  return negative ? -Math.abs(magnitude) : Math.abs(magnitude);
}
