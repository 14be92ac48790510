import { describe, expect, it } from 'vitest';
import { fma32 } from '../../../src/engine/index.js';

/** A finite double as m·2^e with m a BigInt. */
function split(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return exp === 0 ? [sign * frac, -1074] : [sign * (frac | (1n << 52n)), exp - 1075];
}

/** a·b + c rounded once to float32 (ties to even), exactly, through BigInt; normal-range results only. */
function exactFma32(a: number, b: number, c: number): number {
  const [ma, ea] = split(a);
  const [mb, eb] = split(b);
  const [mc, ec] = split(c);
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  let m = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  if (m === 0n) return 0;
  const neg = m < 0n;
  if (neg) m = -m;
  const shift = m.toString(2).length - 24;
  let exp = e;
  if (shift > 0) {
    const rem = m & ((1n << BigInt(shift)) - 1n);
    const half = 1n << BigInt(shift - 1);
    m >>= BigInt(shift);
    if (rem > half || (rem === half && (m & 1n) === 1n)) m += 1n;
    exp += shift;
  }
  const v = Number(m) * 2 ** exp;
  return neg ? -v : v;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('fma32', () => {
  it('settles the halfway cases double rounding gets wrong', () => {
    const a = Math.fround(1 + 2 ** -12);
    // a·a = 1 + 2^-11 + 2^-24 is exactly halfway between two float32s; the tiny c decides.
    expect(fma32(a, a, 2 ** -60)).toBe(1 + 2 ** -11 + 2 ** -23);
    expect(fma32(a, a, -(2 ** -60))).toBe(1 + 2 ** -11);
    expect(Math.fround(a * a + 2 ** -60)).toBe(1 + 2 ** -11); // what a naive emulation gives
    expect(fma32(a, a, 0)).toBe(1 + 2 ** -11); // a true tie rounds to even
    expect(fma32(-a, a, -(2 ** -60))).toBe(-(1 + 2 ** -11 + 2 ** -23));
  });

  it('matches an exact BigInt reference on random and near-cancelling operands', () => {
    const r = rng(42);
    const f = (scale: number) => Math.fround((r() - 0.5) * scale);
    for (let i = 0; i < 20000; i++) {
      const a = f(2 ** ((i % 40) - 20));
      const b = f(4);
      const c = i % 3 === 0 ? Math.fround(-a * b * (1 + (r() - 0.5) * 2 ** -20)) : f(2 ** ((i % 30) - 15));
      expect(fma32(a, b, c)).toBe(exactFma32(a, b, c));
    }
  });

  it('passes non-finite values through', () => {
    expect(fma32(Infinity, 1, 1)).toBe(Infinity);
    expect(fma32(NaN, 1, 1)).toBeNaN();
    expect(fma32(3e38, 3e38, 0)).toBe(Infinity);
  });
});
