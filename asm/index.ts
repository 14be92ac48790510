// The engine's WebAssembly kernels. Built by scripts/build-wasm.mjs into
// build/wasm/ twice: with relaxed SIMD (fused multiply-add) and with plain
// SIMD128, for runtimes that lack relaxed SIMD.
import { MR, NR } from './micro-kernel';

export { gemm, workBytes, packAFull, packBFull, packedABytes, packedBBytes } from './gemm';

/** Rows of the micro-kernel's tile: a parallel split by rows keeps slices a multiple of it. */
export function tileRows(): i32 {
  return MR;
}

/** Columns of the micro-kernel's tile: a parallel split by columns keeps slices a multiple of it. */
export function tileCols(): i32 {
  return NR;
}
