import { describe, expect, it } from 'vitest';
import { Generator, randperm } from '../../../src/engine/index.js';
import { buildModel, validateSpec, type Module } from '../../../src/nn/index.js';
import { loadConfig } from '../../../src/core/index.js';
import { TrainingLoop } from '../../../src/core/training/training-loop.js';
import { parseTrainRequest } from '../../../src/core/training/train-plan.js';
import type { StepEvent } from '../../../src/core/training/train-events.js';
import { golden, num, run, statsOf, statsVector, toleranceRatio, trainBody, type GoldenRun } from './training-fixture.js';

/**
 * The training loop against PyTorch: the chapter's exercise (an MLP whose
 * shared layer appears twice) on the fixture's data, for SGD with momentum,
 * Adam, AdamW without shuffling and a run with a frozen layer.
 */
const limits = loadConfig({}).limits;

function model(frozen: string[] = []): Module {
  const root = buildModel(validateSpec(golden.architecture, { maxParameters: 1e6, maxDepth: 8, maxChildren: 64, maxModules: 64 }), new Generator(golden.modelSeed));
  for (const [name, p] of root.namedParameters()) if (frozen.includes(name)) p.requiresGrad = false;
  return root;
}

function train(r: GoldenRun) {
  const root = model(r.frozen);
  const loop = new TrainingLoop(root, parseTrainRequest(trainBody(r), limits));
  const steps: StepEvent[] = [];
  const epochLosses: number[] = [];
  while (!loop.finished)
    for (const e of loop.step()) {
      if (e.type === 'step') steps.push(e.data);
      else epochLosses.push(num(e.data.loss));
    }
  return { root, loop, steps, epochLosses };
}

describe('the training loop against torch 1.13', () => {
  it('builds the exercise with the seed exactly as PyTorch did', () => {
    const state = new Map(model().stateDict());
    for (const [key, t] of Object.entries(golden.initial)) expect([...state.get(key)!.data]).toEqual(t.data);
  });

  it('shuffles as torch.manual_seed(seed) then torch.randperm(n) per epoch', () => {
    const r = run('sgd_momentum');
    const g = new Generator(r.seed!);
    const perEpoch = Math.ceil(golden.data.x.shape[0] / r.batchSize);
    for (let epoch = 0; epoch < r.epochs; epoch++) {
      const order = [...randperm(golden.data.x.shape[0], g)];
      const rows = r.steps.slice(epoch * perEpoch, (epoch + 1) * perEpoch).flatMap((s) => s.rows);
      expect(rows).toEqual(order);
    }
  });

  it.each(golden.runs.map((r) => [r.name, r] as const))('%s: losses, epoch losses, statistics and final weights match', (_name, r) => {
    const { root, steps, epochLosses } = train(r);
    expect(steps.map((s) => s.step)).toEqual(r.steps.map((_, i) => i + 1));
    expect(toleranceRatio(steps.map((s) => num(s.loss)), r.steps.map((s) => s.loss))).toBeLessThanOrEqual(1);
    expect(toleranceRatio(epochLosses, r.epochLosses)).toBeLessThanOrEqual(1);
    steps.forEach((s, i) => {
      const want = r.steps[i].parameters;
      expect(s.parameters!.map((p) => [p.name, p.requiresGrad])).toEqual(want.map((p) => [p.name, p.requiresGrad]));
      s.parameters!.forEach((p, j) => {
        expect(toleranceRatio(statsVector(p.value), statsVector(want[j].value), 1e-5, 1e-6), `${p.name} value at step ${s.step}`).toBeLessThanOrEqual(1);
        if (want[j].grad === null) expect(p.grad).toBeNull();
        else expect(toleranceRatio(statsVector(p.grad!), statsVector(want[j].grad!)), `${p.name} grad at step ${s.step}`).toBeLessThanOrEqual(1);
      });
    });
    const params = new Map(root.namedParameters());
    expect([...params.keys()]).toEqual(Object.keys(r.final));
    for (const [name, t] of Object.entries(r.final)) expect(toleranceRatio(params.get(name)!.data, t.data.map(num)), name).toBeLessThanOrEqual(1);
    for (const [name, g] of Object.entries(r.finalGrads)) {
      const grad = params.get(name)!.grad;
      if (g === null) expect(grad).toBeNull();
      else expect(toleranceRatio(grad!.data, g.data.map(num)), `grad ${name}`).toBeLessThanOrEqual(1);
    }
  });

  it("gives the shared layer the sum of both uses' gradients", () => {
    const { tied, uses } = golden.sharedSplit;
    const sum = uses['2'].data.map((v, i) => num(v) + num(uses['4'].data[i]));
    expect(toleranceRatio(sum, tied.data.map(num))).toBeLessThanOrEqual(1);
    const { steps } = train(run('sgd_momentum'));
    const streamed = statsVector(steps[0].parameters!.find((p) => p.name === golden.sharedSplit.parameter)!.grad!);
    expect(toleranceRatio(streamed, statsOf(tied))).toBeLessThanOrEqual(1);
    // Either use alone is far from it: the stream really reports the accumulated gradient.
    for (const use of Object.values(uses)) expect(toleranceRatio(streamed, statsOf(use))).toBeGreaterThan(100);
  });

  it('never moves or reports a gradient for a frozen layer (S17)', () => {
    const r = run('frozen_first_layer');
    const { root, steps } = train(r);
    const params = new Map(root.namedParameters());
    for (const name of r.frozen!) {
      expect([...params.get(name)!.data]).toEqual(golden.initial[name].data);
      expect(params.get(name)!.grad).toBeNull();
      for (const s of steps) expect(s.parameters!.find((p) => p.name === name)).toMatchObject({ requiresGrad: false, grad: null });
    }
  });

  it('stops after maxSteps, mid-epoch, with the state a run of that many steps has', () => {
    const r = run('adam');
    const short = new TrainingLoop(model(), parseTrainRequest(trainBody(r, { maxSteps: 7 }), limits));
    const events = [];
    while (!short.finished) events.push(...short.step());
    expect(short.steps).toBe(7);
    const snap = short.snapshot();
    expect(snap.epochs).toBe(1);
    const full = new TrainingLoop(model(), parseTrainRequest(trainBody(r), limits));
    for (let i = 0; i < 7; i++) full.step();
    expect(full.snapshot()).toEqual(snap);
  });
});
