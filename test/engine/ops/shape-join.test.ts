import { describe, expect, it } from 'vitest';
import {
  arange,
  cat,
  expand,
  flatten,
  linear,
  matmul,
  ones,
  reshape,
  scalar,
  squeeze,
  stack,
  sum,
  t,
  tensor,
  transpose,
  unsqueeze,
  zeros,
} from '../../../src/engine/index.js';

describe('shape ops', () => {
  it('reshape shares storage; flatten of a no-op range returns the tensor itself', () => {
    const x = arange(6);
    const r = reshape(x, [2, 3]);
    expect(r.data).toBe(x.data);
    expect(flatten(x)).toBe(x);
    expect(flatten(reshape(x, [2, 3]), 1, 1).shape).toEqual([2, 3]);
    expect(flatten(scalar(3)).shape).toEqual([1]);
  });

  it('0-d and 1-d tensors through transpose, t, squeeze, unsqueeze', () => {
    const z = scalar(3);
    expect(t(z).shape).toEqual([]);
    expect(transpose(z, 0, 0).shape).toEqual([]);
    expect(transpose(z, 0, -1).shape).toEqual([]);
    expect(squeeze(z, 0).shape).toEqual([]);
    expect(unsqueeze(z, 0).shape).toEqual([1]);
    expect(t(arange(3)).tolist()).toEqual([0, 1, 2]);
    expect(squeeze(zeros([1, 3, 1])).shape).toEqual([3]);
    expect(squeeze(zeros([2, 3]), 0).shape).toEqual([2, 3]);
  });

  it('expand keeps -1 dims and sums its gradient back', () => {
    const a = tensor([[1], [2]], { requiresGrad: true });
    const e = expand(a, [3, -1, 4]);
    expect(e.shape).toEqual([3, 2, 4]);
    sum(e).backward();
    expect(a.grad!.tolist()).toEqual([[12], [12]]);
  });
});

describe('cat and stack', () => {
  it('promote dtypes and skip legacy 1-D empty tensors', () => {
    expect(cat([zeros([2], { dtype: 'float64' }), ones([1])]).dtype).toBe('float64');
    expect(cat([ones([2, 3]), zeros([0])]).shape).toEqual([2, 3]);
    expect(cat([zeros([0]), zeros([0])]).shape).toEqual([0]);
    expect(stack([scalar(1), scalar(2)]).tolist()).toEqual([1, 2]);
  });

  it('route each slice of the gradient to its input', () => {
    const a = tensor([[1, 2]], { requiresGrad: true });
    const b = tensor([[3, 4], [5, 6]]);
    const c = tensor([[7, 8]], { requiresGrad: true });
    const y = cat([a, b, c]);
    y.backward(reshape(arange(8), [4, 2]));
    expect(a.grad!.tolist()).toEqual([[0, 1]]);
    expect(c.grad!.tolist()).toEqual([[6, 7]]);
  });
});

describe('products with empty dims', () => {
  it('k = 0 gives zeros, or the bias for linear', () => {
    expect(matmul(zeros([2, 0]), zeros([0, 3])).tolist()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(linear(zeros([2, 0]), zeros([3, 0]), tensor([1, 2, 3])).tolist()).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(linear(zeros([0, 4]), zeros([3, 4]), tensor([1, 2, 3])).shape).toEqual([0, 3]);
  });
});

describe('arange', () => {
  it('counts ceil((end - start) / step) values and checks the step as PyTorch does', () => {
    expect(arange(0, 1, 0.3).tolist()).toEqual([0, 0.3, 0.6, 0.9].map(Math.fround));
    expect(arange(5, 5).shape).toEqual([0]);
    expect(() => arange(0, 5, 0)).toThrow('step must be nonzero');
    expect(() => arange(5, 0, 1)).toThrow('upper bound and larger bound inconsistent with step sign');
  });
});

describe('creation', () => {
  it('refuses a negative dimension with PyTorch words', () => {
    expect(() => zeros([2, -1])).toThrow('Trying to create tensor with negative dimension -1: [2, -1]');
  });
});
