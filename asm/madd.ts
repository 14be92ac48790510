// c + a·b on four lanes. With relaxed SIMD this is one fused multiply-add
// (f32x4.relaxed_madd, which V8 lowers to vfmadd on x64 with FMA3); without
// it, a multiply and an add. Both agree with the TypeScript oracle to float32
// rounding, which is all the engine promises for gemm.
@inline
export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}
