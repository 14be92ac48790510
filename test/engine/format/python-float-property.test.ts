import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPythonFloat } from '../../../src/engine/format/index.js';
import { fixture, toNumber } from './fixture.js';
import { referenceExponent, referenceFixed } from './exact-decimal.js';

/** Doubles a hair either side of, and exactly at, a rounding midpoint of `p` decimals. */
const nearMidpoint = fc
  .tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: -3, max: 3 }))
  .map(([n, p, ulps]) => {
    let v = (n + 0.5) / 10 ** p;
    const buf = new Float64Array([v]);
    const bits = new BigInt64Array(buf.buffer);
    bits[0] += BigInt(ulps);
    v = buf[0];
    return v;
  });

const values = fc.oneof(
  fc.double({ noNaN: true }),
  fc.float({ noNaN: true }).map(Math.fround),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  nearMidpoint,
  // dyadic rationals: the only values that can be exact decimal ties
  fc.tuple(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), fc.integer({ min: 0, max: 12 })).map(([k, j]) => k / 2 ** j),
);

describe('formatPythonFloat against an exact BigInt reference', () => {
  it('the reference itself agrees with Python on the fixture table', () => {
    for (const row of fixture.cases.pyfloat) {
      const v = toNumber(row.v);
      for (let p = 0; p <= 6; p++) {
        expect(referenceFixed(v, p)).toBe(row.f[p]);
        expect(referenceExponent(v, p)).toBe(row.e[p]);
      }
    }
  });

  for (const spec of ['f', 'e'] as const) {
    it(`'${spec}' at precisions 0..12 on random, float32, midpoint and dyadic values`, () => {
      const reference = spec === 'f' ? referenceFixed : referenceExponent;
      fc.assert(
        fc.property(values, fc.integer({ min: 0, max: 12 }), (v, p) => {
          expect(formatPythonFloat(v, spec, p)).toBe(reference(v, p));
        }),
        { numRuns: 20000, seed: 20240601 },
      );
    });
  }
});
