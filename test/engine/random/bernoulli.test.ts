import { describe, expect, it } from 'vitest';
import { EngineArgumentError, Generator, bernoulli_, dropoutNoise_, rand, randn } from '../../../src/engine/index.js';
import { cases, mismatches } from './fixture.js';

describe('bernoulli_ and dropout noise (torch 1.13 CPU, no MKL)', () => {
  for (const c of cases.bernoulli) {
    it(`${c.dtype} bernoulli_(${c.p}) on ${c.n}`, () => {
      const g = new Generator(6);
      const data = c.dtype === 'float32' ? new Float32Array(c.n) : new Float64Array(c.n);
      expect(bernoulli_(data, c.p, g)).toBe(data);
      expect(mismatches(data, c.values)).toBe(0);
      // two draws per element, even for p = 0 and p = 1
      expect(mismatches(rand([2], g).data, c.after)).toBe(0);
    });
  }

  for (const c of cases.dropout) {
    it(`${c.module ? 'nn.Dropout' : 'F.dropout'}(p=${c.p}) on [${c.shape}]`, () => {
      const g = new Generator(8);
      const x = randn(c.shape, g).data;
      const noise = dropoutNoise_(new Float32Array(x.length), c.p, g);
      const y = x.map((v, i) => Math.fround(v * noise[i]));
      expect(mismatches(y, c.values)).toBe(0);
      expect(mismatches(rand([2], g).data, c.after)).toBe(0);
    });
  }

  it('kept elements hold fround(1 / fround(1 - p)), not 1 / (1 - p)', () => {
    const p = 0.36995516654807925;
    const noise = dropoutNoise_(new Float32Array(64), p, new Generator(0));
    const kept = new Set(Array.from(noise).filter((v) => v !== 0));
    expect([...kept]).toEqual([1.587188720703125]);
    expect(Math.fround(1 / (1 - p))).not.toBe(1.587188720703125);
  });

  it('rejects p outside [0, 1]', () => {
    const g = new Generator(0);
    expect(() => bernoulli_(new Float32Array(3), 1.5, g)).toThrow(EngineArgumentError);
    expect(() => bernoulli_(new Float32Array(3), 1.5, g)).toThrow(cases.errors.bernoulliP);
    expect(() => bernoulli_(new Float32Array(3), NaN, g)).toThrow(cases.errors.bernoulliPNan);
    expect(() => dropoutNoise_(new Float32Array(3), 1.5, g)).toThrow(cases.errors.dropoutP);
  });
});
