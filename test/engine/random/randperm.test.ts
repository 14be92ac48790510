import { describe, expect, it } from 'vitest';
import { EngineArgumentError, Generator, rand, randperm } from '../../../src/engine/index.js';
import { cases, mismatches } from './fixture.js';

describe('randperm (CPU Fisher-Yates, one draw per step)', () => {
  for (const c of cases.randperm) {
    it(`randperm(${c.n}) seed ${c.seed}`, () => {
      const g = new Generator(c.seed);
      const p = randperm(c.n, g);
      expect(p).toBeInstanceOf(Int32Array);
      if (c.values) {
        expect(Array.from(p)).toEqual(c.values);
      } else {
        expect(Array.from(p.subarray(0, 20))).toEqual(c.head);
        expect(Array.from(p.subarray(c.n - 20))).toEqual(c.tail);
        let s = 0;
        for (let i = 0; i < c.n; i++) s += i * p[i];
        expect(s).toBe(c.weightedSum);
      }
      // n - 1 draws: the stream continues where torch's does
      expect(mismatches(rand([2], g).data, c.after)).toBe(0);
    });
  }

  it('rejects a negative n', () => {
    expect(() => randperm(-1, new Generator(0))).toThrow(EngineArgumentError);
    expect(() => randperm(-1, new Generator(0))).toThrow(cases.errors.randpermNegative);
  });
});
