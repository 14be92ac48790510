import { describe, expect, it } from 'vitest';
import {
  EngineArgumentError,
  Tensor,
  ShapeError,
  TensorIndexError,
  arange,
  basicIndexRegion,
  indexRegion,
  regionApply,
  reshape,
  select,
  slice,
  sum,
  tensor,
  zeros,
  type IndexSelector,
} from '../../../src/engine/index.js';

const I = (index: number): IndexSelector => ({ kind: 'index', index });
const S = (start?: number | null, stop?: number | null, step?: number | null): IndexSelector => ({ kind: 'slice', start, stop, step });
const E: IndexSelector = { kind: 'ellipsis' };

/** Python's range of a slice over `size` (step > 0), the reference for the region's offsets. */
function pyRange(size: number, s: IndexSelector & { kind: 'slice' }): number[] {
  const step = s.step ?? 1;
  let start = s.start ?? 0;
  let stop = s.stop ?? size;
  if (start < 0) start = Math.max(0, start + size);
  if (stop < 0) stop = Math.max(0, stop + size);
  start = Math.min(start, size);
  stop = Math.min(stop, size);
  const out: number[] = [];
  for (let i = start; i < stop; i += step) out.push(i);
  return out;
}

/** Brute force: per source dim the list of coordinates, then the cartesian product in row-major order. */
function reference(shape: number[], sels: IndexSelector[]): { shape: number[]; offsets: number[] } {
  const specified = sels.filter((s) => s.kind !== 'ellipsis').length;
  const perDim: { coords: number[]; kept: boolean }[] = [];
  let d = 0;
  for (const s of sels) {
    if (s.kind === 'ellipsis') {
      for (let k = 0; k < shape.length - specified; k++, d++) perDim.push({ coords: [...Array(shape[d]).keys()], kept: true });
    } else if (s.kind === 'index') {
      perDim.push({ coords: [s.index < 0 ? s.index + shape[d] : s.index], kept: false });
      d++;
    } else {
      perDim.push({ coords: pyRange(shape[d], s), kept: true });
      d++;
    }
  }
  for (; d < shape.length; d++) perDim.push({ coords: [...Array(shape[d]).keys()], kept: true });
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((p, v) => p * v, 1));
  let offsets = [0];
  perDim.forEach((p, i) => {
    offsets = offsets.flatMap((o) => p.coords.map((c) => o + c * strides[i]));
  });
  return { shape: perDim.filter((p) => p.kept).map((p) => p.coords.length), offsets };
}

describe('basicIndexRegion', () => {
  const cases: [number[], IndexSelector[]][] = [
    [[4, 3], [I(1)]],
    [[4, 3], [I(-1), S(1)]],
    [[5, 6], [S(null, null, 2), S(1, 5, 3)]],
    [[2, 3, 4], [E, I(1)]],
    [[2, 3, 4], [I(1), E, S(-3, -1)]],
    [[2, 3, 4], [S(1), E]],
    [[4, 3], [S(-10, 100)]],
    [[4, 3], [S(3, 1)]],
    [[3, 4, 5], [S(null, null, 2), I(2), S(4, 0)]],
    [[2, 3, 4, 5], [I(1), E, I(0), S(1, null, 3)]],
    [[7], [S(2, -1, 4)]],
  ];
  it.each(cases)('%j %j matches a brute-force reference', (shape, sels) => {
    const region = basicIndexRegion(shape, sels);
    const ref = reference(shape, sels);
    expect(region.shape).toEqual(ref.shape);
    expect(Array.from(region.offsets)).toEqual(ref.offsets);
  });

  it('names the last view op PyTorch runs, or an alias', () => {
    expect(basicIndexRegion([4, 3], [I(0)]).gradFn).toBe('SelectBackward0');
    expect(basicIndexRegion([4, 3], [S()]).gradFn).toBe('SliceBackward0');
    expect(basicIndexRegion([4, 3], [E]).gradFn).toBe('AliasBackward0');
    expect(basicIndexRegion([4, 3], [S(1), I(0)]).gradFn).toBe('SelectBackward0');
    expect(basicIndexRegion([4, 3], [I(0), S()]).gradFn).toBe('SliceBackward0');
    // A tuple's exact 0:size slice is skipped; a lone one is not.
    expect(basicIndexRegion([4, 3], [S(0, 4), S(0, 3)]).gradFn).toBe('AliasBackward0');
    expect(basicIndexRegion([4, 3], [S(0, 4)]).gradFn).toBe('SliceBackward0');
    expect(basicIndexRegion([4, 3], [S(0, 4)], { tuple: true }).gradFn).toBe('AliasBackward0');
  });

  it('0-d tensors: only an ellipsis applies', () => {
    expect(basicIndexRegion([], [E]).shape).toEqual([]);
    expect(Array.from(basicIndexRegion([], [E]).offsets)).toEqual([0]);
    expect(() => basicIndexRegion([], [I(0)])).toThrow(/invalid index of a 0-dim tensor/);
    expect(() => basicIndexRegion([], [I(0), E])).toThrow('too many indices for tensor of dimension 0');
  });

  it('errors carry PyTorch messages and codes', () => {
    const err = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return null;
    };
    const out = err(() => basicIndexRegion([4], [I(5)])) as TensorIndexError;
    expect(out).toBeInstanceOf(TensorIndexError);
    expect(out.code).toBe('INDEX_OUT_OF_RANGE');
    expect(out.message).toBe('index 5 is out of bounds for dimension 0 with size 4');
    expect((err(() => basicIndexRegion([4, 2], [I(0), I(0), I(0)])) as TensorIndexError).message).toBe(
      'too many indices for tensor of dimension 2',
    );
    expect(err(() => basicIndexRegion([4], [S(0, 2, 0)]))).toBeInstanceOf(EngineArgumentError);
    expect(err(() => basicIndexRegion([4], [I(1.5)]))).toBeInstanceOf(EngineArgumentError);
  });
});

