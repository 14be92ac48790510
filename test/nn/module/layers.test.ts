import { describe, expect, it } from 'vitest';
import { mul, sum, Tensor } from '../../../src/engine/index.js';
import { AppError } from '../../../src/errors/index.js';
import { Dropout, Linear, NnArgumentError, Softmax } from '../../../src/nn/index.js';
import { cases, closeMismatches, fixture, float32Of, type LayerForwardCase } from './fixture.js';
import { build, setState, tensorOf } from './recipe.js';

function describeCase(c: LayerForwardCase): string {
  const { type, layers, ...kwargs } = c.recipe;
  const args = Object.entries(kwargs).filter(([k]) => !['shared', 'name'].includes(k)).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `${type}${layers ? `[${layers.length}]` : ''}(${args.join(', ')}) on [${c.input.shape.join(', ')}]`;
}

describe(`layer forwards against torch ${fixture.torch}`, () => {
  for (const c of cases.layerForward) {
    it(describeCase(c), () => {
      const net = build(c.recipe);
      setState(net, c.state);
      net.eval();
      const x = tensorOf(c.input);
      x.requiresGrad = true;
      const y = net.forward(x);
      expect(y === x).toBe(c.sameObject);
      expect([...y.shape]).toEqual(c.output.shape);
      expect(closeMismatches(y.data, float32Of(c.output))).toEqual([]);
      expect(y.gradFn?.name ?? null).toBe(c.gradFn);

      sum(mul(y, tensorOf(c.gradOutput))).backward();
      expect(closeMismatches(x.grad!.data, float32Of(c.inputGrad), 1e-4, 1e-5)).toEqual([]);
      const grads = new Map([...net.namedParameters()].map(([n, p]) => [n, p.grad]));
      expect([...grads.keys()]).toEqual(Object.keys(c.parameterGrads));
      for (const [n, g] of Object.entries(c.parameterGrads)) expect(closeMismatches(grads.get(n)!.data, float32Of(g), 1e-4, 1e-5), n).toEqual([]);
    });
  }

  it("Softmax(dim=None) picks PyTorch's legacy dim: 0 for 0-, 1- and 3-D input, else 1", () => {
    const rows = new Softmax().forward(new Tensor(Float32Array.of(0, 0, 0, 0, 0, 0), [2, 3]));
    expect([...rows.data].every((v) => Math.abs(v - 1 / 3) < 1e-7)).toBe(true);
    const cube = new Softmax().forward(new Tensor(new Float32Array(8), [2, 2, 2]));
    expect([...cube.data].every((v) => v === 0.5)).toBe(true);
  });
});

describe(`layer arguments against torch ${fixture.torch}`, () => {
  for (const e of cases.layerErrors['dropout p']) {
    it(`Dropout(${e.p}): ${e.error.message}`, () => {
      expect(() => new Dropout(e.p)).toThrow(NnArgumentError);
      expect(() => new Dropout(e.p)).toThrow(e.error.message);
    });
  }

  it('Dropout refuses NaN, which PyTorch lets through', () => {
    expect(() => new Dropout(NaN)).toThrow('dropout probability has to be between 0 and 1, but got nan');
  });

  for (const e of cases.layerErrors['linear features']) {
    it(`Linear(${e.in}, ${e.out}): ${e.error.message}`, () => {
      let caught: unknown;
      try {
        new Linear(e.in, e.out, { init: false });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).message).toBe(e.error.message);
    });
  }

  it(`train('x'): ${cases.layerErrors['train mode'].message}`, () => {
    expect(() => new Linear(1, 1, { init: false }).train('x' as unknown as boolean)).toThrow(cases.layerErrors['train mode'].message);
  });
});
