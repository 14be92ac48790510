import { describe, expect, it } from 'vitest';
import { Generator, noGrad } from '../../../src/engine/index.js';
import { buildModel, countModulePaths, validateSpec, type Module } from '../../../src/nn/index.js';
import { cases, LIMITS, toTensor, type SpecCase } from './fixture.js';

/** torch.manual_seed(seed) followed by the construction the spec describes. */
function seeded(c: SpecCase): Module {
  return buildModel(validateSpec(c.spec, LIMITS), new Generator(c.seed));
}

describe.each(cases.map((c) => [c.name, c] as const))('%s against torch', (_name, c) => {
  it('draws every parameter bit for bit', () => {
    const state = seeded(c).stateDict();
    expect([...state.keys()]).toEqual(c.stateDictKeys);
    for (const [key, expected] of Object.entries(c.stateDict)) {
      const actual = state.get(key)!;
      expect(actual.shape, key).toEqual(expected.shape);
      expect(actual.data, key).toEqual(toTensor(expected).data);
    }
  });

  it('names parameters and modules as torch does', () => {
    const net = seeded(c);
    expect([...net.namedParameters()].map(([name, p]) => ({ name, shape: [...p.shape] }))).toEqual(c.namedParameters);
    expect([...net.namedModules()].map(([path]) => path)).toEqual(c.namedModules);
    expect(net.parameters().reduce((n, p) => n + p.numel, 0)).toBe(c.parameterCount);
    expect(countModulePaths(net)).toBe(c.modulePathCount);
  });

  it('prints as torch prints it', () => {
    expect(seeded(c).toString()).toBe(c.repr);
  });

  it('computes the forward output (eval mode)', () => {
    const net = seeded(c).eval();
    const out = noGrad(() => net.forward(toTensor(c.input)));
    const expected = toTensor(c.output);
    expect(out.shape).toEqual(expected.shape);
    for (let i = 0; i < expected.numel; i++) expect(out.data[i]).toBeCloseTo(expected.data[i], 5);
  });
});
