import { describe, expect, it } from 'vitest';
import { EngineArgumentError, Generator, normal_, rand, randn } from '../../../src/engine/index.js';
import { cases, maxRelativeDiff, mismatches } from './fixture.js';

describe('randn / normal_ (float32 bit-exact against torch 1.13, AVX2 kernels)', () => {
  it('spec 8.6 vectors', () => {
    const four = (t: ArrayLike<number>) => Array.from(t, (v) => v.toFixed(4));
    expect(four(randn([5], new Generator(0)).data)).toEqual(['1.5410', '-0.2934', '-2.1788', '0.5684', '-1.0845']);
    expect(four(randn([16], new Generator(0)).data)).toEqual(
      ['-1.1258', '-1.1524', '-0.2506', '-0.4339', '0.8487', '0.6920', '-0.3160', '-2.1152',
        '0.3223', '-1.2633', '0.3500', '0.3081', '0.1198', '1.2377', '1.1168', '-0.2473'],
    );
  });

  for (const c of cases.randn) {
    it(`randn(${c.n}) seed ${c.seed}`, () => {
      expect(mismatches(randn([c.n], new Generator(c.seed)).data, c.values)).toBe(0);
    });
  }

  for (const c of cases.randnSequences) {
    const label = c.sizes ? c.sizes.join(', ') : c.ops.join(', ');
    it(`cached Box-Muller value carries across calls: ${label} (seed ${c.seed})`, () => {
      const g = new Generator(c.seed);
      if (c.sizes) {
        c.sizes.forEach((n: number, k: number) => expect(mismatches(randn([n], g).data, c.values[k])).toBe(0));
      } else {
        const got = [randn([3], g).data, rand([4], g).data, randn([16], g).data, randn([1], g).data];
        got.forEach((d, k) => expect(mismatches(d, c.values[k])).toBe(0));
      }
    });
  }

  for (const c of cases.normal) {
    it(`${c.dtype} normal_(${c.mean}, ${c.std}) on ${c.n}`, () => {
      const g = new Generator(c.dtype === 'float32' ? 3 : 4);
      const data = c.dtype === 'float32' ? new Float32Array(c.n) : new Float64Array(c.n);
      expect(normal_(data, c.mean, c.std, g)).toBe(data);
      if (c.dtype === 'float32') expect(mismatches(data, c.values)).toBe(0);
      else expect(maxRelativeDiff(data, c.values)).toBeLessThan(1e-14);
    });
  }

  it('float64 randn: Box-Muller below 16, normal_fill<double> from 16 (to libm rounding)', () => {
    expect(maxRelativeDiff(randn([5], new Generator(0), 'float64').data, cases.float64.randn5)).toBeLessThan(1e-14);
    expect(maxRelativeDiff(randn([100], new Generator(0), 'float64').data, cases.float64.randn100)).toBeLessThan(1e-14);
  });

  it('the 16-block path leaves the cached value alone', () => {
    const g = new Generator(0);
    randn([1], g);
    const cached = g.cachedNormal;
    randn([16], g);
    expect(g.cachedNormal).toBe(cached);
  });

  it('tail: n % 16 != 0 draws 16 more uniforms (n + 16 draws in all)', () => {
    const g = new Generator(1);
    randn([17], g);
    const h = new Generator(1);
    for (let i = 0; i < 33; i++) h.random();
    expect(g.random()).toBe(h.random());
  });

  it('std < 0 and NaN std are rejected with ATen messages', () => {
    const g = new Generator(0);
    const e = cases.errors;
    expect(e.normalStd).toBe('normal expects std >= 0.0, but found std -1');
    expect(() => normal_(new Float32Array(3), 0, -1, g)).toThrow(EngineArgumentError);
    expect(() => normal_(new Float32Array(3), 0, -1, g)).toThrow(e.normalStd);
    expect(() => normal_(new Float32Array(3), 0, -1.23456789, g)).toThrow(e.normalStdDigits);
    expect(() => normal_(new Float32Array(30), 0, NaN, g)).toThrow(e.normalStdNan);
  });
});
