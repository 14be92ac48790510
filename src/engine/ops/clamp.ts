import type { Tensor } from '../tensor.js';
import { allocateLike } from '../dtype.js';
import { record } from '../autograd/record.js';
import { EngineArgumentError } from '../errors.js';
import { tensorOf } from './tensor-of.js';

/**
 * `torch.clamp(a, min, max)` with number bounds (ClampBackward1). NaN stays
 * NaN; min > max gives max everywhere, as PyTorch's min(max(x, lo), hi) does.
 * The gradient passes where lo <= x <= hi, bounds included.
 */
export function clamp(a: Tensor, min?: number | null, max?: number | null): Tensor {
  const hasLo = min !== undefined && min !== null;
  const hasHi = max !== undefined && max !== null;
  if (!hasLo && !hasHi) throw new EngineArgumentError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const f32 = a.dtype === 'float32';
  // The bounds are scalars of the tensor's dtype inside PyTorch's kernel.
  const lo = hasLo ? (f32 ? Math.fround(min) : min) : -Infinity;
  const hi = hasHi ? (f32 ? Math.fround(max) : max) : Infinity;
  const x = a.data;
  const n = x.length;
  const y = allocateLike(a.data, n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    y[i] = v !== v ? v : Math.min(Math.max(v, lo), hi);
  }
  return record(tensorOf(y, a.shape), 'ClampBackward1', [a], (g) => {
    const gd = g.data;
    const gi = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) gi[i] = x[i] >= lo && x[i] <= hi ? gd[i] : 0;
    return [tensorOf(gi, a.shape)];
  });
}
