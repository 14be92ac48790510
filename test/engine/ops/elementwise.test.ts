import { describe, expect, it } from 'vitest';
import {
  ShapeError,
  abs,
  add,
  clamp,
  div,
  eq,
  gt,
  leakyRelu,
  max,
  mean,
  mul,
  ne,
  pow,
  relu,
  scalar,
  sub,
  sum,
  tensor,
  where,
  zeros,
} from '../../../src/engine/index.js';

const grad = (f: (x: ReturnType<typeof tensor>) => ReturnType<typeof tensor>, values: number[]): number[] => {
  const x = tensor(values, { requiresGrad: true });
  sum(f(x)).backward();
  return Array.from(x.grad!.data);
};

describe('elementwise ops: PyTorch edge cases', () => {
  it('numbers act in the tensor dtype (float32(0.1) == 0.1 on a float32 tensor)', () => {
    const x = tensor([0.1]);
    expect(gt(x, 0.1).tolist()).toEqual([0]);
    expect(eq(x, 0.1).tolist()).toEqual([1]);
    expect(add(x, 0.1).data[0]).toBe(Math.fround(Math.fround(0.1) + Math.fround(0.1)));
  });

  it('NaN: never equal, a true condition, propagated by relu/clamp/max', () => {
    const n = tensor([NaN, 1]);
    expect(eq(n, n).tolist()).toEqual([0, 1]);
    expect(ne(n, n).tolist()).toEqual([1, 0]);
    expect(where(tensor([NaN, 0]), 1, 2).tolist()).toEqual([1, 2]);
    expect(relu(n).tolist()).toEqual([NaN, 1]);
    expect(clamp(n, 0, 0.5).tolist()).toEqual([NaN, 0.5]);
    expect(max(tensor([1, NaN, 3])).item()).toBeNaN();
  });

  it('gradients at NaN and at the kinks, as PyTorch computes them', () => {
    expect(grad(relu, [NaN, -1, 2, 0])).toEqual([1, 0, 1, 0]);
    expect(grad(abs, [NaN, -1, 2, 0])).toEqual([0, -1, 1, 0]);
    expect(grad((x) => clamp(x, 0, 1), [NaN, -1, 2, 0, 1])).toEqual([0, 0, 0, 1, 1]);
    expect(grad((x) => clamp(x, 2.5, 1.5), [0, 1, 2])).toEqual([0, 0, 0]);
    expect(grad((x) => leakyRelu(x, 0.1), [0, 1, -2])).toEqual([0.1, 1, 0.1].map(Math.fround));
    expect(grad((x) => pow(x, 0), [0, 1, -2])).toEqual([0, 0, 0]);
    expect(grad((x) => pow(x, 0.5), [0, 1])).toEqual([Infinity, 0.5]);
    expect(grad((x) => pow(x, -1), [1, -2])).toEqual([-1, -0.25]);
    expect(grad((x) => max(x), [3, 1, 3])).toEqual([0.5, 0, 0.5]);
  });

  it('pow with a tensor exponent masks 0 ** e for e >= 0, as PyTorch does', () => {
    const y = tensor([0, 1, 2], { requiresGrad: true });
    const e = tensor([0, 2, -1], { requiresGrad: true });
    sum(pow(y, e)).backward();
    expect(Array.from(y.grad!.data)).toEqual([0, 2, -0.25]);
    expect(e.grad!.data[0]).toBe(0);
    expect(e.grad!.data[1]).toBe(0);
    expect(e.grad!.data[2]).toBeCloseTo(0.5 * Math.log(2), 6);
  });

  it('clamp with inverted bounds gives max everywhere', () => {
    expect(clamp(tensor([1, 2, 3]), 2.5, 1.5).tolist()).toEqual([1.5, 1.5, 1.5]);
    expect(() => clamp(tensor([1]))).toThrow("torch.clamp: At least one of 'min' or 'max' must not be None");
  });

  it('division by zero follows IEEE', () => {
    expect(div(tensor([1, -2, 0]), 0).tolist()).toEqual([Infinity, -Infinity, NaN]);
  });

  it('empty and 0-d operands', () => {
    expect(add(zeros([0, 3]), zeros([3])).shape).toEqual([0, 3]);
    expect(mul(scalar(2), scalar(3)).shape).toEqual([]);
    expect(sum(zeros([0, 3])).item()).toBe(0);
    expect(mean(zeros([0, 3])).item()).toBeNaN();
    expect(sum(zeros([0, 3]), 0).tolist()).toEqual([0, 0, 0]);
    expect(sub(zeros([2, 0]), zeros([1, 0])).shape).toEqual([2, 0]);
  });

  it('dtype promotion: float64 wins between dimensioned tensors', () => {
    expect(add(tensor([1]), tensor([1], { dtype: 'float64' })).dtype).toBe('float64');
    expect(add(tensor([1], { dtype: 'float64' }), 1).dtype).toBe('float64');
    expect(add(scalar(1), scalar(1, 'float64')).dtype).toBe('float64');
  });

  it('shapes that do not broadcast raise a ShapeError with PyTorch words', () => {
    expect(() => add(zeros([3, 4]), zeros([3]))).toThrow(ShapeError);
    expect(() => mul(zeros([2, 3]), zeros([3, 2]))).toThrow(
      'The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1',
    );
  });
});
