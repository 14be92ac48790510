import { describe, expect, it } from 'vitest';
import { Tensor } from '../../../src/engine/index.js';
import { createOptimizer, Parameter } from '../../../src/nn/index.js';
import { fixture, toTensor } from './fixture.js';

const { p0, q0, grads, cases } = fixture.updates;

function param(t: typeof p0): Parameter {
  const v = toTensor(t);
  return new Parameter(v.data, v.shape);
}

describe('optimizer arithmetic against torch, bit for bit (fixed gradients)', () => {
  it.each(cases.map((c) => [`${c.optimizer} ${JSON.stringify(c.kwargs)}`, c] as const))('%s', (_name, c) => {
    const p = param(p0);
    const q = param(q0);
    const opt = createOptimizer(c.optimizer, [p, q], c.kwargs);
    grads.forEach((g, step) => {
      p.grad = toTensor(g.p);
      q.grad = g.q === null ? null : toTensor(g.q);
      opt.step();
      expect(p.data, `p after step ${step + 1}`).toEqual(toTensor(c.after[step].p).data);
      expect(q.data, `q after step ${step + 1}`).toEqual(toTensor(c.after[step].q).data);
    });
  });

  it('leaves a frozen parameter (requiresGrad false) and its state alone even with a gradient', () => {
    const p = param(p0);
    p.requiresGrad = false;
    const before = Float32Array.from(p.data);
    for (const name of ['SGD', 'Adam', 'AdamW']) {
      const opt = createOptimizer(name, [p], { lr: 0.1, ...(name === 'SGD' ? { momentum: 0.9 } : {}) });
      p.grad = new Tensor(Float32Array.from(p.data, () => 1), p.shape);
      opt.step();
      expect(p.data).toEqual(before);
    }
  });
});
