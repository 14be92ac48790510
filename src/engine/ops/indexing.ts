import { Tensor } from '../tensor.js';
import { allocateLike } from '../dtype.js';
import { formatList, normalizeDim } from '../shape.js';
import { record } from '../autograd/record.js';
import { EngineArgumentError, ShapeError, TensorIndexError } from '../errors.js';
import { basicIndexRegion, clampSlice, type IndexSelector, type RegionOptions } from './region.js';
import { tensorOf } from './tensor-of.js';

/**
 * Copies `count` entries along dim `d`, from `first` by `step`, into a new
 * tensor of `shape`; the backward scatters the gradient into zeros of a's
 * shape. select (count 1, dim dropped) and slice share it.
 */
function strided(a: Tensor, d: number, first: number, step: number, count: number, shape: number[], name: string): Tensor {
  let outer = 1;
  for (let i = 0; i < d; i++) outer *= a.shape[i];
  let inner = 1;
  for (let i = d + 1; i < a.ndim; i++) inner *= a.shape[i];
  const size = a.shape[d];
  const x = a.data;
  const out = allocateLike(a.data, outer * count * inner);
  for (let o = 0; o < outer; o++)
    for (let k = 0; k < count; k++) {
      const from = (o * size + first + k * step) * inner;
      const to = (o * count + k) * inner;
      for (let i = 0; i < inner; i++) out[to + i] = x[from + i];
    }
  return record(
    tensorOf(out, shape),
    name,
    [a],
    (g) => {
      const gd = g.data;
      const gi = allocateLike(g.data, a.numel);
      for (let o = 0; o < outer; o++)
        for (let k = 0; k < count; k++) {
          const to = (o * size + first + k * step) * inner;
          const from = (o * count + k) * inner;
          for (let i = 0; i < inner; i++) gi[to + i] = gd[from + i];
        }
      return [tensorOf(gi, a.shape)];
    },
    false,
  );
}

/** `a.select(dim, index)`: the slice at `index` (negative counts from the end), dim dropped (SelectBackward0). */
export function select(a: Tensor, dim: number, index: number): Tensor {
  if (a.ndim === 0) throw new TensorIndexError('select() cannot be applied to a 0-dim tensor.', 'INVALID_INDEX');
  const d = normalizeDim(dim, a.ndim);
  const size = a.shape[d];
  if (!Number.isInteger(index) || index < -size || index >= size)
    throw new TensorIndexError(`select(): index ${index} out of range for tensor of size ${formatList(a.shape)} at dimension ${d}`, 'INDEX_OUT_OF_RANGE');
  const k = index < 0 ? index + size : index;
  return strided(a, d, k, 1, 1, a.shape.filter((_, i) => i !== d), 'SelectBackward0');
}

/**
 * `a[start:end:step]` along `dim` (at::slice): Python bounds, negatives count
 * from the end, out-of-range bounds clamp, step > 0 (SliceBackward0).
 */
export function slice(a: Tensor, dim = 0, start: number | null = null, end: number | null = null, step = 1): Tensor {
  if (a.ndim === 0) throw new TensorIndexError('slice() cannot be applied to a 0-dim tensor.', 'INVALID_INDEX');
  const d = normalizeDim(dim, a.ndim);
  if (!Number.isInteger(step) || step <= 0) throw new EngineArgumentError('slice step must be positive', 'INVALID_SLICE_STEP');
  for (const v of [start, end])
    if (v !== null && !Number.isInteger(v)) throw new EngineArgumentError('slice indices must be integers or None or have an __index__ method', 'INVALID_INDEX');
  const [first, count] = clampSlice(start, end, step, a.shape[d]);
  const shape = a.shape.slice();
  shape[d] = count;
  return strided(a, d, first, step, count, shape, 'SliceBackward0');
}

/**
 * `a[selectors]` for basic indexing (integers, slices, one or more ellipses),
 * as a tracked copy whose grad_fn is what PyTorch shows for the same index
 * (SelectBackward0, SliceBackward0 or AliasBackward0).
 */
export function indexRegion(a: Tensor, selectors: readonly IndexSelector[], options: RegionOptions = {}): Tensor {
  const region = basicIndexRegion(a.shape, selectors, options);
  const offsets = region.offsets;
  const n = offsets.length;
  const x = a.data;
  const out = allocateLike(a.data, n);
  for (let i = 0; i < n; i++) out[i] = x[offsets[i]];
  return record(
    tensorOf(out, region.shape),
    region.gradFn,
    [a],
    (g) => {
      // Basic indexing never selects an element twice, so the scatter assigns.
      const gd = g.data;
      const gi = allocateLike(g.data, a.numel);
      for (let i = 0; i < n; i++) gi[offsets[i]] = gd[i];
      return [tensorOf(gi, a.shape)];
    },
    false,
  );
}

/**
 * `input[i, targets[i]]` for each row i of a 2-D input: picks one column per
 * row, as `input.gather(1, targets[:, None])[:, 0]` does (GatherBackward0).
 * The building block of a negative log-likelihood.
 */
export function gatherRows(input: Tensor, targets: Int32Array | readonly number[]): Tensor {
  if (input.ndim !== 2) throw new ShapeError(`gatherRows expects a 2-D input, got ${input.ndim}-D`);
  const [rows, cols] = input.shape;
  if (targets.length !== rows)
    throw new ShapeError(`gatherRows expects one target per row: ${rows} rows, ${targets.length} targets`);
  const idx = Int32Array.from(targets);
  for (let r = 0; r < rows; r++)
    if (!Number.isInteger(targets[r]) || idx[r] < 0 || idx[r] >= cols)
      throw new TensorIndexError(`index ${targets[r]} is out of bounds for dimension 1 with size ${cols}`, 'INDEX_OUT_OF_RANGE');
  const x = input.data;
  const out = allocateLike(input.data, rows);
  for (let r = 0; r < rows; r++) out[r] = x[r * cols + idx[r]];
  return record(tensorOf(out, [rows]), 'GatherBackward0', [input], (g) => {
    const gd = g.data;
    const gi = allocateLike(g.data, input.numel);
    for (let r = 0; r < rows; r++) gi[r * cols + idx[r]] = gd[r];
    return [tensorOf(gi, input.shape)];
  });
}
