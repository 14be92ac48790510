import { MR, NR } from './micro-kernel';

// Packing copies one block of op(A) or op(B) into the panel order the
// micro-kernel streams (k-major, MR or NR floats per step, zero-padded at the
// edges). This is where transposes are absorbed: a transposed operand is read
// in 4×4 blocks and turned in registers, never copied whole.

/** Columns 0..3 of the 4×4 block whose rows are r0..r3, i.e. its transpose, stored at dst, dst+stride, … */
@inline
function storeTransposed4x4(r0: v128, r1: v128, r2: v128, r3: v128, dst: usize, strideBytes: usize): void {
  const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
  const t1 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
  const t2 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
  const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<f32>(t0, t2, 0, 1, 4, 5));
  v128.store(dst + strideBytes, v128.shuffle<f32>(t0, t2, 2, 3, 6, 7));
  v128.store(dst + 2 * strideBytes, v128.shuffle<f32>(t1, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * strideBytes, v128.shuffle<f32>(t1, t3, 2, 3, 6, 7));
}

/**
 * Packs rows [i0, i0+mc) × steps [p0, p0+kc) of op(A) into MR-row panels:
 * panel q holds rows i0+q·MR…, step p at out + (q·kc + p)·MR.
 * op(A)(i, p) is a[i·lda + p], or a[p·lda + i] when transA.
 */
export function packA(mc: i32, kc: i32, a: usize, lda: i32, transA: bool, i0: i32, p0: i32, out: usize): void {
  const ldaBytes = <usize>lda << 2;
  for (let i = 0; i < mc; i += MR) {
    const rows = min(MR, mc - i);
    const panel = out + (<usize>i * kc << 2);
    if (transA) {
      // Step p of the panel is MR consecutive floats of stored row p: one
      // vector of four, plus a 64-bit pair when MR is 6.
      let src = a + (<usize>p0 * lda + i0 + i << 2);
      if (rows == MR) {
        for (let p = 0; p < kc; p++) {
          const dst = panel + (<usize>p * MR << 2);
          v128.store(dst, v128.load(src));
          if (MR == 6) store<u64>(dst, load<u64>(src, 16), 16);
          src += ldaBytes;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          const dst = panel + (<usize>p * MR << 2);
          for (let r = 0; r < MR; r++) store<f32>(dst + (<usize>r << 2), r < rows ? load<f32>(src + (<usize>r << 2)) : 0);
          src += ldaBytes;
        }
      }
      continue;
    }
    // Rows are contiguous along p: read 4 steps of each of the MR rows, turn
    // rows 0..3 as a 4×4 block and (MR = 6) interleave rows 4 and 5 into pairs.
    const row = a + (<usize>(i0 + i) * lda + p0 << 2);
    let p = 0;
    if (rows == MR) {
      const stride = <usize>MR << 2;
      for (; p + 4 <= kc; p += 4) {
        const s = row + (<usize>p << 2);
        const dst = panel + (<usize>p * MR << 2);
        storeTransposed4x4(v128.load(s), v128.load(s + ldaBytes), v128.load(s + 2 * ldaBytes), v128.load(s + 3 * ldaBytes), dst, stride);
        if (MR == 6) {
          const r4 = v128.load(s + 4 * ldaBytes);
          const r5 = v128.load(s + 5 * ldaBytes);
          const lo = v128.shuffle<f32>(r4, r5, 0, 4, 1, 5);
          const hi = v128.shuffle<f32>(r4, r5, 2, 6, 3, 7);
          v128.store64_lane(dst + 16, lo, 0);
          v128.store64_lane(dst + stride + 16, lo, 1);
          v128.store64_lane(dst + 2 * stride + 16, hi, 0);
          v128.store64_lane(dst + 3 * stride + 16, hi, 1);
        }
      }
    }
    for (; p < kc; p++) {
      const dst = panel + (<usize>p * MR << 2);
      for (let r = 0; r < MR; r++) store<f32>(dst + (<usize>r << 2), r < rows ? load<f32>(row + <usize>r * ldaBytes + (<usize>p << 2)) : 0);
    }
  }
}

/**
 * Packs steps [p0, p0+kc) × columns [j0, j0+nc) of op(B) into NR-column
 * panels: panel q holds columns j0+q·NR…, step p at out + (q·kc + p)·NR.
 * op(B)(p, j) is b[p·ldb + j], or b[j·ldb + p] when transB.
 */
export function packB(kc: i32, nc: i32, b: usize, ldb: i32, transB: bool, p0: i32, j0: i32, out: usize): void {
  const ldbBytes = <usize>ldb << 2;
  for (let j = 0; j < nc; j += NR) {
    const cols = min(NR, nc - j);
    const panel = out + (<usize>j * kc << 2);
    if (!transB) {
      // Step p of the panel is NR consecutive floats of stored row p.
      let src = b + (<usize>p0 * ldb + j0 + j << 2);
      if (cols == NR) {
        for (let p = 0; p < kc; p++) {
          const dst = panel + (<usize>p * NR << 2);
          v128.store(dst, v128.load(src));
          v128.store(dst, v128.load(src, 16), 16);
          src += ldbBytes;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          const dst = panel + (<usize>p * NR << 2);
          for (let c = 0; c < NR; c++) store<f32>(dst + (<usize>c << 2), c < cols ? load<f32>(src + (<usize>c << 2)) : 0);
          src += ldbBytes;
        }
      }
      continue;
    }
    // Stored rows are the columns of op(B), contiguous along p: transpose 4×4 blocks.
    const col = b + (<usize>(j0 + j) * ldb + p0 << 2);
    let p = 0;
    if (cols == NR) {
      const stride = <usize>NR << 2;
      for (; p + 4 <= kc; p += 4) {
        const s = col + (<usize>p << 2);
        const dst = panel + (<usize>p * NR << 2);
        storeTransposed4x4(v128.load(s), v128.load(s + ldbBytes), v128.load(s + 2 * ldbBytes), v128.load(s + 3 * ldbBytes), dst, stride);
        const s4 = s + 4 * ldbBytes;
        storeTransposed4x4(v128.load(s4), v128.load(s4 + ldbBytes), v128.load(s4 + 2 * ldbBytes), v128.load(s4 + 3 * ldbBytes), dst + 16, stride);
      }
    }
    for (; p < kc; p++) {
      const dst = panel + (<usize>p * NR << 2);
      for (let c = 0; c < NR; c++) store<f32>(dst + (<usize>c << 2), c < cols ? load<f32>(col + <usize>c * ldbBytes + (<usize>p << 2)) : 0);
    }
  }
}
