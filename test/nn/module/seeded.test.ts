import { describe, expect, it } from 'vitest';
import { Generator, rand, Tensor } from '../../../src/engine/index.js';
import { Dropout, Linear } from '../../../src/nn/index.js';
import { bitMismatches, cases, closeMismatches, fixture, float32Of } from './fixture.js';
import { build } from './recipe.js';

describe(`Linear's default init equals torch.manual_seed(s); nn.Linear(...) bit for bit (torch ${fixture.torch})`, () => {
  for (const c of cases.linearInit) {
    it(`seed ${c.seed}: Linear(${c.in}, ${c.out}, bias=${c.bias})`, () => {
      const l = new Linear(c.in, c.out, { bias: c.bias, generator: new Generator(c.seed) });
      expect([...l.weight.shape]).toEqual(c.weight.shape);
      expect(bitMismatches(l.weight.data, float32Of(c.weight))).toEqual([]);
      if (c.biasValue === null) expect(l.bias).toBeNull();
      else expect(bitMismatches(l.bias!.data, float32Of(c.biasValue))).toEqual([]);
      expect(l.weight.requiresGrad).toBe(true);
      expect(l.weight.isLeaf).toBe(true);
    });
  }

  for (const c of cases.seededNets) {
    it(`seed ${c.seed}: ${c.name} built depth-first, then torch.rand input and forward`, () => {
      const g = new Generator(c.seed);
      const net = build(c.recipe, g);
      const sd = net.stateDict();
      expect([...sd.keys()]).toEqual(Object.keys(c.state));
      for (const [k, v] of Object.entries(c.state)) expect(bitMismatches(sd.get(k)!.data, float32Of(v)), k).toEqual([]);
      const x = rand(c.input.shape, g);
      expect(bitMismatches(x.data, float32Of(c.input))).toEqual([]);
      const y = net.forward(x);
      expect(closeMismatches(y.data, float32Of(c.output))).toEqual([]);
      expect(y.gradFn?.name).toBe(c.gradFn);
    });
  }
});

describe(`Dropout against torch ${fixture.torch}`, () => {
  for (const c of cases.dropout) {
    it(`seed ${c.seed}: Dropout(${c.p}) on [${c.input.shape.join(', ')}] in training`, () => {
      const x = new Tensor(float32Of(c.input), c.input.shape, true);
      const y = new Dropout(c.p).forward(x, { generator: new Generator(c.seed) });
      expect(y === x).toBe(c.sameObject);
      expect(bitMismatches(y.data, float32Of(c.output))).toEqual([]);
      expect(y.gradFn?.name ?? null).toBe(c.gradFn);
    });
  }

  it('keeps about 1 - p of the elements and scales them by 1 / (1 - p)', () => {
    const n = 20000;
    const x = new Tensor(new Float32Array(n).fill(1), [n]);
    for (const p of [0.1, 0.5, 0.8]) {
      const y = new Dropout(p).forward(x, { generator: new Generator(11) });
      const kept = [...y.data].filter((v) => v !== 0);
      expect(Math.abs(kept.length / n - (1 - p))).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
      expect(new Set(kept)).toEqual(new Set([Math.fround(1 / Math.fround(1 - p))]));
    }
  });

  it('is the identity in eval mode and needs no generator there', () => {
    const x = new Tensor(Float32Array.of(1, 2, 3), [3], true);
    const d = new Dropout(0.5);
    expect(d.eval().forward(x)).toBe(x);
    expect(() => d.train().forward(x)).toThrow('Dropout in training mode needs a generator');
  });
});
