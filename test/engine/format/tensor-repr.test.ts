import { describe, expect, it } from 'vitest';
import { formatParameter, formatTensor, GradNode, Tensor } from '../../../src/engine/index.js';
import { fixture, storage } from './fixture.js';

const cases = fixture.cases.repr;

function render(c: (typeof cases)[number]): string {
  const t = { data: storage(c), shape: c.shape };
  const opts = { gradFn: c.gradFn, requiresGrad: c.requiresGrad, dtype: c.dtype };
  return c.parameter ? formatParameter(t, opts) : formatTensor(t, opts);
}

describe(`tensor repr against torch ${fixture.torch}`, () => {
  it('covers the fixture groups', () => {
    const has = (prefix: string) => cases.some((c) => c.name.startsWith(prefix));
    for (const prefix of ['spec ', 'ties ', 'int ', '0-d ', 'empty ', '1-D ', 'randn ', 'arange 2000', 'suffix boundary',
      'Parameter frozen', 'verified example', 'random '])
      expect(has(prefix), prefix).toBe(true);
    expect(cases.length).toBeGreaterThan(700);
  });

  for (const c of cases) {
    it(c.name, () => {
      expect(render(c)).toBe(c.repr);
    });
  }
});

describe('formatTensor on engine tensors', () => {
  it('reads dtype, requiresGrad and gradFn from a Tensor', () => {
    const leaf = new Tensor(Float32Array.from([1, 2.5]), [1, 2], true);
    expect(formatTensor(leaf)).toBe('tensor([[1.0000, 2.5000]], requires_grad=True)');
    expect(formatTensor(leaf, { requiresGrad: false })).toBe('tensor([[1.0000, 2.5000]])');
    const product = new Tensor(Float64Array.from([2, 5]), [1, 2], true);
    product.gradFn = new GradNode('MulBackward0', [leaf], () => [null]);
    expect(formatTensor(product)).toBe('tensor([[2., 5.]], dtype=torch.float64, grad_fn=<MulBackward0>)');
  });

  it('infers float64 from the storage when no dtype is given', () => {
    expect(formatTensor({ data: new Float64Array([0.5]), shape: [] })).toBe('tensor(0.5000, dtype=torch.float64)');
  });

  it('defaults a Parameter to requires_grad=True', () => {
    expect(formatParameter({ data: new Float32Array([1]), shape: [1] })).toBe(
      'Parameter containing:\ntensor([1.], requires_grad=True)',
    );
  });

  it('rejects data that does not fit the shape', () => {
    expect(() => formatTensor({ data: new Float32Array(3), shape: [2, 2] })).toThrow(/invalid for input of size 3/);
  });
});
