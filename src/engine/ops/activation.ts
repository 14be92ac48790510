import type { Tensor } from '../tensor.js';
import { allocateLike } from '../dtype.js';
import { record } from '../autograd/record.js';
import { erf } from '../kernels/special.js';
import { reluBackward, reluForward } from '../kernels/relu.js';
import { tensorOf } from './tensor-of.js';

// The activations between Linear layers: the service's training path, so each
// has its own loops (no per-element calls through a function argument).

export function relu(a: Tensor): Tensor {
  const x = a.data;
  const n = x.length;
  const y = allocateLike(a.data, n);
  // clamp_min(0) and threshold_backward, branch-free on float32 (kernels/relu.ts).
  reluForward(x, y);
  return record(tensorOf(y, a.shape), 'ReluBackward0', [a], (g) => {
    const gi = allocateLike(g.data, n);
    reluBackward(y, g.data, gi);
    return [tensorOf(gi, a.shape)];
  });
}

export function sigmoid(a: Tensor): Tensor {
  const x = a.data;
  const n = x.length;
  const y = allocateLike(a.data, n);
  for (let i = 0; i < n; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
  return record(tensorOf(y, a.shape), 'SigmoidBackward0', [a], (g) => {
    const gd = g.data;
    const gi = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) gi[i] = gd[i] * (1 - y[i]) * y[i];
    return [tensorOf(gi, a.shape)];
  });
}

export function tanh(a: Tensor): Tensor {
  const x = a.data;
  const n = x.length;
  const y = allocateLike(a.data, n);
  for (let i = 0; i < n; i++) y[i] = Math.tanh(x[i]);
  return record(tensorOf(y, a.shape), 'TanhBackward0', [a], (g) => {
    const gd = g.data;
    const gi = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) gi[i] = gd[i] * (1 - y[i] * y[i]);
    return [tensorOf(gi, a.shape)];
  });
}

export function leakyRelu(a: Tensor, negativeSlope = 0.01): Tensor {
  // The slope is a float32 scalar in a float32 kernel; rounding it here keeps x·slope bit-exact.
  const s = a.dtype === 'float32' ? Math.fround(negativeSlope) : negativeSlope;
  const x = a.data;
  const n = x.length;
  const y = allocateLike(a.data, n);
  for (let i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : x[i] * s;
  return record(tensorOf(y, a.shape), 'LeakyReluBackward0', [a], (g) => {
    const gd = g.data;
    const gi = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) gi[i] = x[i] > 0 ? gd[i] : gd[i] * s;
    return [tensorOf(gi, a.shape)];
  });
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** GELU, exact (`approximate='none'`: x·Φ(x)) or PyTorch's tanh approximation (GeluBackward0). */
export function gelu(a: Tensor, approximate: 'none' | 'tanh' = 'none'): Tensor {
  const x = a.data;
  const n = x.length;
  const y = allocateLike(a.data, n);
  const tanhForm = approximate === 'tanh';
  if (tanhForm)
    for (let i = 0; i < n; i++) {
      const v = x[i];
      y[i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)));
    }
  else for (let i = 0; i < n; i++) y[i] = 0.5 * x[i] * (1 + erf(x[i] * Math.SQRT1_2));
  return record(tensorOf(y, a.shape), 'GeluBackward0', [a], (g) => {
    const gd = g.data;
    const gi = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) {
      const v = x[i];
      let d: number;
      if (tanhForm) {
        const t = Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v));
        d = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * v * v);
      } else d = 0.5 * (1 + erf(v * Math.SQRT1_2)) + v * Math.exp(-0.5 * v * v) * INV_SQRT_2PI;
      gi[i] = gd[i] * d;
    }
    return [tensorOf(gi, a.shape)];
  });
}
