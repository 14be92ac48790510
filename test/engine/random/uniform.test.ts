import { describe, expect, it } from 'vitest';
import { EngineArgumentError, Generator, rand, uniform_ } from '../../../src/engine/index.js';
import { cases, mismatches } from './fixture.js';

describe('rand / uniform_ (bit-exact against torch 1.13)', () => {
  it('spec 8.6 vector: manual_seed(0); rand(5)', () => {
    const t = rand([5], new Generator(0));
    expect(t.shape).toEqual([5]);
    expect(t.dtype).toBe('float32');
    expect(Array.from(t.data)).toEqual([
      0.49625658988952637, 0.7682217955589294, 0.08847743272781372, 0.13203048706054688, 0.30742281675338745,
    ]);
  });

  for (const c of cases.rand) {
    it(`rand(${c.n}) seed ${c.seed}`, () => {
      expect(mismatches(rand([c.n], new Generator(c.seed)).data, c.values)).toBe(0);
    });
  }

  for (const c of cases.uniform) {
    it(`${c.dtype} uniform_(${c.from}, ${c.to}) on ${c.values.length} values`, () => {
      const g = new Generator(c.dtype === 'float32' ? 1 : 2);
      const data = c.dtype === 'float32' ? new Float32Array(c.values.length) : new Float64Array(c.values.length);
      expect(uniform_(data, c.from, c.to, g)).toBe(data);
      expect(mismatches(data, c.values)).toBe(0);
    });
  }

  it('float32 uses the FMA form: a non-fused x*(to-from)+from differs on many elements', () => {
    const c = cases.uniform.find((u: { from: number; dtype: string }) => u.from === -10 && u.dtype === 'float32');
    const g = new Generator(1);
    const span = Math.fround(20);
    let differ = 0;
    for (let i = 0; i < c.values.length; i++) {
      const x = (g.random() & 0xffffff) * 2 ** -24;
      if (Math.fround(Math.fround(x * span) + -10) !== c.values[i]) differ++;
    }
    expect(differ).toBeGreaterThan(100);
  });

  it('rand float64 takes two draws per element (53 bits)', () => {
    expect(mismatches(rand([100], new Generator(0), 'float64').data, cases.float64.rand100)).toBe(0);
    expect(mismatches(rand([17], new Generator(0), 'float64').data, cases.float64.rand17)).toBe(0);
    const g = new Generator(0);
    rand([3], g, 'float64');
    const h = new Generator(0);
    for (let i = 0; i < 6; i++) h.random();
    expect(g.random()).toBe(h.random());
  });

  it('shapes and empty tensors', () => {
    const g = new Generator(0);
    expect(rand([2, 3], g).shape).toEqual([2, 3]);
    expect(rand([0], g).numel).toBe(0);
    expect(rand([], g).numel).toBe(1);
    expect(() => rand([-1], g)).toThrow(cases.errors.randpermNegative);
  });

  it("errors carry ATen's messages (numbers printed as C++ %g)", () => {
    const g = new Generator(0);
    const f = new Float32Array(3);
    const e = cases.errors;
    expect(e.uniformFromGtTo).toBe('uniform_ expects to return a [from, to) range, but found from=1 > to=0');
    expect(() => uniform_(f, 1, 0, g)).toThrow(EngineArgumentError);
    expect(() => uniform_(f, 1, 0, g)).toThrow(e.uniformFromGtTo);
    expect(() => uniform_(f, 1.23456789, 0.1, g)).toThrow(e.uniformFromGtToDigits);
    expect(() => uniform_(f, 1e-7, 1e-8, g)).toThrow(e.uniformTiny);
    expect(() => uniform_(f, -3e38, 3e38, g)).toThrow(e.uniformSpan);
    expect(() => uniform_(new Float64Array(3), -1e308, 1e308, g)).toThrow(e.uniformSpanDouble);
    expect(() => uniform_(f, NaN, 1, g)).toThrow(e.uniformFromNan);
    expect(() => uniform_(f, 0, Infinity, g)).toThrow(e.uniformToInf);
    // checks come first and consume no draws, even for an empty tensor
    expect(() => uniform_(new Float32Array(0), 1, 0, g)).toThrow(e.uniformFromGtTo);
    expect(g.random()).toBe(new Generator(0).random());
  });
});
