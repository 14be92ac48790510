/**
 * Fused multiply-add, rounded once. The C code being ported is compiled with
 * FMA contraction (GCC on x86-64 with `-mfma`), so `a*b + c` there rounds once.
 */

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LO = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1; // the low word's index on this platform
const HI = 1 - LO;

/** `x + y` rounded to odd: the double nearest below or above, whichever has an odd last bit, unless exact. */
function addRoundToOdd(x: number, y: number): number {
  const s = x + y;
  const v = s - x;
  const err = x - (s - v) + (y - v);
  if (err === 0) return s;
  bits[0] = s;
  if (words[LO] & 1) return s;
  // step one ulp (the magnitude's bit pattern ±1) towards the exact sum
  const away = err > 0 === s > 0;
  if (away) {
    words[LO] = (words[LO] + 1) >>> 0;
    if (words[LO] === 0) words[HI] = (words[HI] + 1) >>> 0;
  } else {
    if (words[LO] === 0) words[HI] = (words[HI] - 1) >>> 0;
    words[LO] = (words[LO] - 1) >>> 0;
  }
  return bits[0];
}

/**
 * float64 `fma(a, b, c)`: Dekker's exact product, TwoSum, and a round-to-odd
 * middle step so the final addition rounds once (Boldo-Melquiond). Exact for
 * the finite, non-extreme operands of the ported kernels.
 */
export function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || !Number.isFinite(c) || p === 0) return p + c;
  const ta = SPLIT * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLIT * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  const pLow = ah * bh - p + ah * bl + al * bh + al * bl; // a*b = p + pLow exactly
  const s = p + c;
  const v = s - p;
  const sLow = p - (s - v) + (c - v); // p + c = s + sLow exactly
  return s + addRoundToOdd(sLow, pLow);
}

/**
 * float32 `fmaf(a, b, c)` for float32 operands: the double fma rounded to odd
 * has 53 bits, more than 24 + 2, so rounding it on to float rounds once.
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b; // exact: 48 bits
  const s = p + c;
  const v = s - p;
  const err = p - (s - v) + (c - v);
  return Math.fround(err === 0 ? s : addRoundToOdd(s, err));
}
