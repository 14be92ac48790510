import { describe, expect, it } from 'vitest';
import { add, mean, square, sum, type Tensor } from '../../../src/engine/index.js';
import { buildModel, validateSpec, type Module } from '../../../src/nn/index.js';
import { cases, LIMITS, specCase, toTensor, type FixtureTensor, type GradCase, type SpecCase } from '../spec/fixture.js';

/** The case's net with torch's weights loaded (so these checks do not depend on the RNG). */
function loaded(c: SpecCase, spec: unknown = c.spec): Module {
  const net = buildModel(validateSpec(spec, LIMITS), null);
  net.loadStateDict(new Map(Object.entries(c.stateDict).map(([k, t]) => [k, toTensor(t)])));
  return net.eval();
}

const LOSSES: Record<'sum' | 'squareMean', (out: Tensor) => Tensor> = {
  sum: (out) => sum(out),
  squareMean: (out) => mean(square(add(out, 1))),
};

function expectClose(actual: ArrayLike<number>, expected: FixtureTensor, what: string): void {
  const want = toTensor(expected).data;
  expect(actual.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++)
    expect(Math.abs(actual[i] - want[i]), `${what}[${i}]: ${actual[i]} vs ${want[i]}`).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(want[i]));
}

function backward(net: Module, c: SpecCase, loss: keyof typeof LOSSES): number {
  net.zeroGrad();
  const value = LOSSES[loss](net.forward(toTensor(c.input)));
  value.backward();
  return value.item();
}

const tied = cases.filter((c) => c.grads !== undefined);

describe.each(tied.map((c) => [c.name, c] as const))('%s: gradients through ties equal torch\'s', (_name, c) => {
  it.each(['sum', 'squareMean'] as const)('after backward of %s', (loss) => {
    const net = loaded(c);
    const expected: GradCase = c.grads![loss];
    expect(backward(net, c, loss)).toBeCloseTo(expected.loss, 5);
    const names = [...net.namedParameters()].map(([n]) => n);
    expect(names).toEqual(Object.keys(expected.grads));
    for (const [name, p] of net.namedParameters()) {
      expect(p.grad, name).not.toBeNull();
      expectClose(p.grad!.data, expected.grads[name], name);
    }
  });

  it('gives the forward value torch gives', () => {
    const out = loaded(c).forward(toTensor(c.input));
    expectClose(out.data, c.output, 'output');
  });
});

describe('a tied layer\'s gradient is the sum of both uses (S16)', () => {
  it('equals the untied twin\'s two gradients added', () => {
    const c = specCase('s15');
    const tiedNet = loaded(c);
    // Same keys and weights, but positions 2 and 4 hold two separate Linear objects.
    const layers = c.spec.layers!.map((l) => ('ref' in l ? { type: 'Linear', in_features: 8, out_features: 8 } : l));
    const twin = loaded(c, { type: 'Sequential', layers });
    expect(twin.getParameter('4.weight')).not.toBe(twin.getParameter('2.weight'));
    for (const loss of ['sum', 'squareMean'] as const) {
      backward(tiedNet, c, loss);
      backward(twin, c, loss);
      for (const role of ['weight', 'bias']) {
        const a = twin.getParameter(`2.${role}`).grad!.data;
        const b = twin.getParameter(`4.${role}`).grad!.data;
        const summed = Array.from(a, (v, i) => v + b[i]);
        const got = tiedNet.getParameter(`2.${role}`).grad!.data;
        for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(summed[i], 6);
      }
      expectClose(tiedNet.getParameter('2.weight').grad!.data, c.grads![loss].grads['2.weight'], `${loss} 2.weight`);
    }
  });

  it('accumulates across backward calls, shared slots included', () => {
    const c = specCase('param-tie');
    const net = loaded(c);
    backward(net, c, 'sum');
    const once = Float32Array.from(net.getParameter('2.weight').grad!.data);
    LOSSES.sum(net.forward(toTensor(c.input))).backward();
    const twice = net.getParameter('4.weight').grad!.data;
    for (let i = 0; i < once.length; i++) expect(twice[i]).toBeCloseTo(2 * once[i], 5);
  });
});
