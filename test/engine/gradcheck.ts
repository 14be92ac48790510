import { Tensor, noGrad, type Shape } from '../../src/engine/index.js';

export interface GradcheckOptions {
  /** Central-difference step. */
  eps?: number;
  atol?: number;
  rtol?: number;
  /** Seeds the weights the output is projected on. */
  seed?: number;
}

export interface GradcheckResult {
  /** Largest |analytic - numeric| over every checked element. */
  maxError: number;
  /** Elements compared. */
  checked: number;
}

/** Deterministic values in [-1, -0.25] ∪ [0.25, 1] (mulberry32), so no projection weight is near 0. */
export function weights(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    const u = ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    out[i] = (u < 0.5 ? -1 : 1) * (0.25 + 1.5 * Math.abs(u - 0.5));
  }
  return out;
}

/** A float64 tensor of seeded values in ±[lo, hi] (away from the kinks of relu, abs, max, ...). */
export function rand(shape: Shape, seed: number, { lo = 0.1, hi = 2, positive = false } = {}): Tensor {
  let n = 1;
  for (const d of shape) n *= d;
  const w = weights(n, seed);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mag = lo + (hi - lo) * ((Math.abs(w[i]) - 0.25) / 0.75);
    data[i] = positive || w[i] > 0 ? mag : -mag;
  }
  return new Tensor(data, shape, true);
}

/**
 * Checks `fn`'s analytic gradients at float64 inputs against central
 * differences. The output y is projected on fixed weights w, L = Σ w·y, so a
 * single backward (`y.backward(w)`) checks the full vector-Jacobian product;
 * each input element is then nudged by ±eps with L recomputed under noGrad.
 * Inputs with `requiresGrad` are checked (all of them when none is flagged);
 * a flagged input the output does not depend on must get a zero or no gradient.
 * Throws, naming the input and element, when |a - n| > atol + rtol·|n|.
 */
export function gradcheck(fn: (...inputs: Tensor[]) => Tensor, inputs: Tensor[], options: GradcheckOptions = {}): GradcheckResult {
  const { eps = 1e-6, atol = 1e-7, rtol = 1e-6, seed = 7 } = options;
  for (const t of inputs) if (t.dtype !== 'float64') throw new Error('gradcheck needs float64 inputs');
  const flagged = inputs.some((t) => t.requiresGrad);
  const leaves = inputs.map((t) => new Tensor(Float64Array.from(t.data), t.shape, flagged ? t.requiresGrad : true));

  const y = fn(...leaves);
  if (!y.requiresGrad) throw new Error('gradcheck: the output does not require grad');
  const w = new Tensor(weights(y.numel, seed), y.shape);
  const project = (out: Tensor): number => {
    if (out.numel !== w.numel) throw new Error('gradcheck: the output changed shape');
    let s = 0;
    for (let i = 0; i < out.numel; i++) s += w.data[i] * out.data[i];
    return s;
  };
  y.backward(w);

  let maxError = 0;
  let checked = 0;
  leaves.forEach((leaf, k) => {
    if (!leaf.requiresGrad) return;
    const x = leaf.data;
    for (let j = 0; j < x.length; j++) {
      const orig = x[j];
      x[j] = orig + eps;
      const plus = noGrad(() => project(fn(...leaves)));
      x[j] = orig - eps;
      const minus = noGrad(() => project(fn(...leaves)));
      x[j] = orig;
      const numeric = (plus - minus) / (2 * eps);
      const analytic = leaf.grad === null ? 0 : leaf.grad.data[j];
      const err = Math.abs(analytic - numeric);
      maxError = Math.max(maxError, err);
      checked++;
      if (!(err <= atol + rtol * Math.abs(numeric)))
        throw new Error(`gradcheck: input ${k} element ${j}: analytic ${analytic}, numeric ${numeric} (|diff| ${err})`);
    }
  });
  return { maxError, checked };
}
