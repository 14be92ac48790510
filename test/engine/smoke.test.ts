import { describe, expect, it } from 'vitest';
import { tensor, linear, relu, sum, mean, mul, add, Tensor } from '../../src/engine/index.js';

describe('engine smoke', () => {
  it('linear + relu + mean backward', () => {
    const x = tensor([[1, 2], [3, 4]]);
    const w = tensor([[0.5, -1], [2, 1], [0, 1]], { requiresGrad: true });
    const b = tensor([0.1, 0.2, 0.3], { requiresGrad: true });
    const y = linear(x, w, b);
    expect(y.gradFn?.name).toBe('AddmmBackward0');
    expect(Array.from(y.data)).toEqual([0.5 - 2 + 0.1, 2 + 2 + 0.2, 2 + 0.3, 1.5 - 4 + 0.1, 6 + 4 + 0.2, 4 + 0.3].map(Math.fround));
    const l = mean(relu(y));
    l.backward();
    expect(w.grad).not.toBeNull();
    expect(b.grad!.tolist()).toEqual([0.5 * 0, 1, 1].map((v, i) => (i === 0 ? 0 : Math.fround(2 / 6))));
  });
  it('fan-out sums', () => {
    const a = tensor([1, 2, 3], { requiresGrad: true });
    const y = sum(add(mul(a, a), a));
    y.backward();
    expect(a.grad!.tolist()).toEqual([3, 5, 7]);
    expect(() => y.backward()).toThrow(/second time/);
  });
  it('deep graph does not overflow', () => {
    let x: Tensor = tensor([1], { requiresGrad: true });
    const leaf = x;
    for (let i = 0; i < 100000; i++) x = add(x, 1);
    sum(x).backward();
    expect(leaf.grad!.tolist()).toEqual([1]);
  });
});
