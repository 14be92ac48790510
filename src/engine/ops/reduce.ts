import { Tensor } from '../tensor.js';
import { allocate } from '../dtype.js';
import { normalizeDim, numel, type Shape } from '../shape.js';
import { broadcastIndex } from '../kernels/broadcast.js';
import { record } from '../autograd/record.js';
import { TensorIndexError } from '../errors.js';

/** Dims to reduce, normalised and de-duplicated; undefined means all. */
function reducedDims(dims: number | readonly number[] | undefined, ndim: number): Set<number> {
  if (dims === undefined) return new Set(Array.from({ length: ndim }, (_, i) => i));
  const list = typeof dims === 'number' ? [dims] : dims;
  const out = new Set<number>();
  for (const d of list) {
    const nd = normalizeDim(d, ndim);
    if (out.has(nd)) throw new TensorIndexError(`dim ${nd} appears multiple times in the list of dims`, 'INVALID_ARGUMENT');
    out.add(nd);
  }
  return out;
}

interface Reduction {
  keptShape: number[]; // reduced dims as 1
  outShape: number[]; // reduced dims dropped unless keepdim
  index: Int32Array | null; // input element -> output element; null when reducing everything
  count: number; // elements per output
}

function plan(shape: Shape, dims: Set<number>, keepdim: boolean): Reduction {
  const keptShape = shape.map((d, i) => (dims.has(i) ? 1 : d));
  const outShape = keepdim ? keptShape : shape.filter((_, i) => !dims.has(i));
  const all = dims.size === shape.length;
  const count = numel(shape) / Math.max(numel(keptShape), 1);
  return { keptShape, outShape, index: all ? null : broadcastIndex(keptShape, shape), count: numel(keptShape) === 0 ? 0 : count };
}

/** Spreads a gradient of the reduced shape back over the input (every element gets its slot's value times `scale`). */
function spread(g: Tensor, r: Reduction, shape: Shape, scale: number): Tensor {
  const n = numel(shape);
  const gi = allocate(g.dtype, n);
  const gd = g.data;
  if (r.index === null) gi.fill(gd[0] * scale);
  else for (let i = 0; i < n; i++) gi[i] = gd[r.index[i]] * scale;
  return new Tensor(gi, shape);
}

function sumInto(a: Tensor, r: Reduction): Float64Array {
  const acc = new Float64Array(numel(r.keptShape));
  const x = a.data;
  if (r.index === null) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i];
    acc[0] = s;
  } else {
    const idx = r.index;
    for (let i = 0; i < x.length; i++) acc[idx[i]] += x[i];
  }
  return acc;
}

/** `torch.sum(a)` (SumBackward0) or `torch.sum(a, dims, keepdim)` (SumBackward1). */
export function sum(a: Tensor, dims?: number | readonly number[], keepdim = false): Tensor {
  const r = plan(a.shape, reducedDims(dims, a.ndim), keepdim);
  const out = allocate(a.dtype, numel(r.outShape));
  out.set(sumInto(a, r));
  return record(new Tensor(out, r.outShape), dims === undefined ? 'SumBackward0' : 'SumBackward1', [a], (g) => [
    spread(g, r, a.shape, 1),
  ]);
}

/** `torch.mean(a)` (MeanBackward0) or over dims (MeanBackward1). */
export function mean(a: Tensor, dims?: number | readonly number[], keepdim = false): Tensor {
  const r = plan(a.shape, reducedDims(dims, a.ndim), keepdim);
  const out = allocate(a.dtype, numel(r.outShape));
  const acc = sumInto(a, r);
  for (let i = 0; i < out.length; i++) out[i] = acc[i] / r.count;
  return record(new Tensor(out, r.outShape), dims === undefined ? 'MeanBackward0' : 'MeanBackward1', [a], (g) => [
    spread(g, r, a.shape, 1 / r.count),
  ]);
}

/**
 * `torch.max(a)`: the largest element (MaxBackward1); its gradient is shared
 * evenly among tied maxima, as PyTorch does. NaN propagates.
 */
export function max(a: Tensor): Tensor {
  if (a.numel === 0)
    throw new TensorIndexError('max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the \'dim\' argument.', 'INVALID_ARGUMENT');
  const x = a.data;
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) {
      m = NaN;
      break;
    }
    if (x[i] > m) m = x[i];
  }
  const out = allocate(a.dtype, 1);
  out[0] = m;
  return record(new Tensor(out, []), 'MaxBackward1', [a], (g) => {
    let ties = 0;
    for (let i = 0; i < x.length; i++) if (x[i] === m || (Number.isNaN(m) && Number.isNaN(x[i]))) ties++;
    const gi = allocate(g.dtype, x.length);
    const share = g.data[0] / ties;
    for (let i = 0; i < x.length; i++) if (x[i] === m || (Number.isNaN(m) && Number.isNaN(x[i]))) gi[i] = share;
    return [new Tensor(gi, a.shape)];
  });
}

/**
 * `torch.max(a, dim, keepdim)`: values and the index of the first maximum
 * along `dim` (MaxBackward0); the gradient flows to that index only.
 */
export function maxDim(a: Tensor, dim: number, keepdim = false): { values: Tensor; indices: Int32Array } {
  const d = normalizeDim(dim, a.ndim);
  const shape = a.shape.length === 0 ? [1] : a.shape;
  const size = shape[d];
  if (size === 0) throw new TensorIndexError(`max(): Expected reduction dim ${d} to have non-zero size.`, 'INVALID_ARGUMENT');
  const inner = shape.slice(d + 1).reduce((p, v) => p * v, 1);
  const outer = shape.slice(0, d).reduce((p, v) => p * v, 1);
  const keptShape = a.shape.length === 0 ? [] : shape.map((v, i) => (i === d ? 1 : v));
  const outShape = keepdim ? keptShape : a.shape.filter((_, i) => i !== d);
  const values = allocate(a.dtype, outer * inner);
  const indices = new Int32Array(outer * inner);
  const x = a.data;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      let best = x[base];
      let at = 0;
      for (let k = 1; k < size && !Number.isNaN(best); k++) {
        const v = x[base + k * inner];
        if (v > best || Number.isNaN(v)) {
          best = v;
          at = k;
        }
      }
      values[o * inner + i] = best;
      indices[o * inner + i] = at;
    }
  }
  const out = record(new Tensor(values, outShape), 'MaxBackward0', [a], (g) => {
    const gi = allocate(g.dtype, a.numel);
    for (let o = 0; o < outer; o++)
      for (let i = 0; i < inner; i++) gi[o * size * inner + indices[o * inner + i] * inner + i] = g.data[o * inner + i];
    return [new Tensor(gi, a.shape)];
  });
  return { values: out, indices };
}
