import { describe, expect, it } from 'vitest';
import { fma32, fma64, fmaVSS } from '../../../src/engine/random/fma.js';

/** A finite nonzero double as m * 2^e with integer m. */
function decompose(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return exp === 0 ? { m: sign * frac, e: -1074 } : { m: sign * (frac | (1n << 52n)), e: exp - 1075 };
}

/** a*b + c rounded once to `precision` bits, ties to even (operands and result kept in normal range). */
function exactFma(a: number, b: number, c: number, precision: number): number {
  const A = decompose(a);
  const B = decompose(b);
  const C = decompose(c);
  const pe = A.e + B.e;
  const e = Math.min(pe, C.e);
  const s = ((A.m * B.m) << BigInt(pe - e)) + (C.m << BigInt(C.e - e));
  if (s === 0n) return 0;
  const neg = s < 0n;
  let mag = neg ? -s : s;
  const shift = Math.max(0, mag.toString(2).length - precision);
  if (shift > 0) {
    const half = 1n << BigInt(shift - 1);
    const rem = mag & ((1n << BigInt(shift)) - 1n);
    mag >>= BigInt(shift);
    if (rem > half || (rem === half && (mag & 1n) === 1n)) mag += 1n;
  }
  const v = Number(mag) * 2 ** (e + shift);
  return neg ? -v : v;
}

/** Deterministic float generator for the property checks. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('fma emulation', () => {
  it('fma32 rounds a*b + c once to float32 (random operands)', () => {
    const r = lcg(1);
    const f = () => Math.fround((r() - 0.5) * 2 ** Math.floor(r() * 40 - 20));
    let naiveDiffers = 0;
    for (let i = 0; i < 20000; i++) {
      const a = f();
      const b = f();
      const c = f();
      if (a === 0 || b === 0 || c === 0) continue;
      const want = exactFma(a, b, c, 24);
      expect(fma32(a, b, c)).toBe(want);
      if (Math.fround(Math.fround(a * b) + c) !== want) naiveDiffers++;
    }
    expect(naiveDiffers).toBeGreaterThan(1000);
  });

  it('fma32 resolves float32 midpoints that double rounding gets wrong', () => {
    const a = 1 + 2 ** -12;
    const b = 1 + 2 ** -12 + 2 ** -11; // a*b = 1 + 2^-10 + 2^-23 + 2^-24, a float32 midpoint
    const below = 1 + 2 ** -10 + 2 ** -23;
    const above = 1 + 2 ** -10 + 2 ** -22;
    expect(fma32(a, b, -(2 ** -80))).toBe(below); // naive: ties to even, above
    expect(Math.fround(a * b - 2 ** -80)).toBe(above);
    expect(fma32(a, b, 2 ** -80)).toBe(above);
    expect(fma32(a, b, 0)).toBe(above); // an exact tie goes to even
    const out = new Float64Array(1);
    fmaVSS(out, new Float64Array([a]), b, -(2 ** -80), 1);
    expect(out[0]).toBe(below);
  });

  it('fma64 rounds a*b + c once to double (random operands)', () => {
    const r = lcg(2);
    const f = () => (r() - 0.5) * 2 ** Math.floor(r() * 60 - 30) * (1 + r() * 2 ** -30);
    let naiveDiffers = 0;
    for (let i = 0; i < 20000; i++) {
      const a = f();
      const b = f();
      const c = f();
      const want = exactFma(a, b, c, 53);
      expect(fma64(a, b, c)).toBe(want);
      if (a * b + c !== want) naiveDiffers++;
    }
    expect(naiveDiffers).toBeGreaterThan(1000);
  });
});
