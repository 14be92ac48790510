import { MR, NR, microKernel } from './micro-kernel';
import { packA, packB } from './pack';

// Cache blocking (Goto & van de Geijn): a KC×NC block of op(B) is packed
// once and stays in L2/L3; for each MC-row block of op(A), packed into L2,
// the micro-kernel walks NR-column panels of B (KC×NR, L1-resident) against
// MR-row panels of A.
export const KC: i32 = 256;
export const MC: i32 = 120; // a multiple of MR (6 or 4)
export const NC: i32 = 2048;

/**
 * How an operand is read: as stored (PLAIN), transposed (TRANS), or already
 * packed whole by packAFull / packBFull (PACKED), which is how the threads of
 * a parallel product share the operand they all read instead of each packing
 * it again.
 */
export const PLAIN: i32 = 0;
export const TRANS: i32 = 1;
export const PACKED: i32 = 2;

/** Bytes of scratch one gemm call needs at `work`: the A block, the B block and one edge tile. */
export function workBytes(): usize {
  return (<usize>MC * KC + <usize>KC * NC + <usize>MR * NR) << 2;
}

@inline
function roundUp(x: i32, to: i32): i32 {
  return (x + to - 1) / to * to;
}

/** Bytes packAFull writes for an m×k op(A). */
export function packedABytes(m: i32, k: i32): usize {
  return <usize>roundUp(m, MR) * k << 2;
}

/** Bytes packBFull writes for a k×n op(B). */
export function packedBBytes(k: i32, n: i32): usize {
  return <usize>k * roundUp(n, NR) << 2;
}

/**
 * Packs all of op(A) (m×k) at `out`: KC-step blocks one after the other, each
 * holding every MR-row panel of its steps, so the block of rows ic, steps pc
 * starts at out + (pc·mPad + ic·kc)·4.
 */
export function packAFull(m: i32, k: i32, a: usize, lda: i32, transA: i32, out: usize): void {
  const mPad = roundUp(m, MR);
  for (let pc = 0; pc < k; pc += KC) packA(m, min(KC, k - pc), a, lda, transA == TRANS, 0, pc, out + (<usize>pc * mPad << 2));
}

/** Packs all of op(B) (k×n) at `out`, laid out as packAFull does (columns for rows, NR for MR). */
export function packBFull(k: i32, n: i32, b: usize, ldb: i32, transB: i32, out: usize): void {
  const nPad = roundUp(n, NR);
  for (let pc = 0; pc < k; pc += KC) packB(min(KC, k - pc), n, b, ldb, transB == TRANS, pc, 0, out + (<usize>pc * nPad << 2));
}

/**
 * C[m×n] (+)= op(A)·op(B) on float32 in this module's memory; pointers are
 * byte addresses, leading dimensions are in floats (row-major), `aMode` and
 * `bMode` are PLAIN, TRANS or PACKED (then the pointer is packAFull's or
 * packBFull's output for exactly this m or n), `work` is workBytes() of
 * scratch owned by the calling thread. Every thread of a parallel gemm calls
 * this on its own slice of C with its own `work`.
 */
export function gemm(
  m: i32, n: i32, k: i32,
  a: usize, lda: i32, aMode: i32,
  b: usize, ldb: i32, bMode: i32,
  c: usize, ldc: i32, accumulate: bool,
  work: usize,
): void {
  if (m <= 0 || n <= 0) return;
  const ldcBytes = <usize>ldc << 2;
  if (k <= 0) {
    if (!accumulate) for (let i = 0; i < m; i++) memory.fill(c + <usize>i * ldcBytes, 0, <usize>n << 2);
    return;
  }
  const mPad = roundUp(m, MR);
  const nPad = roundUp(n, NR);
  const aWork = work;
  const bWork = aWork + (<usize>MC * KC << 2);
  const tile = bWork + (<usize>KC * NC << 2);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      let bPack = bWork;
      if (bMode == PACKED) bPack = b + ((<usize>pc * nPad + <usize>jc * kc) << 2);
      else packB(kc, nc, b, ldb, bMode == TRANS, pc, jc, bWork);
      const beta = accumulate || pc > 0;
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        let aPack = aWork;
        if (aMode == PACKED) aPack = a + ((<usize>pc * mPad + <usize>ic * kc) << 2);
        else packA(mc, kc, a, lda, aMode == TRANS, ic, pc, aWork);
        const cBlock = c + (<usize>ic * ldc + jc << 2);
        for (let jr = 0; jr < nc; jr += NR) {
          const bp = bPack + (<usize>jr * kc << 2);
          const cols = min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            microKernel(kc, aPack + (<usize>ir * kc << 2), bp, cBlock + (<usize>ir * ldc + jr << 2), ldcBytes, min(MR, mc - ir), cols, beta, tile);
          }
        }
      }
    }
  }
}
