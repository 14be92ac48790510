import type { Tensor } from '../tensor.js';
import { type DType, allocateLike } from '../dtype.js';
import { formatList, normalizeDim, numel, stridesOf, type Shape } from '../shape.js';
import { broadcastIndex } from '../kernels/broadcast.js';
import { record } from '../autograd/record.js';
import { reduceGrad } from './arithmetic.js';
import { ShapeError } from '../errors.js';
import { tensorOf } from './tensor-of.js';

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

/**
 * The shape `from` expands to for `sizes` (-1 keeps a dim), checked right to
 * left with PyTorch's messages; shared by expand, addmm's bias and setitem.
 */
export function expandedShape(from: Shape, sizes: readonly number[], dtype: DType = 'float32'): number[] {
  const nd = sizes.length;
  const off = nd - from.length;
  if (off < 0)
    throw new ShapeError(
      `expand(torch.${dtype === 'float64' ? 'Double' : 'Float'}Tensor{[${from.join(', ')}]}, size=[${sizes.join(', ')}]): the number of sizes provided (${nd}) must be greater or equal to the number of dimensions in the tensor (${from.length})`,
    );
  const out = new Array<number>(nd);
  for (let i = nd - 1; i >= 0; i--) {
    const target = sizes[i];
    if (i < off) {
      if (target === -1)
        throw new ShapeError(`The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension ${i}`);
      if (!Number.isInteger(target) || target < 0) throw new ShapeError(`Trying to create tensor with negative dimension ${target}: ${formatList(sizes)}`);
      out[i] = target;
      continue;
    }
    const size = from[i - off];
    if (target === -1) out[i] = size;
    else if (size === target || size === 1) out[i] = target;
    else
      throw new ShapeError(
        `The expanded size of the tensor (${target}) must match the existing size (${size}) at non-singleton dimension ${i}.  Target sizes: ${formatList(sizes)}.  Tensor sizes: ${formatList(from)}`,
      );
  }
  return out;
}

/** Shares storage with `a` under a new shape; the backward reshapes the gradient back. */
function alias(a: Tensor, shape: readonly number[], name: string): Tensor {
  return record(tensorOf(a.data, shape), name, [a], (g) => [tensorOf(g.data, a.shape)], false);
}

/**
 * `a.reshape(shape)`: shares storage (every tensor here is contiguous).
 * PyTorch 1.13 names a contiguous reshape ReshapeAliasBackward0 (2.x: ViewBackward0).
 */
export function reshape(a: Tensor, shape: readonly number[]): Tensor {
  return alias(a, inferShape(shape, a.numel), 'ReshapeAliasBackward0');
}

/** `a.view(shape)` (ViewBackward0). */
export function view(a: Tensor, shape: readonly number[]): Tensor {
  return alias(a, inferShape(shape, a.numel), 'ViewBackward0');
}

/** `torch.flatten(a, start, end)`; a no-op range returns `a` itself, as PyTorch does. */
export function flatten(a: Tensor, startDim = 0, endDim = -1): Tensor {
  if (a.ndim === 0) return reshape(a, [1]);
  const s = normalizeDim(startDim, a.ndim);
  const e = normalizeDim(endDim, a.ndim);
  if (s > e) throw new ShapeError('flatten() has invalid args: start_dim cannot come after end_dim');
  if (s === e) return a;
  const shape = [...a.shape.slice(0, s), numel(a.shape.slice(s, e + 1)), ...a.shape.slice(e + 1)];
  return reshape(a, shape);
}

export function unsqueeze(a: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, a.ndim + 1);
  return alias(a, [...a.shape.slice(0, d), 1, ...a.shape.slice(d)], 'UnsqueezeBackward0');
}

/** `a.squeeze()` drops every size-1 dim (SqueezeBackward0); `a.squeeze(dim)` only that one, if it is 1 (SqueezeBackward1). */
export function squeeze(a: Tensor, dim?: number): Tensor {
  if (dim === undefined)
    return alias(
      a,
      a.shape.filter((s) => s !== 1),
      'SqueezeBackward0',
    );
  const d = normalizeDim(dim, a.ndim);
  const shape = a.ndim > 0 && a.shape[d] === 1 ? a.shape.filter((_, i) => i !== d) : a.shape.slice();
  return alias(a, shape, 'SqueezeBackward1');
}

/** Copies `a` into the layout of `perm` (out dim i = in dim perm[i]). */
function permuteData(a: Tensor, perm: readonly number[]): { data: Tensor['data']; shape: number[] } {
  const nd = perm.length;
  const shape = new Array<number>(nd);
  const inStrides = stridesOf(a.shape);
  const strides = new Array<number>(nd);
  for (let i = 0; i < nd; i++) {
    shape[i] = a.shape[perm[i]];
    strides[i] = inStrides[perm[i]];
  }
  const n = a.numel;
  const out = allocateLike(a.data, n);
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

function inversePermutation(p: readonly number[]): number[] {
  const inverse = new Array<number>(p.length);
  for (let i = 0; i < p.length; i++) inverse[p[i]] = i;
  return inverse;
}

/** `a.permute(perm)`; a copy, since every tensor here is contiguous (PermuteBackward0). */
export function permute(a: Tensor, perm: readonly number[]): Tensor {
  if (perm.length !== a.ndim)
    throw new ShapeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${a.ndim} is not equal to len(dims) = ${perm.length}`,
    );
  const p = perm.map((d) => normalizeDim(d, a.ndim));
  if (new Set(p).size !== p.length) throw new ShapeError('permute(): duplicate dims are not allowed.');
  return permuted(a, a.ndim === 0 ? [] : p, 'PermuteBackward0');
}

function permuted(a: Tensor, p: readonly number[], name: string): Tensor {
  const { data, shape } = permuteData(a, p);
  const inverse = inversePermutation(p);
  return record(tensorOf(data, shape), name, [a], (g) => [tensorOf(permuteData(g, inverse).data, a.shape)], false);
}

/** `a.transpose(d0, d1)` (TransposeBackward0). */
export function transpose(a: Tensor, dim0: number, dim1: number): Tensor {
  const d0 = normalizeDim(dim0, a.ndim);
  const d1 = normalizeDim(dim1, a.ndim);
  const p = a.shape.map((_, i) => i);
  if (a.ndim > 0) {
    p[d0] = d1;
    p[d1] = d0;
  }
  return permuted(a, p, 'TransposeBackward0');
}

/** `a.t()` for tensors of at most 2 dims (TBackward0). */
export function t(a: Tensor): Tensor {
  if (a.ndim > 2) throw new ShapeError(`t() expects a tensor with <= 2 dimensions, but self is ${a.ndim}D`);
  return permuted(a, a.ndim < 2 ? a.shape.map((_, i) => i) : [1, 0], 'TBackward0');
}

/** `a.expand(shape)` materialised; -1 keeps a dim (ExpandBackward0). */
export function expand(a: Tensor, shape: readonly number[]): Tensor {
  const to = expandedShape(a.shape, shape, a.dtype);
  const idx = broadcastIndex(a.shape, to);
  const out = allocateLike(a.data, idx.length);
  const x = a.data;
  for (let i = 0; i < idx.length; i++) out[i] = x[idx[i]];
  return record(tensorOf(out, to), 'ExpandBackward0', [a], (g) => [reduceGrad(g.data, to, a.shape)], false);
}

/** A copy with its own storage, tracked (CloneBackward0). */
export function clone(a: Tensor): Tensor {
  const out = allocateLike(a.data, a.numel);
  out.set(a.data);
  return record(tensorOf(out, a.shape), 'CloneBackward0', [a], (g) => [g], false);
}