describe('indexRegion, select, slice', () => {
  it('copies the region and scatters the gradient back', () => {
    const a = reshape(arange(12), [3, 4]).detach().requiresGrad_();
    const r = indexRegion(a, [S(1), S(null, null, 2)]);
    expect(r.tolist()).toEqual([
      [4, 6],
      [8, 10],
    ]);
    sum(r).backward();
    expect(a.grad!.tolist()).toEqual([
      [0, 0, 0, 0],
      [1, 0, 1, 0],
      [1, 0, 1, 0],
    ]);
  });

  it('select and slice follow at::select / at::slice', () => {
    const a = reshape(arange(12), [3, 4]);
    expect(select(a, -1, -2).tolist()).toEqual([2, 6, 10]);
    expect(slice(a, 1, -3, null, 2).tolist()).toEqual([
      [1, 3],
      [5, 7],
      [9, 11],
    ]);
    expect(slice(a, 0, 5, 10).shape).toEqual([0, 4]);
    expect(() => select(a, 0, 3)).toThrow('select(): index 3 out of range for tensor of size [3, 4] at dimension 0');
    expect(() => slice(a, 0, 0, 2, -1)).toThrow('slice step must be positive');
  });
});

describe('regionApply', () => {
  const fresh = () => zeros([4, 2]);

  it('set, add, sub, mul, div with a number or a broadcast tensor', () => {
    const x = fresh();
    const rows = basicIndexRegion(x.shape, [S(1, 3)]);
    regionApply(x.data, rows, tensor([1, 2]), 'set');
    expect(x.tolist()).toEqual([[0, 0], [1, 2], [1, 2], [0, 0]]);
    regionApply(x.data, rows, 1, 'add');
    regionApply(x.data, rows, tensor([[2], [4]]), 'mul');
    regionApply(x.data, rows, 0.5, 'sub');
    regionApply(x.data, rows, tensor([2]), 'div');
    expect(x.tolist()).toEqual([[0, 0], [1.75, 2.75], [3.75, 5.75], [0, 0]]);
  });

  it('rounds the value to the target dtype first (float32 + 0.1)', () => {
    const x = fresh();
    regionApply(x.data, basicIndexRegion(x.shape, [I(0)]), 0.1, 'add');
    expect(x.data[0]).toBe(Math.fround(0.1));
    const y = zeros([2]);
    regionApply(y.data, basicIndexRegion(y.shape, [E]), tensor([0.1, 0.2], { dtype: 'float64' }), 'set');
    expect(Array.from(y.data)).toEqual([Math.fround(0.1), Math.fround(0.2)]);
  });

  it('reads a value that shares the target storage before writing', () => {
    const x = arange(4);
    // x[1:] = x[:3], the value a view over the same buffer
    const value = new Tensor(x.data.subarray(0, 3), [3]);
    regionApply(x.data, basicIndexRegion(x.shape, [S(1)]), value, 'set');
    expect(x.tolist()).toEqual([0, 0, 1, 2]);
  });

  it('drops the leading ones of a value for set, and checks broadcasting as PyTorch does', () => {
    const x = fresh();
    regionApply(x.data, basicIndexRegion(x.shape, [I(0)]), tensor([[[5, 6]]]), 'set');
    expect((x.tolist() as number[][])[0]).toEqual([5, 6]);
    const rows = basicIndexRegion(x.shape, [S(0, 2)]);
    expect(() => regionApply(x.data, rows, tensor([1, 2, 3]), 'set')).toThrow(
      'The expanded size of the tensor (2) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 2].  Tensor sizes: [3]',
    );
    expect(() => regionApply(x.data, rows, tensor([1, 2, 3]), 'add')).toThrow(
      'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1',
    );
    expect(() => regionApply(x.data, rows, zeros([2, 2, 2]), 'mul')).toThrow(ShapeError);
    expect(() => regionApply(x.data, rows, zeros([2, 2, 2]), 'mul')).toThrow(
      "output with shape [2, 2] doesn't match the broadcast shape [2, 2, 2]",
    );
  });
});
