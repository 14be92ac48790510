import { Tensor } from '../tensor.js';
import { allocateLike } from '../dtype.js';
import { normalizeDim, numel, type Shape } from '../shape.js';
import { broadcastIndex } from '../kernels/broadcast.js';
import { record } from '../autograd/record.js';
import { EngineArgumentError, TensorIndexError } from '../errors.js';
import { tensorOf } from './tensor-of.js';

/**
 * Dims to reduce, normalised and de-duplicated. Undefined means all, and so
 * does an empty list: PyTorch 1.13's `sum(x, [])` reduces every dim.
 */
function reducedDims(dims: number | readonly number[] | undefined, ndim: number): Set<number> {
  if (dims === undefined || (typeof dims !== 'number' && dims.length === 0)) {
    const all = new Set<number>();
    for (let i = 0; i < ndim; i++) all.add(i);
    return all;
  }
  const list = typeof dims === 'number' ? [dims] : dims;
  const out = new Set<number>();
  for (const d of list) {
    const nd = normalizeDim(d, ndim);
    if (out.has(nd)) throw new EngineArgumentError(`dim ${nd} appears multiple times in the list of dims`);
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
  const nd = shape.length;
  const keptShape = new Array<number>(nd);
  const outShape: number[] = [];
  let all = true;
  for (let i = 0; i < nd; i++) {
    const reduced = dims.has(i);
    keptShape[i] = reduced ? 1 : shape[i];
    if (!reduced) all = false;
    if (!reduced || keepdim) outShape.push(keptShape[i]);
  }
  const kept = numel(keptShape);
  return { keptShape, outShape, index: all ? null : broadcastIndex(keptShape, shape), count: kept === 0 ? 0 : numel(shape) / kept };
}

/** Spreads a gradient of the reduced shape back over the input (every element gets its slot's value times `scale`). */
function spread(g: Tensor, r: Reduction, shape: Shape, scale: number): Tensor {
  const n = numel(shape);
  const gi = allocateLike(g.data, n);
  const gd = g.data;
  if (r.index === null) gi.fill(gd[0] * scale);
  else for (let i = 0; i < n; i++) gi[i] = gd[r.index[i]] * scale;
  return tensorOf(gi, shape);
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
  const out = allocateLike(a.data, numel(r.outShape));
  out.set(sumInto(a, r));
  return record(
    tensorOf(out, r.outShape),
    dims === undefined ? 'SumBackward0' : 'SumBackward1',
    [a],
    (g) => [spread(g, r, a.shape, 1)],
    false,
  );
}

/** `torch.mean(a)` (MeanBackward0) or over dims (MeanBackward1). */
export function mean(a: Tensor, dims?: number | readonly number[], keepdim = false): Tensor {
  const r = plan(a.shape, reducedDims(dims, a.ndim), keepdim);
  const out = allocateLike(a.data, numel(r.outShape));
  const acc = sumInto(a, r);
  for (let i = 0; i < out.length; i++) out[i] = acc[i] / r.count;
  // PyTorch's MeanBackward1 keeps the input for its backward while MeanBackward0 keeps only sizes.
  return record(
    tensorOf(out, r.outShape),
    dims === undefined ? 'MeanBackward0' : 'MeanBackward1',
    [a],
    (g) => [spread(g, r, a.shape, 1 / r.count)],
    dims !== undefined,
  );
}

/**
 * `torch.max(a)`: the largest element (MaxBackward1); its gradient is shared
 * evenly among tied maxima, as PyTorch does. NaN propagates.
 */
export function max(a: Tensor): Tensor {
  if (a.numel === 0)
    throw new EngineArgumentError(
      "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.",
    );
  const x = a.data;
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) {
      m = NaN;
      break;
    }
    if (x[i] > m) m = x[i];
  }
  const out = allocateLike(a.data, 1);
  out[0] = m;
  return record(tensorOf(out, []), 'MaxBackward1', [a], (g) => {
    let ties = 0;
    for (let i = 0; i < x.length; i++) if (x[i] === m || (Number.isNaN(m) && Number.isNaN(x[i]))) ties++;
    const gi = allocateLike(g.data, x.length);
    const share = g.data[0] / ties;
    for (let i = 0; i < x.length; i++) if (x[i] === m || (Number.isNaN(m) && Number.isNaN(x[i]))) gi[i] = share;
    return [tensorOf(gi, a.shape)];
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
  const values = allocateLike(a.data, outer * inner);
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
  const out = record(tensorOf(values, outShape), 'MaxBackward0', [a], (g) => {
    const gi = allocateLike(g.data, a.numel);
    for (let o = 0; o < outer; o++)
      for (let i = 0; i < inner; i++) gi[o * size * inner + indices[o * inner + i] * inner + i] = g.data[o * inner + i];
    return [tensorOf(gi, a.shape)];
  });
  return { values: out, indices };
}
