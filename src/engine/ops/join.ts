import type { Tensor } from '../tensor.js';
import { allocate, promote, type DType, allocateLike } from '../dtype.js';
import { formatList, normalizeDim, sameShape, type Shape } from '../shape.js';
import { record } from '../autograd/record.js';
import { EngineArgumentError, ShapeError } from '../errors.js';
import { tensorOf } from './tensor-of.js';

/**
 * Lays `parts` one after another along dim `d` of `shape`: for every outer
 * index, each part contributes its contiguous block of (its size along d) ×
 * inner elements. The backward cuts the gradient into the same blocks.
 */
function concatenate(parts: readonly Tensor[], sizes: readonly number[], shape: number[], d: number, dtype: DType, name: string): Tensor {
  let outer = 1;
  for (let i = 0; i < d; i++) outer *= shape[i];
  let inner = 1;
  for (let i = d + 1; i < shape.length; i++) inner *= shape[i];
  const total = shape[d] * inner;
  const out = allocate(dtype, outer * total);
  let at = 0;
  for (let p = 0; p < parts.length; p++) {
    const block = sizes[p] * inner;
    const x = parts[p].data;
    for (let o = 0; o < outer; o++) for (let j = 0; j < block; j++) out[o * total + at + j] = x[o * block + j];
    at += block;
  }
  return record(
    tensorOf(out, shape),
    name,
    parts,
    (g) => {
      const gd = g.data;
      const grads: (Tensor | null)[] = [];
      let from = 0;
      for (let p = 0; p < parts.length; p++) {
        const block = sizes[p] * inner;
        if (parts[p].requiresGrad) {
          const gi = allocateLike(g.data, parts[p].numel);
          for (let o = 0; o < outer; o++) for (let j = 0; j < block; j++) gi[o * block + j] = gd[o * total + from + j];
          grads.push(tensorOf(gi, parts[p].shape));
        } else grads.push(null);
        from += block;
      }
      return grads;
    },
    false,
  );
}

function commonDtype(tensors: readonly Tensor[]): DType {
  let dtype: DType = tensors[0].dtype;
  for (const t of tensors) dtype = promote(dtype, t.dtype);
  return dtype;
}

/**
 * `torch.cat(tensors, dim)` (CatBackward0). As in PyTorch 1.13, 1-D empty
 * tensors are skipped whatever the others' shapes (the legacy rule).
 */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new EngineArgumentError('torch.cat(): expected a non-empty list of Tensors');
  tensors.forEach((t, i) => {
    if (t.ndim === 0) throw new ShapeError(`zero-dimensional tensor (at position ${i}) cannot be concatenated`);
  });
  const skipped = (t: Tensor): boolean => t.ndim === 1 && t.numel === 0;
  const ref = tensors.find((t) => !skipped(t));
  if (ref === undefined) return concatenate(tensors, tensors.map(() => 0), [0], 0, commonDtype(tensors), 'CatBackward0');
  const d = normalizeDim(dim, ref.ndim);
  const shape = ref.shape.slice();
  shape[d] = 0;
  tensors.forEach((t, i) => {
    if (skipped(t)) return;
    if (t.ndim !== ref.ndim) throw new ShapeError(`Tensors must have same number of dimensions: got ${ref.ndim} and ${t.ndim}`);
    for (let k = 0; k < ref.ndim; k++)
      if (k !== d && t.shape[k] !== ref.shape[k])
        throw new ShapeError(
          `Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[k]} but got size ${t.shape[k]} for tensor number ${i} in the list.`,
        );
    shape[d] += t.shape[d];
  });
  const sizes = tensors.map((t) => (skipped(t) ? 0 : t.shape[d]));
  return concatenate(tensors, sizes, shape, d, commonDtype(tensors), 'CatBackward0');
}

/** `torch.stack(tensors, dim)`: equal shapes joined along a new dim (StackBackward0). */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new EngineArgumentError('stack expects a non-empty TensorList');
  const first: Shape = tensors[0].shape;
  tensors.forEach((t, i) => {
    if (!sameShape(t.shape, first))
      throw new ShapeError(`stack expects each tensor to be equal size, but got ${formatList(first)} at entry 0 and ${formatList(t.shape)} at entry ${i}`);
  });
  const d = normalizeDim(dim, first.length + 1);
  const shape = [...first.slice(0, d), tensors.length, ...first.slice(d)];
  return concatenate(tensors, tensors.map(() => 1), shape, d, commonDtype(tensors), 'StackBackward0');
}
