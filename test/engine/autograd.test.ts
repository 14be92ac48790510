import { describe, expect, it } from 'vitest';
import {
  AutogradError,
  Tensor,
  add,
  linear,
  mean,
  mul,
  noGrad,
  ones,
  relu,
  reshape,
  scalar,
  square,
  sub,
  sum,
  tensor,
} from '../../src/engine/index.js';

describe('autograd engine', () => {
  it('accumulates leaf gradients across backward calls', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    sum(mul(w, w)).backward();
    sum(mul(w, w)).backward();
    expect(w.grad!.tolist()).toEqual([4, 8]);
  });

  it('never lets two leaves share a gradient buffer', () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor([3, 4], { requiresGrad: true });
    sum(add(a, b)).backward();
    expect(a.grad!.data).not.toBe(b.grad!.data);
    a.grad!.data[0] = 100;
    expect(b.grad!.tolist()).toEqual([1, 1]);
  });

  it('copies a gradient the caller still holds', () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const g = tensor([5, 6]);
    a.backward(g);
    expect(a.grad!.data).not.toBe(g.data);
    const b = tensor([1, 2], { requiresGrad: true });
    reshape(b, [2, 1]).backward(tensor([[1], [2]]));
    b.grad!.data[0] = 9;
    sum(b).backward();
    expect(b.grad!.tolist()).toEqual([10, 3]);
  });

  it('keeps a tensor used twice by one op correct (fan-out into one node)', () => {
    const a = tensor([1, 2, 3], { requiresGrad: true });
    sum(add(a, a)).backward();
    expect(a.grad!.tolist()).toEqual([2, 2, 2]);
  });

  it('sums gradients meeting at an interior node', () => {
    const a = tensor([1, -2], { requiresGrad: true });
    const h = relu(mul(a, 3));
    sum(add(mul(h, 2), h)).backward();
    expect(a.grad!.tolist()).toEqual([9, 0]);
  });

  it('retainGraph allows a second backward through saved tensors', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const z = sum(mul(w, w));
    z.backward(undefined, { retainGraph: true });
    z.backward();
    expect(w.grad!.tolist()).toEqual([4, 8]);
    expect(() => z.backward()).toThrow(AutogradError);
  });

  it('a graph that saved no tensors can run backward again, as in PyTorch', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const z = sum(add(reshape(w, [2, 1]), 1));
    z.backward();
    z.backward();
    expect(w.grad!.tolist()).toEqual([2, 2]);
  });

  it('error codes', () => {
    const codeOf = (f: () => void): string => {
      try {
        f();
      } catch (e) {
        return (e as AutogradError).code;
      }
      return 'none';
    };
    expect(codeOf(() => mul(ones([2], { requiresGrad: true }), 2).backward())).toBe('NON_SCALAR_BACKWARD');
    expect(codeOf(() => sum(ones([2])).backward())).toBe('NOTHING_REQUIRES_GRAD');
    expect(codeOf(() => mul(ones([2], { requiresGrad: true }), 2).backward(ones([3])))).toBe('SHAPE_MISMATCH');
  });

  it('hands each input a gradient of its own dtype', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const x = tensor([0.1, 0.2], { dtype: 'float64', requiresGrad: true });
    const y = mul(w, x);
    expect(y.dtype).toBe('float64');
    sum(y).backward();
    expect(w.grad!.dtype).toBe('float32');
    expect(x.grad!.dtype).toBe('float64');
    expect(w.grad!.data[0]).toBe(Math.fround(0.1));
  });

  it('a 0-d float64 operand does not promote a float32 tensor and is rounded first', () => {
    const y = add(tensor([1]), scalar(0.1, 'float64'));
    expect(y.dtype).toBe('float32');
    expect(y.data[0]).toBe(Math.fround(1 + Math.fround(0.1)));
  });

  it('records nothing under noGrad, and leaves without grad stay leaves', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const y = noGrad(() => mul(w, w));
    expect(y.gradFn).toBeNull();
    expect(y.requiresGrad).toBe(false);
    const z = mul(tensor([1]), tensor([2]));
    expect(z.isLeaf).toBe(true);
  });

  it('an input that reaches the output on no path gets no gradient', () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor([3, 4], { requiresGrad: true });
    const y = sum(mul(a, sub(b, b)));
    y.backward();
    expect(b.grad!.tolist()).toEqual([0, 0]);
    const c = tensor([1], { requiresGrad: true });
    sum(mul(a, 2)).backward();
    expect(c.grad).toBeNull();
  });

  it('a linear layer reused (tied) gets the sum of both uses', () => {
    const w = tensor([[0.5, -1], [2, 0.25]], { requiresGrad: true });
    const w1 = tensor([[0.5, -1], [2, 0.25]], { requiresGrad: true });
    const w2 = tensor([[0.5, -1], [2, 0.25]], { requiresGrad: true });
    const x = tensor([[1, 2]]);
    mean(square(linear(relu(linear(x, w)), w))).backward();
    mean(square(linear(relu(linear(x, w1)), w2))).backward();
    const expected = w1.grad!.tolist() as number[][];
    const other = w2.grad!.tolist() as number[][];
    expect(w.grad!.tolist()).toEqual(expected.map((row, i) => row.map((v, j) => Math.fround(v + other[i][j]))));
  });

  it('the seed of a float64 root is float64', () => {
    const a = new Tensor(new Float64Array([1, 2]), [2], true);
    sum(mul(a, a)).backward();
    expect(a.grad!.dtype).toBe('float64');
    expect(a.grad!.tolist()).toEqual([2, 4]);
  });
});
