import type { Module } from '../../nn/index.js';
import { jsonFloat, type ParameterStats, type TensorStats } from './train-events.js';

/**
 * torch's `norm()`, `mean()`, `std()` (unbiased: NaN for one element, as
 * torch), `min()`, `max()` of a float32 tensor, summed in float64 so the
 * figures do not depend on summation order; a NaN anywhere makes every figure
 * NaN, as in torch.
 */
export function tensorStats(x: Float32Array): TensorStats {
  const n = x.length;
  if (n === 0) return { norm: 0, mean: 'NaN', std: 'NaN', min: 'NaN', max: 'NaN' };
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  let nan = false;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v !== v) nan = true;
    sum += v;
    squares += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let centred = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    centred += d * d;
  }
  const std = n > 1 ? Math.sqrt(centred / (n - 1)) : NaN;
  if (nan) return { norm: 'NaN', mean: 'NaN', std: 'NaN', min: 'NaN', max: 'NaN' };
  return { norm: jsonFloat(Math.sqrt(squares)), mean: jsonFloat(mean), std: jsonFloat(std), min: jsonFloat(min), max: jsonFloat(max) };
}

/** Every parameter of the model (tied ones once, PyTorch's order) with statistics of its value and gradient. */
export function parameterStats(root: Module): ParameterStats[] {
  const out: ParameterStats[] = [];
  for (const [name, p] of root.namedParameters())
    out.push({
      name,
      requiresGrad: p.requiresGrad,
      value: tensorStats(p.data as Float32Array),
      grad: p.grad === null ? null : tensorStats(p.grad.data as Float32Array),
    });
  return out;
}
