import { describe, expect, it } from 'vitest';
import { mul, Tensor } from '../../../src/engine/index.js';
import { AppError } from '../../../src/errors/index.js';
import { Adam, AdamW, createOptimizer, Linear, Parameter, SGD } from '../../../src/nn/index.js';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

const params = (): Parameter[] => [new Parameter(new Float32Array(2), [2])];

// Messages as torch 1.13 words them (checked with /usr/bin/python3).
describe('hyperparameter checks, in PyTorch\'s order and words', () => {
  it.each([
    ['SGD', { lr: -0.1 }, 'Invalid learning rate: -0.1', 'lr'],
    ['SGD', { lr: 0.1, momentum: -1 }, 'Invalid momentum value: -1.0', 'momentum'],
    ['SGD', { lr: 0.1, weight_decay: -1e-5 }, 'Invalid weight_decay value: -1e-05', 'weight_decay'],
    ['SGD', { lr: 0.1, nesterov: true }, 'Nesterov momentum requires a momentum and zero dampening', 'nesterov'],
    ['SGD', { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true }, 'Nesterov momentum requires a momentum and zero dampening', 'nesterov'],
    ['SGD', {}, "parameter group didn't specify a value of required optimization parameter lr", 'lr'],
    ['Adam', { lr: -1 }, 'Invalid learning rate: -1.0', 'lr'],
    ['Adam', { eps: -1e-8 }, 'Invalid epsilon value: -1e-08', 'eps'],
    ['Adam', { betas: [1, 0.999] }, 'Invalid beta parameter at index 0: 1.0', 'betas'],
    ['Adam', { betas: [0.9, -0.5] }, 'Invalid beta parameter at index 1: -0.5', 'betas'],
    ['Adam', { weight_decay: -0.1 }, 'Invalid weight_decay value: -0.1', 'weight_decay'],
    ['AdamW', { lr: NaN }, 'Invalid learning rate: nan', 'lr'],
    ['SGD', { lr: 0.1, foo: 1 }, "SGD.__init__() got an unexpected keyword argument 'foo'", 'foo'],
    ['AdamW', { momentum: 1 }, "AdamW.__init__() got an unexpected keyword argument 'momentum'", 'momentum'],
  ] as const)('%s(%j): %s', (name, kwargs, message, field) => {
    const e = refusal(() => createOptimizer(name, params(), kwargs));
    expect(e.message).toBe(message);
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.details.field).toBe(`optimizer.${field}`);
  });

  it('accepts a NaN lr for SGD, as `lr < 0.0` does', () => {
    expect(new SGD(params(), { lr: NaN }).lr).toBeNaN();
  });

  it('checks the parameter list like Optimizer.__init__', () => {
    expect(refusal(() => new SGD([], { lr: 0.1 })).message).toBe('optimizer got an empty parameter list');
    expect(refusal(() => new SGD([], { lr: -0.1 })).message).toBe('Invalid learning rate: -0.1');
    const w = new Parameter(new Float32Array(2), [2]);
    expect(refusal(() => new Adam([mul(w, 2)])).message).toBe("can't optimize a non-leaf Tensor");
    expect(refusal(() => new Adam([new Tensor(new Float64Array(2), [2], true)])).code).toBe('INVALID_ARGUMENT');
  });

  it('refuses unknown optimizers and ill-typed keywords', () => {
    expect(refusal(() => createOptimizer('RMSprop', params())).code).toBe('UNKNOWN_OPTIMIZER');
    expect(refusal(() => createOptimizer('sgd', params(), { lr: '0.1' })).message).toBe('optimizer.lr: expected a number, got "0.1"');
    expect(refusal(() => createOptimizer('adam', params(), { betas: [0.9] })).details.field).toBe('optimizer.betas');
    expect(refusal(() => createOptimizer('adamw', params(), { amsgrad: 1 })).details.field).toBe('optimizer.amsgrad');
    expect(refusal(() => createOptimizer('SGD', params(), { lr: 0.1, constructor: 1 })).message).toBe(
      "SGD.__init__() got an unexpected keyword argument 'constructor'",
    );
  });
});

describe('defaults and bookkeeping', () => {
  it('has torch\'s defaults', () => {
    const adam = new Adam(params());
    expect([adam.lr, adam.betas, adam.eps, adam.weightDecay, adam.amsgrad, adam.maximize]).toEqual([1e-3, [0.9, 0.999], 1e-8, 0, false, false]);
    expect(new AdamW(params()).weightDecay).toBe(1e-2);
    const sgd = new SGD(params(), { lr: 0.1 });
    expect([sgd.momentum, sgd.dampening, sgd.weightDecay, sgd.nesterov, sgd.maximize]).toEqual([0, 0, 0, false, false]);
    expect(createOptimizer('ADAMW', params()).typeName).toBe('AdamW');
  });

  it('keeps a parameter listed twice (a tied one) once, so it is updated once per step', () => {
    const shared = new Linear(2, 2, { init: false });
    const twice = [...shared.parameters(), ...shared.parameters()];
    const opt = new SGD(twice, { lr: 1 });
    expect(opt.params).toHaveLength(2);
    shared.weight.grad = new Tensor(Float32Array.of(1, 1, 1, 1), [2, 2]);
    opt.step();
    expect([...shared.weight.data]).toEqual([-1, -1, -1, -1]);
  });

  it('zeroGrad sets grads to null by default, or zeroes them in place', () => {
    const [p] = params();
    const opt = new SGD([p], { lr: 0.1 });
    const grad = new Tensor(Float32Array.of(1, 2), [2]);
    p.grad = grad;
    opt.zeroGrad(false);
    expect(p.grad).toBe(grad);
    expect([...grad.data]).toEqual([0, 0]);
    opt.zeroGrad();
    expect(p.grad).toBeNull();
  });

  it('skips a parameter with no gradient without starting its state', () => {
    const [p, q] = [...params(), ...params()];
    const opt = new Adam([p, q], { lr: 0.1 });
    q.grad = new Tensor(Float32Array.of(1, 1), [2]);
    opt.step();
    p.grad = new Tensor(Float32Array.of(1, 1), [2]);
    opt.step();
    // Both moved by lr on their own first step: Adam's first update is lr·sign(grad).
    expect(p.data[0]).toBeCloseTo(-0.1, 6);
    expect(q.data[0]).toBeLessThan(p.data[0]);
  });
});
