import { afterAll, describe, expect, it } from 'vitest';
import { computeLoss, createOptimizer, type Parameter } from '../../../src/nn/index.js';
import { batchOf, buildModel, close, deviation, fixture, outputWidth, toTensor, type RunCase } from './fixture.js';

/** float32 tolerance for 20 steps of forward, backward and update (matmul sums are not bit-reproducible). */
const RTOL = 1e-5;
const ATOL = 1e-6;

const worst = { loss: { abs: 0, rel: 0 }, param: { abs: 0, rel: 0 } };

function track(kind: 'loss' | 'param', d: { abs: number; rel: number }): void {
  worst[kind].abs = Math.max(worst[kind].abs, d.abs);
  worst[kind].rel = Math.max(worst[kind].rel, d.rel);
}

/** The Python loop: zero_grad, forward on batch s, loss, backward, step; the loss before each step. */
function train(c: RunCase): { losses: number[]; params: Map<string, Parameter> } {
  const net = buildModel(c.model);
  const opt = createOptimizer(c.optimizer, net.parameters(), c.kwargs);
  const target = fixture.data.targets[String(outputWidth(c.model))][c.loss];
  const losses: number[] = [];
  for (let s = 0; s < fixture.steps; s++) {
    opt.zeroGrad();
    const out = net.forward(batchOf(fixture.data.x, s));
    const loss = computeLoss(c.loss, out, batchOf(target, s));
    loss.backward();
    opt.step();
    losses.push(loss.item());
  }
  return { losses, params: new Map(net.namedParameters()) };
}

describe('20-step training runs against torch 1.13', () => {
  it.each(fixture.runs.map((c) => [`${c.model} ${c.loss} ${c.optimizer} ${JSON.stringify(c.kwargs)}`, c] as const))('%s', (_name, c) => {
    const { losses, params } = train(c);
    track('loss', deviation(losses, c.losses));
    expect(close(losses, c.losses, RTOL, ATOL), `losses ${losses} vs ${c.losses}`).toBe(true);
    expect([...params.keys()]).toEqual(Object.keys(c.final));
    for (const [name, expected] of Object.entries(c.final)) {
      const actual = params.get(name)!.data;
      const want = toTensor(expected).data;
      track('param', deviation(actual, want));
      expect(close(actual, want, RTOL, ATOL), `${name}: ${[...actual]} vs ${[...want]}`).toBe(true);
    }
  });

  it('never moves a frozen parameter', () => {
    for (const c of fixture.runs.filter((r) => r.model === 'frozen_first')) {
      const initial = fixture.models[c.model].initial;
      expect(toTensor(c.final['0.weight']).data).toEqual(toTensor(initial['0.weight']).data);
      expect(train(c).params.get('0.weight')!.data).toEqual(toTensor(initial['0.weight']).data);
    }
  });
});

afterAll(() => {
  console.info(`train: max deviation vs torch: loss abs ${worst.loss.abs.toExponential(2)} rel ${worst.loss.rel.toExponential(2)}; params abs ${worst.param.abs.toExponential(2)} rel ${worst.param.rel.toExponential(2)}`);
});
