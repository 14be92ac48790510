import { noGrad, uniform_ as fillUniform, type Generator as RandomGenerator, type Tensor } from '../../engine/index.js';
import { checkUniformBounds } from './engine-checks.js';
import { InvalidInitializerError } from './errors.js';
import { erfinv32, erfinv64 } from './math/erfinv.js';
import { erf } from './math/erf.js';

export interface TruncNormalOptions {
  mean?: number;
  std?: number;
  /** Lower cut-off, default -2. */
  a?: number;
  /** Upper cut-off, default 2. */
  b?: number;
}

interface TruncNormalPlan {
  mean: number;
  std: number;
  a: number;
  b: number;
  /** The uniform range [2Φ(α) - 1, 2Φ(β) - 1) that erfinv maps onto [a, b]. */
  from: number;
  to: number;
}

const normCdf = (x: number): number => (1 + erf(x / Math.SQRT2)) / 2;

/** The double-precision prelude of PyTorch 1.13's `_no_grad_trunc_normal_`, with its errors. */
export function planTruncNormal(options: TruncNormalOptions): TruncNormalPlan {
  const { mean = 0, std = 1, a = -2, b = 2 } = options;
  if (std === 0) throw new InvalidInitializerError('float division by zero'); // Python's ZeroDivisionError
  const from = 2 * normCdf((a - mean) / std) - 1;
  const to = 2 * normCdf((b - mean) / std) - 1;
  checkUniformBounds(from, to);
  return { mean, std, a, b, from, to };
}

/**
 * `nn.init.trunc_normal_` as PyTorch 1.13 computes it (2.x samples
 * differently): uniform on [2Φ(α)-1, 2Φ(β)-1), erfinv, times std·√2, plus
 * mean, clamped to [a, b]. Each step is a float32 tensor op there, so each is
 * rounded to float here; erfinv is ATen's, ported bit for bit.
 */
export function truncNormal_(t: Tensor, options: TruncNormalOptions, generator: RandomGenerator): Tensor {
  const p = planTruncNormal(options);
  noGrad(() => {
    const d = t.data;
    fillUniform(d, p.from, p.to, generator);
    if (d instanceof Float64Array) {
      const scale = p.std * Math.SQRT2;
      for (let i = 0; i < d.length; i++) d[i] = clamp(erfinv64(d[i]) * scale + p.mean, p.a, p.b);
    } else {
      const f = Math.fround;
      // mul_/add_/clamp_ with Python scalars run in float: each scalar is cast first
      const scale = f(p.std * Math.SQRT2);
      const mean = f(p.mean);
      const lo = f(p.a);
      const hi = f(p.b);
      for (let i = 0; i < d.length; i++) d[i] = clamp(f(f(erfinv32(d[i]) * scale) + mean), lo, hi);
    }
  });
  return t;
}

/** `clamp_(min, max)`: NaN stays NaN. */
function clamp(x: number, lo: number, hi: number): number {
  return Number.isNaN(x) ? x : Math.min(Math.max(x, lo), hi);
}
