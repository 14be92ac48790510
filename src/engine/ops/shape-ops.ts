import { Tensor } from '../tensor.js';
import { allocate } from '../dtype.js';
import { broadcastsTo, formatList, normalizeDim, numel, stridesOf } from '../shape.js';
import { broadcastIndex } from '../kernels/broadcast.js';
import { record } from '../autograd/record.js';
import { reduceGrad } from './arithmetic.js';
import { ShapeError } from '../errors.js';

/** Resolves one `-1` in a requested shape, with PyTorch's messages. */
export function inferShape(shape: readonly number[], total: number): number[] {
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (d === -1) {
      if (unknown !== -1) throw new ShapeError('only one dimension can be inferred');
      unknown = i;
    } else if (!Number.isInteger(d) || d < 0) throw new ShapeError(`invalid shape dimension ${d}`);
    else known *= d;
  }
  const out = shape.slice();
  if (unknown !== -1) {
    if (known === 0 || total % known !== 0)
      throw new ShapeError(`shape '${formatList(shape)}' is invalid for input of size ${total}`);
    out[unknown] = total / known;
  } else if (known !== total) throw new ShapeError(`shape '${formatList(shape)}' is invalid for input of size ${total}`);
  return out;
}

/** `a.reshape(shape)`: shares storage (every tensor here is contiguous) (ViewBackward0). */
export function reshape(a: Tensor, shape: readonly number[]): Tensor {
  const to = inferShape(shape, a.numel);
  return record(new Tensor(a.data, to), 'ViewBackward0', [a], (g) => [new Tensor(g.data, a.shape)]);
}

export const view = reshape;

/** `torch.flatten(a, start, end)`. */
export function flatten(a: Tensor, startDim = 0, endDim = -1): Tensor {
  if (a.ndim === 0) return reshape(a, [1]);
  const s = normalizeDim(startDim, a.ndim);
  const e = normalizeDim(endDim, a.ndim);
  if (s > e) throw new ShapeError('flatten() has invalid args: start_dim cannot come after end_dim');
  const shape = [...a.shape.slice(0, s), numel(a.shape.slice(s, e + 1)), ...a.shape.slice(e + 1)];
  return reshape(a, shape);
}

export function unsqueeze(a: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, a.ndim + 1);
  const shape = [...a.shape.slice(0, d), 1, ...a.shape.slice(d)];
  return record(new Tensor(a.data, shape), 'UnsqueezeBackward0', [a], (g) => [new Tensor(g.data, a.shape)]);
}

/** Copies `a` into the layout of `permutation` (out dim i = in dim perm[i]). */
function permuteData(a: Tensor, perm: readonly number[]): { data: Tensor['data']; shape: number[] } {
  const shape = perm.map((p) => a.shape[p]);
  const inStrides = stridesOf(a.shape);
  const strides = perm.map((p) => inStrides[p]);
  const n = a.numel;
  const out = allocate(a.dtype, n);
  const nd = shape.length;
  const counter = new Array<number>(nd).fill(0);
  let src = 0;
  const x = a.data;
  for (let i = 0; i < n; i++) {
    out[i] = x[src];
    for (let d = nd - 1; d >= 0; d--) {
      counter[d]++;
      src += strides[d];
      if (counter[d] < shape[d]) break;
      src -= strides[d] * counter[d];
      counter[d] = 0;
    }
  }
  return { data: out, shape };
}

/** `a.permute(perm)`; a copy, since every tensor here is contiguous (PermuteBackward0). */
export function permute(a: Tensor, perm: readonly number[]): Tensor {
  const p = perm.map((d) => normalizeDim(d, a.ndim));
  if (p.length !== a.ndim || new Set(p).size !== p.length)
    throw new ShapeError(`permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${a.ndim} is not equal to len(dims) = ${perm.length}`);
  const { data, shape } = permuteData(a, p);
  const inverse = new Array<number>(p.length);
  p.forEach((d, i) => (inverse[d] = i));
  return record(new Tensor(data, shape), 'PermuteBackward0', [a], (g) => [new Tensor(permuteData(g, inverse).data, a.shape)]);
}

/** `a.transpose(d0, d1)` (TransposeBackward0). */
export function transpose(a: Tensor, dim0: number, dim1: number): Tensor {
  const d0 = normalizeDim(dim0, a.ndim);
  const d1 = normalizeDim(dim1, a.ndim);
  const p = a.shape.map((_, i) => i);
  p[d0] = d1;
  p[d1] = d0;
  const { data, shape } = permuteData(a, p);
  return record(new Tensor(data, shape), 'TransposeBackward0', [a], (g) => [new Tensor(permuteData(g, p).data, a.shape)]);
}

/** `a.t()` for tensors of at most 2 dims (TBackward0). */
export function t(a: Tensor): Tensor {
  if (a.ndim > 2) throw new ShapeError(`t() expects a tensor with <= 2 dimensions, but self is ${a.ndim}D`);
  if (a.ndim < 2) return record(new Tensor(a.data, a.shape), 'TBackward0', [a], (g) => [g]);
  const { data, shape } = permuteData(a, [1, 0]);
  return record(new Tensor(data, shape), 'TBackward0', [a], (g) => [new Tensor(permuteData(g, [1, 0]).data, a.shape)]);
}

/** `a.expand(shape)` materialised; -1 keeps a dim (ExpandBackward0). */
export function expand(a: Tensor, shape: readonly number[]): Tensor {
  const off = shape.length - a.ndim;
  if (off < 0)
    throw new ShapeError(`expand(torch.FloatTensor{[${a.shape.join(', ')}]}, size=[${shape.join(', ')}]): the number of sizes provided (${shape.length}) must be greater or equal to the number of dimensions in the tensor (${a.ndim})`);
  const to = shape.map((d, i) => (d === -1 && i >= off ? a.shape[i - off] : d));
  if (!broadcastsTo(a.shape, to))
    throw new ShapeError(`The expanded size of the tensor (${to[to.length - 1]}) must match the existing size (${a.shape[a.ndim - 1]}) at non-singleton dimension ${to.length - 1}.  Target sizes: ${formatList(shape)}.  Tensor sizes: ${formatList(a.shape)}`);
  const idx = broadcastIndex(a.shape, to);
  const out = allocate(a.dtype, idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = a.data[idx[i]];
  return record(new Tensor(out, to), 'ExpandBackward0', [a], (g) => [reduceGrad(g.data, to, a.shape)]);
}

/** A copy with its own storage, tracked (CloneBackward0). */
export function clone(a: Tensor): Tensor {
  const out = allocate(a.dtype, a.numel);
  out.set(a.data);
  return record(new Tensor(out, a.shape), 'CloneBackward0', [a], (g) => [g]);
}
