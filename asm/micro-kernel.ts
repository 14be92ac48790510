import { madd } from './madd';

/**
 * Rows of C one micro-kernel call produces. Six with fused multiply-add: 12
 * accumulators + 2 B vectors + 1 broadcast A = 15 vector registers, exactly
 * what V8 allocates on x64. A separate multiply and add needs one more
 * register for the product, so without relaxed SIMD six rows would spill and
 * four are faster (measured here: 6×8 FMA ~50 GFLOP/s, 6×8 mul+add ~26, 4×8
 * mul+add ~37).
 */
export const MR: i32 = ASC_FEATURE_RELAXED_SIMD ? 6 : 4;
/** Columns of C one micro-kernel call produces: two f32x4 vectors. */
export const NR: i32 = 8;

@inline
function storeRow(ptr: usize, lo: v128, hi: v128, beta: bool): void {
  if (beta) {
    lo = f32x4.add(v128.load(ptr), lo);
    hi = f32x4.add(v128.load(ptr, 16), hi);
  }
  v128.store(ptr, lo);
  v128.store(ptr, hi, 16);
}

/**
 * C[MR×NR] (+)= Ap · Bp over kc steps, all in registers: Ap is an MR-row
 * panel packed k-major (MR floats per step), Bp an NR-column panel packed
 * k-major (NR floats per step). The 2·MR accumulators are independent, which
 * hides the multiply-add latency on both vector pipes. A partial tile at the
 * matrix edge goes through `tile` (MR×NR floats of scratch) and only its
 * valid part is written. (Rows 4 and 5 compile away when MR is 4.)
 */
export function microKernel(
  kc: i32, ap: usize, bp: usize,
  c: usize, ldcBytes: usize, rows: i32, cols: i32, beta: bool, tile: usize,
): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  let c40 = f32x4.splat(0), c41 = f32x4.splat(0);
  let c50 = f32x4.splat(0), c51 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let a = v128.load32_splat(ap);
    c00 = madd(a, b0, c00); c01 = madd(a, b1, c01);
    a = v128.load32_splat(ap, 4);
    c10 = madd(a, b0, c10); c11 = madd(a, b1, c11);
    a = v128.load32_splat(ap, 8);
    c20 = madd(a, b0, c20); c21 = madd(a, b1, c21);
    a = v128.load32_splat(ap, 12);
    c30 = madd(a, b0, c30); c31 = madd(a, b1, c31);
    if (MR == 6) {
      a = v128.load32_splat(ap, 16);
      c40 = madd(a, b0, c40); c41 = madd(a, b1, c41);
      a = v128.load32_splat(ap, 20);
      c50 = madd(a, b0, c50); c51 = madd(a, b1, c51);
    }
    ap += <usize>MR << 2;
    bp += 32;
  }
  if (rows == MR && cols == NR) {
    storeRow(c, c00, c01, beta); c += ldcBytes;
    storeRow(c, c10, c11, beta); c += ldcBytes;
    storeRow(c, c20, c21, beta); c += ldcBytes;
    storeRow(c, c30, c31, beta);
    if (MR == 6) {
      c += ldcBytes;
      storeRow(c, c40, c41, beta); c += ldcBytes;
      storeRow(c, c50, c51, beta);
    }
    return;
  }
  v128.store(tile, c00); v128.store(tile, c01, 16);
  v128.store(tile, c10, 32); v128.store(tile, c11, 48);
  v128.store(tile, c20, 64); v128.store(tile, c21, 80);
  v128.store(tile, c30, 96); v128.store(tile, c31, 112);
  if (MR == 6) {
    v128.store(tile, c40, 128); v128.store(tile, c41, 144);
    v128.store(tile, c50, 160); v128.store(tile, c51, 176);
  }
  for (let r = 0; r < rows; r++) {
    const src = tile + (<usize>r * NR << 2);
    const dst = c + <usize>r * ldcBytes;
    for (let j = 0; j < cols; j++) {
      const o = <usize>j << 2;
      const v = load<f32>(src + o);
      store<f32>(dst + o, beta ? load<f32>(dst + o) + v : v);
    }
  }
}
