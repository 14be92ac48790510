import { describe, expect, it } from 'vitest';
import { Generator, Tensor, numel, rand, randn } from '../../../src/engine/index.js';
import { parseInitializer } from '../../../src/nn/index.js';
import { checkTarget, fillInitializer } from '../../../src/nn/init/catalog.js';
import { cases, compareStored, mismatches, shapeName } from './fixture.js';

const MY_INIT = {
  name: 'mixture',
  components: [
    { weight: 0.25, init: { name: 'uniform', a: 5, b: 10 } },
    { weight: 0.5, init: { name: 'constant', val: 0 } },
    { weight: 0.25, init: { name: 'uniform', a: -10, b: -5 } },
  ],
};

function draw(json: unknown, shape: number[], g: Generator): Tensor {
  const spec = parseInitializer(json, 'weight');
  const t = new Tensor(new Float32Array(numel(shape)), shape);
  checkTarget(spec, { shape, dtype: 'float32' });
  fillInitializer(spec, t, { shape, dtype: 'float32' }, g);
  return t;
}

describe('mixture: its documented draw order, reproduced in PyTorch', () => {
  for (const c of cases.mixtures) {
    it(`${c.init.components ? (c.init.components as unknown[]).length : 0} components on ${shapeName(c.shape)} (seed ${c.seed})`, () => {
      const g = new Generator(c.seed);
      const t = draw(c.init, c.shape, g);
      expect(compareStored(t.data, c.tensor).mismatches).toBe(0);
      expect(mismatches(rand([2], g).data, c.next)).toBe(0);
      expect(mismatches(randn([1], g).data, c.nextNormal)).toBe(0);
    });
  }
});

describe("mixture: the chapter's my_init in distribution", () => {
  const n = 1000 * 1000;
  const values = draw(MY_INIT, [1000, 1000], new Generator(2024)).data as Float32Array;
  const high = values.filter((v) => v !== 0 && v > 0);
  const low = values.filter((v) => v < 0);
  const zero = values.filter((v) => v === 0);
  // binomial standard deviation at p = 1/4 is 4.3e-4 for n = 1e6: 7 sigma
  const TOL = 0.003;

  it('takes each component with its weight', () => {
    expect(Math.abs(high.length / n - 0.25)).toBeLessThan(TOL);
    expect(Math.abs(zero.length / n - 0.5)).toBeLessThan(TOL);
    expect(Math.abs(low.length / n - 0.25)).toBeLessThan(TOL);
    expect(high.length + low.length + zero.length).toBe(n);
  });

  it("keeps each component's range and is uniform within it", () => {
    const range = (xs: Float32Array) => xs.reduce(([lo, hi], v) => [Math.min(lo, v), Math.max(hi, v)], [Infinity, -Infinity]);
    const [highMin, highMax] = range(high);
    const [lowMin, lowMax] = range(low);
    expect(highMin).toBeGreaterThanOrEqual(5);
    expect(highMax).toBeLessThanOrEqual(10);
    expect(lowMin).toBeGreaterThanOrEqual(-10);
    expect(lowMax).toBeLessThanOrEqual(-5);
    const mean = (xs: Float32Array) => xs.reduce((s, v) => s + v, 0) / xs.length;
    // U(5, 10) has sd 1.44: the mean of 250k draws is within 0.01 of 7.5
    expect(Math.abs(mean(high) - 7.5)).toBeLessThan(0.01);
    expect(Math.abs(mean(low) + 7.5)).toBeLessThan(0.01);
    const belowMidpoint = high.filter((v) => v < 7.5).length / high.length;
    expect(Math.abs(belowMidpoint - 0.5)).toBeLessThan(0.005);
  });

  it('is deterministic for a seed', () => {
    const again = draw(MY_INIT, [1000, 1000], new Generator(2024)).data;
    expect(mismatches(again, values)).toBe(0);
  });
});
