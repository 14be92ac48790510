import { describe, expect, it } from 'vitest';
import { Tensor, tensor } from '../../../src/engine/index.js';
import { AppError } from '../../../src/errors/index.js';
import { classIndices, computeLoss, isLossName, LOSS_NAMES, lossNeedsTarget } from '../../../src/nn/index.js';
import { close, fixture, toTensor } from '../optim/fixture.js';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('losses against torch 1.13', () => {
  it.each(fixture.losses.map((c) => [`${c.loss} on ${JSON.stringify(c.input.shape)}`, c] as const))('%s: value, grad_fn and input gradient', (_name, c) => {
    const x = toTensor(c.input).requiresGrad_();
    const loss = computeLoss(c.loss, x, toTensor(c.target));
    expect(loss.shape).toEqual([]);
    expect(loss.gradFn?.name).toBe(c.gradFn);
    expect(close([loss.item()], [c.value]), `${loss.item()} vs ${c.value}`).toBe(true);
    loss.backward();
    expect(close(x.grad!.data, toTensor(c.grad).data), `${[...x.grad!.data]}`).toBe(true);
  });

  it('skips ignore_index (-100) targets and leaves them out of the mean, as nll_loss does', () => {
    const x = tensor([[1, 2, 3], [0.5, -1, 2]]).requiresGrad_();
    const loss = computeLoss('cross_entropy', x, tensor([2, -100]));
    const only = computeLoss('cross_entropy', tensor([[1, 2, 3]]), tensor([2]));
    expect(loss.item()).toBeCloseTo(only.item(), 6);
    loss.backward();
    expect([...x.grad!.data.slice(3)]).toEqual([0, 0, 0]);
  });
});

describe('the service\'s loss policy', () => {
  const out = (shape: number[]) => new Tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape);

  it('names the losses of api.md', () => {
    expect(LOSS_NAMES).toEqual(['sum', 'mean', 'mse', 'l1', 'cross_entropy', 'bce_with_logits']);
    expect(isLossName('mse')).toBe(true);
    expect(isLossName('MSE')).toBe(false);
    expect(LOSS_NAMES.filter(lossNeedsTarget)).toEqual(['mse', 'l1', 'cross_entropy', 'bce_with_logits']);
  });

  it.each(['mse', 'l1', 'bce_with_logits'])('%s refuses a target whose shape differs from the output\'s (PyTorch would broadcast)', (name) => {
    const e = refusal(() => computeLoss(name, out([3, 2]), out([3])));
    expect(e.code).toBe('SHAPE_MISMATCH');
    expect(e.message).toBe('Target size (torch.Size([3])) must be the same as input size (torch.Size([3, 2]))');
    expect(e.details.field).toBe('target');
    expect(refusal(() => computeLoss(name, out([3, 1]), out([3]))).code).toBe('SHAPE_MISMATCH');
  });

  it.each([
    [[3, 4], [0, 1, 5], 'Target 5 is out of bounds.', 'INVALID_TARGET'],
    [[3, 4], [0, -1, 2], 'Target -1 is out of bounds.', 'INVALID_TARGET'],
    [[3, 4], [0, 1.5, 2], 'Target 1.5 is not an integer class index.', 'INVALID_TARGET'],
    [[3, 4], [0, NaN, 2], 'Target NaN is not an integer class index.', 'INVALID_TARGET'],
    [[3, 4], [0, 1], 'Expected input batch_size (3) to match target batch_size (2).', 'SHAPE_MISMATCH'],
    [[3, 4], [[0, 1], [0, 1], [0, 1]], '0D or 1D target tensor expected, multi-target not supported', 'SHAPE_MISMATCH'],
    [[4], [1, 2], 'size mismatch (got input: [4], target: [2])', 'SHAPE_MISMATCH'],
    [[2, 3, 4], [0, 1], 'cross_entropy expects logits of shape [N, C] or [C], got [2, 3, 4]', 'SHAPE_MISMATCH'],
  ] as const)('cross_entropy on %j with targets %j: %s', (shape, target, message, code) => {
    const e = refusal(() => computeLoss('cross_entropy', out([...shape]), tensor(target as never)));
    expect(e.message).toBe(message);
    expect(e.code).toBe(code);
    expect(e.details.field).toBe('target');
  });

  it('reads class indices given as floats', () => {
    expect([...classIndices(out([3, 4]), tensor([0, 3, 2]))]).toEqual([0, 3, 2]);
    expect([...classIndices(out([4]), new Tensor(Float32Array.of(3), []))]).toEqual([3]);
    expect(refusal(() => computeLoss('cross_entropy', out([3, 4]), tensor([0, 1, 4]))).message).toBe('Target 4 is out of bounds.');
  });

  it('refuses an unknown loss and a missing target, naming the fields', () => {
    const unknown = refusal(() => computeLoss('hinge', out([2]), out([2]), { loss: 'body.loss' }));
    expect(unknown.code).toBe('UNKNOWN_LOSS');
    expect(unknown.details.field).toBe('body.loss');
    const missing = refusal(() => computeLoss('mse', out([2])));
    expect(missing.code).toBe('INVALID_TARGET');
    expect(missing.details.field).toBe('target');
  });

  it('sum and mean ignore a target', () => {
    expect(computeLoss('sum', tensor([1, 2]), tensor([9])).item()).toBe(3);
    expect(computeLoss('mean', tensor([1, 2])).item()).toBe(1.5);
  });
});
