/**
 * `fl32(a·b + c)` with one rounding: what PyTorch's AVX2 CPU kernels compute
 * for `x.add_(y, alpha=a)` (`vec::fmadd(y, alpha, x)`) and for the
 * GCC-contracted multiply-add of `addcmul_`. `a`, `b`, `c` must be float32
 * values. Their product is exact in double, so only the sum is rounded twice
 * (to double, then to float32); that goes wrong only when the double sum lands
 * exactly halfway between two float32s, which is detected and settled by the
 * sign of the sum's rounding error.
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = Math.fround(s);
  const d = s - r;
  if (d === 0) return r;
  const far = r + 2 * d;
  // Not halfway (or not finite): the double rounding of s cannot have changed r.
  if (Math.fround(far) !== far) return r;
  // Knuth's TwoSum: the part of p + c that rounding s dropped.
  const cv = s - p;
  const err = p - (s - cv) + (c - cv);
  if (err === 0) return r; // a true tie: fround already rounded it to even
  return (err > 0) === (d > 0) ? far : r;
}
