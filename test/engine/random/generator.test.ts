import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, EngineArgumentError, Generator, rand, randn } from '../../../src/engine/index.js';
import { cases, mismatches } from './fixture.js';

const MASK63 = (1n << 63n) - 1n;

describe('Generator seeding (torch.manual_seed semantics)', () => {
  for (const c of cases.seeds) {
    it(`seed ${c.seed}`, () => {
      const g = c.seed === 'default' ? new Generator() : new Generator(BigInt(c.seed));
      expect(g.initialSeed().toString()).toBe(c.initialSeed);
      if (c.random64Mod63) {
        const got = c.random64Mod63.map(() => (g.random64() & MASK63).toString());
        expect(got).toEqual(c.random64Mod63);
      }
      expect(mismatches(rand([5], g).data, c.rand5)).toBe(0);
      if (c.randn5) {
        expect(mismatches(randn([5], g).data, c.randn5)).toBe(0);
        // randn(5) used three Box-Muller pairs; the sixth value is still cached
        expect(g.cachedNormal).toBeTypeOf('number');
        expect(mismatches(randn([1], g).data, c.randn1After)).toBe(0);
        expect(g.cachedNormal).toBeUndefined();
      }
    });
  }

  it('defaults to torch.Generator() seed 67280421310721', () => {
    expect(DEFAULT_SEED).toBe(67280421310721n);
    expect(new Generator().initialSeed()).toBe(67280421310721n);
  });

  it('only the low 32 bits reach MT19937; negatives wrap mod 2^64', () => {
    const a = new Generator(2n ** 32n + 5n);
    const b = new Generator(5);
    expect(a.initialSeed()).toBe(4294967301n);
    for (let i = 0; i < 10; i++) expect(a.random()).toBe(b.random());
    expect(new Generator(-1).initialSeed()).toBe(2n ** 64n - 1n);
    expect(new Generator(-(2n ** 63n)).initialSeed()).toBe(2n ** 63n);
    expect(new Generator(1.9).initialSeed()).toBe(1n); // int() truncation, as torch.manual_seed
  });

  it('reseeding restarts the stream and drops the cached normal', () => {
    const g = new Generator(0);
    const first = g.random();
    randn([1], g);
    expect(g.cachedNormal).toBeTypeOf('number');
    expect(g.manualSeed(0)).toBe(g);
    expect(g.cachedNormal).toBeUndefined();
    expect(g.random()).toBe(first);
  });

  it('MT19937 matches std::mt19937 (10000th output for seed 5489 is 4123659995)', () => {
    const g = new Generator(5489);
    let v = 0;
    for (let i = 0; i < 10000; i++) v = g.random();
    expect(v).toBe(4123659995);
  });

  it('random64 is (first << 32) | second', () => {
    const a = new Generator(9);
    const b = new Generator(9);
    const hi = BigInt(b.random());
    const lo = BigInt(b.random());
    expect(a.random64()).toBe((hi << 32n) | lo);
  });

  it('clone continues identically and independently', () => {
    const g = new Generator(3);
    randn([3], g);
    const c = g.clone();
    expect(Array.from(randn([7], c).data)).toEqual(Array.from(randn([7], g).data));
    c.random();
    expect(c.random()).not.toBe(g.random());
  });

  it('rejects seeds outside [-2^63, 2^64) like torch', () => {
    expect(() => new Generator(2n ** 64n)).toThrow(EngineArgumentError);
    expect(() => new Generator(2n ** 64n)).toThrow(cases.errors.seedOverflow);
    expect(() => new Generator(-(2n ** 63n) - 1n)).toThrow(cases.errors.seedUnderflow);
    expect(() => new Generator(NaN)).toThrow('cannot convert float NaN to integer');
    expect(() => new Generator(Infinity)).toThrow('cannot convert float infinity to integer');
  });
});
