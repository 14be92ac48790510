import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reluBackward, reluForward } from '../../../src/engine/kernels/relu.js';

// The plain definitions the bitwise kernels must match bit for bit: PyTorch's
// clamp_min(0) (NaN kept, everything else not > 0 becomes +0) and
// threshold_backward (the gradient where the output is not <= 0, else +0).
const reluOf = (v: number) => (v > 0 || v !== v ? v : 0);
const passOf = (y: number, g: number) => (y <= 0 ? 0 : g);

/** Any float32 bit pattern, with the special ones (±0, ±inf, NaNs of both signs, subnormals) made likely. */
const floatBits = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.constantFrom(0, 0x80000000 | 0, 0x7f800000, 0xff800000 | 0, 0x7fc00000, 0xffc00000 | 0, 0x7f800001, 1, 0x80000001 | 0),
);
const floats = (min: number, max: number) =>
  fc.array(floatBits, { minLength: min, maxLength: max }).map((bits) => new Float32Array(Int32Array.from(bits).buffer));
const bitsOf = (x: Float32Array) => Array.from(new Int32Array(x.buffer, x.byteOffset, x.length));

/**
 * Bits of `actual` against the values `expected` says: equal bits where the
 * expected value is a number, a NaN where it is NaN, and, when `nanBits` is
 * given, exactly those NaN bits (the bitwise path keeps a NaN's payload as
 * PyTorch does; a JS number round trip may quieten it).
 */
function sameAs(actual: Float32Array, expected: number[], nanBits?: Int32Array): void {
  const got = bitsOf(actual);
  const want = bitsOf(Float32Array.from(expected));
  for (let i = 0; i < expected.length; i++) {
    if (Number.isNaN(expected[i])) {
      expect(Number.isNaN(actual[i]), `element ${i}`).toBe(true);
      if (nanBits !== undefined) expect(got[i], `NaN bits of element ${i}`).toBe(nanBits[i]);
    } else expect(got[i], `element ${i}`).toBe(want[i]);
  }
}

describe('ReLU kernels', () => {
  it('forward equals clamp_min(0) bit for bit, short arrays (plain loop) and long ones (bitwise)', () => {
    fc.assert(
      fc.property(fc.oneof(floats(0, 63), floats(64, 300)), (x) => {
        const y = new Float32Array(x.length);
        reluForward(x, y);
        sameAs(y, Array.from(x, reluOf), x.length >= 64 ? new Int32Array(x.buffer) : undefined);
      }),
    );
  });

  it('backward passes the gradient exactly where threshold_backward does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }).chain((n) => fc.tuple(floats(n, n), floats(n, n))), ([y, g]) => {
        const out = new Float32Array(y.length);
        reluBackward(y, g, out);
        sameAs(out, Array.from(g, (gv, i) => passOf(y[i], gv)), y.length >= 64 ? new Int32Array(g.buffer) : undefined);
      }),
    );
  });

  it('keeps float64 on the plain loop', () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => (i % 3) - 1.5 + (i === 7 ? NaN : 0));
    const y = new Float64Array(100);
    reluForward(x, y);
    expect(Array.from(y)).toEqual(Array.from(x, reluOf));
  });
});
