import { describe, expect, it } from 'vitest';
import { Generator, numel, rand, randn } from '../../../src/engine/index.js';
import { Parameter, parseInitializer } from '../../../src/nn/index.js';
import { checkTarget, fillInitializer } from '../../../src/nn/init/catalog.js';
import { cases, compareStored, mismatches, shapeName, type InitializerCase } from './fixture.js';
import { callTensorApi } from './tensor-api.js';

// LAPACK's float32 QR against a float64 Householder QR: same unique Q, different rounding.
const ORTHOGONAL_TOLERANCE = 2e-6;

const label = (c: InitializerCase): string => {
  const { name, ...kwargs } = c.init;
  return `${name}${JSON.stringify(kwargs)} on ${shapeName(c.shape)}`;
};

function expectMatches(c: InitializerCase, data: Float32Array, g: Generator): void {
  const diff = compareStored(data, c.tensor);
  if (c.exact) expect(diff.mismatches).toBe(0);
  else expect(diff.maxAbsDiff).toBeLessThan(ORTHOGONAL_TOLERANCE);
  // the same number of draws, and the same cached Box-Muller value left behind
  expect(mismatches(rand([2], g).data, c.next)).toBe(0);
  expect(mismatches(randn([1], g).data, c.nextNormal)).toBe(0);
}

describe('torch.nn.init on PyTorch 1.13 seeds (bit-exact except orthogonal)', () => {
  for (const c of cases.initializers) {
    it(`${label(c)} through the registry`, () => {
      const g = new Generator(c.seed);
      const t = new Parameter(new Float32Array(numel(c.shape)), c.shape);
      const spec = parseInitializer(c.init, 'weight');
      const target = { shape: t.shape, dtype: t.dtype };
      checkTarget(spec, target);
      fillInitializer(spec, t, target, g);
      expectMatches(c, t.data as Float32Array, g);
    });

    it(`${label(c)} through the tensor function, in place`, () => {
      const g = new Generator(c.seed);
      const t = new Parameter(new Float32Array(numel(c.shape)).fill(NaN), c.shape);
      const data = t.data;
      expect(callTensorApi(t, c.init, g)).toBe(t);
      expect(t.data).toBe(data);
      expect(t.requiresGrad).toBe(true);
      expect(t.gradFn).toBeNull();
      if (numel(c.shape) > 0) expectMatches(c, t.data as Float32Array, g);
    });
  }

  it('covers every seeded initializer on the shapes the brief names', () => {
    const seen = new Set(cases.initializers.map((c) => `${c.init.name} ${shapeName(c.shape)}`));
    for (const name of ['uniform', 'normal', 'trunc_normal', 'xavier_uniform', 'xavier_normal', 'kaiming_uniform', 'kaiming_normal', 'orthogonal', 'sparse'])
      for (const shape of ['(8, 4)', '(1, 8)', '(784, 256)']) expect(seen.has(`${name} ${shape}`), `${name} ${shape}`).toBe(true);
  });

  it('leaves requiresGrad alone when it is false', () => {
    const t = new Parameter(new Float32Array(32), [8, 4], false);
    callTensorApi(t, { name: 'xavier_uniform' }, new Generator(0));
    expect(t.requiresGrad).toBe(false);
  });
});
