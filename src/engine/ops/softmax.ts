import type { Tensor } from '../tensor.js';
import { type FloatArray, allocateLike } from '../dtype.js';
import { normalizeDim, type Shape } from '../shape.js';
import { record } from '../autograd/record.js';
import { tensorOf } from './tensor-of.js';

/** The tensor as [outer, size, inner] around `dim`; a 0-d tensor is one line of one element. */
function lines(shape: Shape, dim: number): [number, number, number] {
  const d = normalizeDim(dim, shape.length);
  if (shape.length === 0) return [1, 1, 1];
  let outer = 1;
  for (let i = 0; i < d; i++) outer *= shape[i];
  let inner = 1;
  for (let i = d + 1; i < shape.length; i++) inner *= shape[i];
  return [outer, shape[d], inner];
}

/**
 * Shifts every line along the dim by its maximum, so exp never overflows;
 * writes x - max into `shifted` and returns Σ exp(x - max) per line.
 */
function shiftedExpSums(x: FloatArray, outer: number, size: number, inner: number, shifted: Float64Array): Float64Array {
  const sums = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      let m = -Infinity;
      for (let k = 0; k < size; k++) {
        const v = x[base + k * inner];
        // NaN wins, so a line holding NaN comes out all NaN, as in PyTorch.
        if (v > m || v !== v) m = v;
        if (m !== m) break;
      }
      let s = 0;
      for (let k = 0; k < size; k++) {
        const at = base + k * inner;
        const z = x[at] - m;
        shifted[at] = z;
        s += Math.exp(z);
      }
      sums[o * inner + i] = s;
    }
  return sums;
}

/** `torch.softmax(a, dim)`, numerically stable (SoftmaxBackward0: y ⊙ (g - Σ g·y)). */
export function softmax(a: Tensor, dim: number): Tensor {
  const [outer, size, inner] = lines(a.shape, dim);
  const n = a.numel;
  const shifted = new Float64Array(n);
  const sums = shiftedExpSums(a.data, outer, size, inner, shifted);
  const y = allocateLike(a.data, n);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      const s = sums[o * inner + i];
      for (let k = 0; k < size; k++) y[base + k * inner] = Math.exp(shifted[base + k * inner]) / s;
    }
  return record(tensorOf(y, a.shape), 'SoftmaxBackward0', [a], (g) => {
    const gd = g.data;
    const gi = allocateLike(g.data, n);
    for (let o = 0; o < outer; o++)
      for (let i = 0; i < inner; i++) {
        const base = o * size * inner + i;
        let dot = 0;
        for (let k = 0; k < size; k++) dot += gd[base + k * inner] * y[base + k * inner];
        for (let k = 0; k < size; k++) {
          const at = base + k * inner;
          gi[at] = y[at] * (gd[at] - dot);
        }
      }
    return [tensorOf(gi, a.shape)];
  });
}

/** `torch.log_softmax(a, dim)`: x - max - log Σ exp(x - max) (LogSoftmaxBackward0: g - exp(y) Σ g). */
export function logSoftmax(a: Tensor, dim: number): Tensor {
  const [outer, size, inner] = lines(a.shape, dim);
  const n = a.numel;
  const shifted = new Float64Array(n);
  const sums = shiftedExpSums(a.data, outer, size, inner, shifted);
  const y = allocateLike(a.data, n);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      const l = Math.log(sums[o * inner + i]);
      for (let k = 0; k < size; k++) y[base + k * inner] = shifted[base + k * inner] - l;
    }
  return record(tensorOf(y, a.shape), 'LogSoftmaxBackward0', [a], (g) => {
    const gd = g.data;
    const gi = allocateLike(g.data, n);
    for (let o = 0; o < outer; o++)
      for (let i = 0; i < inner; i++) {
        const base = o * size * inner + i;
        let s = 0;
        for (let k = 0; k < size; k++) s += gd[base + k * inner];
        for (let k = 0; k < size; k++) {
          const at = base + k * inner;
          gi[at] = gd[at] - Math.exp(y[at]) * s;
        }
      }
    return [tensorOf(gi, a.shape)];
  });
}
