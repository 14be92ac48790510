import { describe, expect, it } from 'vitest';
import { Tensor, sum } from '../../../src/engine/index.js';
import { Dropout, Linear, ReLU, Sequential, type Module } from '../../../src/nn/index.js';
import { cases } from './fixture.js';
import { build, setState, tensorOf } from './recipe.js';

function tiedNet(): { net: Sequential; shared: Linear } {
  const c = cases.seededNets.find((s) => s.name === 'tied S15')!;
  const net = build(c.recipe) as Sequential;
  setState(net, c.state);
  return { net, shared: net.at(2) as Linear };
}

function backwardOnce(net: Module): void {
  sum(net.forward(tensorOf(cases.seededNets.find((s) => s.name === 'tied S15')!.input))).backward();
}

describe('zero_grad', () => {
  it('leaves grads that were never computed as null (S4)', () => {
    const { net } = tiedNet();
    net.zeroGrad(false);
    for (const p of net.parameters()) expect(p.grad).toBeNull();
  });

  it('set_to_none=true (the default here and in PyTorch 2.x) sets every grad to null', () => {
    const { net } = tiedNet();
    backwardOnce(net);
    expect(net.parameters().every((p) => p.grad !== null)).toBe(true);
    net.zeroGrad();
    expect(net.parameters().every((p) => p.grad === null)).toBe(true);
  });

  it('set_to_none=false (PyTorch 1.13 default) zeroes each grad in place, detached', () => {
    const { net } = tiedNet();
    backwardOnce(net);
    const grads = net.parameters().map((p) => p.grad!);
    net.zeroGrad(false);
    net.parameters().forEach((p, i) => {
      expect(p.grad).toBe(grads[i]);
      expect([...p.grad!.data].every((v) => v === 0)).toBe(true);
      expect(p.grad!.requiresGrad).toBe(false);
      expect(p.grad!.gradFn).toBeNull();
    });
  });

  it('gradients then accumulate again from zero, and a tied layer gets the sum of both uses (S16)', () => {
    const { net, shared } = tiedNet();
    backwardOnce(net);
    const first = Float32Array.from(shared.weight.grad!.data);
    backwardOnce(net);
    shared.weight.grad!.data.forEach((v, i) => expect(v).toBeCloseTo(2 * first[i], 5));
    net.zeroGrad(false);
    backwardOnce(net);
    shared.weight.grad!.data.forEach((v, i) => expect(v).toBeCloseTo(first[i], 6));
  });
});

describe('requires_grad_', () => {
  it('freezes and unfreezes every parameter once, tied ones included, and returns the module (S17)', () => {
    const { net, shared } = tiedNet();
    expect(net.requiresGrad_(false)).toBe(net);
    expect(net.parameters().every((p) => !p.requiresGrad)).toBe(true);
    const y = net.forward(new Tensor(new Float32Array(8), [2, 4]));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
    net.requiresGrad_();
    expect(shared.weight.requiresGrad).toBe(true);
  });

  it('a frozen layer gets no grad while the others do', () => {
    const { net } = tiedNet();
    (net.at(0) as Linear).requiresGrad_(false);
    backwardOnce(net);
    expect((net.at(0) as Linear).weight.grad).toBeNull();
    expect((net.at(6) as Linear).weight.grad).not.toBeNull();
  });
});

describe('train / eval', () => {
  it('default to training everywhere and recurse into every module, tied ones included', () => {
    const rgnet = build(cases.structures.find((s) => s.name === 'rgnet')!.recipe);
    const all = [...rgnet.namedModules({ removeDuplicate: false })].map(([, m]) => m);
    expect(all.every((m) => m.training)).toBe(true);
    expect(rgnet.eval()).toBe(rgnet);
    expect(all.every((m) => !m.training)).toBe(true);
    rgnet.getSubmodule('0.block 1').train();
    expect(rgnet.training).toBe(false);
    expect([...rgnet.getSubmodule('0.block 1').modules()].every((m) => m.training)).toBe(true);
    expect(rgnet.getSubmodule('0.block 2').training).toBe(false);
  });

  it('switch Dropout between masking and the identity', () => {
    const net = new Sequential([new Linear(2, 2, { init: false }), new ReLU(), new Dropout(0.5)]);
    const x = new Tensor(Float32Array.of(1, 2), [1, 2]);
    net.eval();
    const y = net.forward(x);
    expect(net.forward(x, {}).data).toEqual(y.data);
  });
});
