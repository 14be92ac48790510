import { describe, expect, it } from 'vitest';
import {
  EngineArgumentError,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  logSoftmax,
  mseLoss,
  nllLoss,
  scalar,
  softmax,
  tensor,
  zeros,
} from '../../../src/engine/index.js';

describe('softmax and log_softmax', () => {
  it('are stable for large logits and exact zeros for -inf', () => {
    const x = tensor([1000, 1001, -Infinity]);
    const s = softmax(x, 0).tolist() as number[];
    expect(s[0]).toBeCloseTo(0.2689414, 6);
    expect(s[1]).toBeCloseTo(0.7310586, 6);
    expect(s[2]).toBe(0);
    const l = logSoftmax(x, 0).tolist() as number[];
    expect(l[0]).toBeCloseTo(-1.3132617, 5);
    expect(l[2]).toBe(-Infinity);
  });

  it('0-d, empty and NaN inputs', () => {
    expect(softmax(scalar(3), 0).item()).toBe(1);
    expect(softmax(zeros([0, 3]), 1).shape).toEqual([0, 3]);
    expect(softmax(tensor([NaN, 1]), 0).tolist()).toEqual([NaN, NaN]);
    expect(() => softmax(zeros([2, 3]), 2)).toThrow('Dimension out of range (expected to be in range of [-2, 1], but got 2)');
  });
});

describe('losses', () => {
  it('nll_loss with every target ignored is NaN (0 / 0), as in PyTorch', () => {
    expect(nllLoss(zeros([2, 3]), [-100, -100]).item()).toBeNaN();
    expect(nllLoss(zeros([2, 3]), [-100, -100], 'sum').item()).toBe(0);
  });

  it('cross_entropy and bce_with_logits stay finite for huge logits', () => {
    expect(crossEntropy(tensor([[1000, -1000]]), [1]).item()).toBe(2000);
    expect(binaryCrossEntropyWithLogits(tensor([1000, -1000]), tensor([0, 1]), 'none').tolist()).toEqual([1000, 1000]);
  });

  it('a 1-D input takes one target and gives a 0-d loss', () => {
    expect(nllLoss(tensor([-1, -2, -3]), [1], 'none').shape).toEqual([]);
    expect(nllLoss(tensor([-1, -2, -3]), [1]).item()).toBe(2);
  });

  it('rejects an unknown reduction as PyTorch does', () => {
    expect(() => mseLoss(zeros([2]), zeros([2]), 'avg' as 'mean')).toThrow(EngineArgumentError);
    expect(() => mseLoss(zeros([2]), zeros([2]), 'avg' as 'mean')).toThrow('avg is not a valid value for reduction');
  });

  it('mse_loss broadcasts a target, with the broadcast shape for reduction none', () => {
    expect(mseLoss(zeros([4, 3]), tensor([1, 2, 3]), 'none').shape).toEqual([4, 3]);
    expect(mseLoss(zeros([4, 3]), tensor([1, 2, 3])).item()).toBeCloseTo(14 / 3, 6);
  });
});
