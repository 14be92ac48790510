import type { Tensor } from '../tensor.js';
import { allocate, type FloatArray, allocateLike } from '../dtype.js';
import { record } from '../autograd/record.js';
import { planBinary, expandOperand } from '../kernels/broadcast.js';
import { lift, reduceGrad, resultType, valuesAs } from './arithmetic.js';
import { sameShape } from '../shape.js';
import { tensorOf } from './tensor-of.js';

type Fn = (x: number) => number;
type Derivative = (x: number, y: number) => number;

/**
 * An elementwise op whose local derivative needs only the input x and output y:
 * grad_in = grad_out * d(x, y). Forward and derivative sit side by side. Ops
 * on the training path (activation.ts) have hand loops instead, since the
 * calls through f and d here cannot be inlined.
 */
function unary(name: string, a: Tensor, f: Fn, d: Derivative): Tensor {
  const x = a.data;
  const n = x.length;
  const y = allocateLike(a.data, n);
  for (let i = 0; i < n; i++) y[i] = f(x[i]);
  return record(tensorOf(y, a.shape), name, [a], (g) => {
    const gd = g.data;
    const gi = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) gi[i] = gd[i] * d(x[i], y[i]);
    return [tensorOf(gi, a.shape)];
  });
}

/** sign(x) as PyTorch's sgn: 0 at 0 and at NaN. */
const sign: Derivative = (x) => (x > 0 ? 1 : x < 0 ? -1 : 0);
const expOut: Derivative = (_x, y) => y;

export const abs = (a: Tensor): Tensor => unary('AbsBackward0', a, Math.abs, sign);
export const exp = (a: Tensor): Tensor => unary('ExpBackward0', a, Math.exp, expOut);

/** grad / x, divided rather than multiplied by 1/x so float32 rounds as PyTorch does. */
export function log(a: Tensor): Tensor {
  const x = a.data;
  const n = x.length;
  const y = allocateLike(a.data, n);
  for (let i = 0; i < n; i++) y[i] = Math.log(x[i]);
  return record(tensorOf(y, a.shape), 'LogBackward0', [a], (g) => [divided(g.data, x, 1, a)]);
}

/** grad / (2·sqrt(x)), PyTorch's form. */
export function sqrt(a: Tensor): Tensor {
  const x = a.data;
  const n = x.length;
  const y = allocateLike(a.data, n);
  for (let i = 0; i < n; i++) y[i] = Math.sqrt(x[i]);
  return record(tensorOf(y, a.shape), 'SqrtBackward0', [a], (g) => [divided(g.data, y, 2, a)]);
}

/** 1 / x (ReciprocalBackward0: -grad · y²). */
export function reciprocal(a: Tensor): Tensor {
  const x = a.data;
  const n = x.length;
  const y = allocateLike(a.data, n);
  for (let i = 0; i < n; i++) y[i] = 1 / x[i];
  return record(tensorOf(y, a.shape), 'ReciprocalBackward0', [a], (g) => {
    const gd = g.data;
    const yy = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) yy[i] = y[i] * y[i];
    const gi = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) gi[i] = -gd[i] * yy[i];
    return [tensorOf(gi, a.shape)];
  });
}

function divided(gd: FloatArray, v: FloatArray, k: number, like: Tensor): Tensor {
  const gi = allocateLike(gd, gd.length);
  for (let i = 0; i < gd.length; i++) gi[i] = gd[i] / (k * v[i]);
  return tensorOf(gi, like.shape);
}

/** `x * x` (PowBackward0, as PyTorch names `square` and `x ** 2`). */
export function square(a: Tensor): Tensor {
  const x = a.data;
  const n = x.length;
  const y = allocateLike(a.data, n);
  for (let i = 0; i < n; i++) y[i] = x[i] * x[i];
  return record(tensorOf(y, a.shape), 'PowBackward0', [a], (g) => {
    const gd = g.data;
    const gi = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) gi[i] = gd[i] * (2 * x[i]);
    return [tensorOf(gi, a.shape)];
  });
}

/**
 * `base ** exponent`. A number exponent is PowBackward0; a tensor exponent
 * (or a number base, which PyTorch wraps in a tensor) is PowBackward1, with
 * broadcasting.
 */
export function pow(base: Tensor | number, exponent: number | Tensor): Tensor {
  if (typeof exponent === 'number') {
    if (typeof base === 'number') return powTensor(lift(base, 0), lift(exponent, 0));
    const e = exponent;
    if (e === 2) return square(base);
    return unary('PowBackward0', base, (x) => Math.pow(x, e), e === 0 ? zeroDerivative : (x) => e * Math.pow(x, e - 1));
  }
  return powTensor(lift(base, exponent), exponent);
}

const zeroDerivative: Derivative = () => 0;

function powTensor(a: Tensor, e: Tensor): Tensor {
  const dtype = resultType(a, e);
  const plan = planBinary(a.shape, e.shape);
  const xb = expandOperand(plan, valuesAs(a, dtype), 0);
  const eb = expandOperand(plan, valuesAs(e, dtype), 1);
  const n = plan.n;
  const y = allocate(dtype, n);
  for (let i = 0; i < n; i++) y[i] = Math.pow(xb[i], eb[i]);
  return record(tensorOf(y, plan.shape), 'PowBackward1', [a, e], (g) => {
    const gd = g.data;
    let ga: Tensor | null = null;
    let ge: Tensor | null = null;
    if (a.requiresGrad) {
      const d = allocateLike(g.data, n);
      for (let i = 0; i < n; i++) d[i] = eb[i] === 0 ? 0 : gd[i] * eb[i] * Math.pow(xb[i], eb[i] - 1);
      ga = sameShape(plan.shape, a.shape) ? tensorOf(d, a.shape) : reduceGrad(d, plan.shape, a.shape);
    }
    if (e.requiresGrad) {
      const d = allocateLike(g.data, n);
      // PyTorch masks base 0 with exponent >= 0 to 0 instead of 0 · -inf.
      for (let i = 0; i < n; i++) d[i] = xb[i] === 0 && eb[i] >= 0 ? 0 : gd[i] * y[i] * Math.log(xb[i]);
      ge = sameShape(plan.shape, e.shape) ? tensorOf(d, e.shape) : reduceGrad(d, plan.shape, e.shape);
    }
    return [ga, ge];
  });
}
