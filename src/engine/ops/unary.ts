import { Tensor } from '../tensor.js';
import { allocate, type FloatArray } from '../dtype.js';
import { record } from '../autograd/record.js';
import { erf } from '../kernels/special.js';
import { mul } from './arithmetic.js';
import { EngineArgumentError } from '../errors.js';

/**
 * An elementwise op whose local derivative needs only the input x and output y:
 * grad_in = grad_out * d(x, y). Forward and derivative sit side by side.
 */
function unary(
  name: string,
  a: Tensor,
  f: (x: number) => number,
  d: (x: number, y: number) => number,
): Tensor {
  const x = a.data;
  const n = x.length;
  const y = allocate(a.dtype, n);
  for (let i = 0; i < n; i++) y[i] = f(x[i]);
  const out = new Tensor(y, a.shape);
  return record(out, name, [a], (g) => {
    const gd = g.data;
    const gi = allocate(g.dtype, n);
    for (let i = 0; i < n; i++) gi[i] = gd[i] * d(x[i], y[i]);
    return [new Tensor(gi, a.shape)];
  });
}

export const abs = (a: Tensor): Tensor => unary('AbsBackward0', a, Math.abs, (x) => Math.sign(x));
export const exp = (a: Tensor): Tensor => unary('ExpBackward0', a, Math.exp, (_x, y) => y);
export const log = (a: Tensor): Tensor => unary('LogBackward0', a, Math.log, (x) => 1 / x);
export const sqrt = (a: Tensor): Tensor => unary('SqrtBackward0', a, Math.sqrt, (_x, y) => 1 / (2 * y));
export const square = (a: Tensor): Tensor => unary('PowBackward0', a, (x) => x * x, (x) => 2 * x);
export const relu = (a: Tensor): Tensor => unary('ReluBackward0', a, (x) => (x > 0 ? x : 0), (_x, y) => (y > 0 ? 1 : 0));
export const sigmoid = (a: Tensor): Tensor =>
  unary('SigmoidBackward0', a, (x) => 1 / (1 + Math.exp(-x)), (_x, y) => y * (1 - y));
export const tanh = (a: Tensor): Tensor => unary('TanhBackward0', a, Math.tanh, (_x, y) => 1 - y * y);

export function leakyRelu(a: Tensor, negativeSlope = 0.01): Tensor {
  return unary('LeakyReluBackward0', a, (x) => (x > 0 ? x : x * negativeSlope), (x) => (x > 0 ? 1 : negativeSlope));
}

/** GELU, exact (`approximate='none'`: x·Φ(x)) or PyTorch's tanh approximation. */
export function gelu(a: Tensor, approximate: 'none' | 'tanh' = 'none'): Tensor {
  if (approximate === 'tanh') {
    const k = Math.sqrt(2 / Math.PI);
    return unary(
      'GeluBackward0',
      a,
      (x) => 0.5 * x * (1 + Math.tanh(k * (x + 0.044715 * x * x * x))),
      (x) => {
        const inner = k * (x + 0.044715 * x * x * x);
        const t = Math.tanh(inner);
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * k * (1 + 3 * 0.044715 * x * x);
      },
    );
  }
  return unary(
    'GeluBackward0',
    a,
    (x) => 0.5 * x * (1 + erf(x * Math.SQRT1_2)),
    (x) => 0.5 * (1 + erf(x * Math.SQRT1_2)) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI),
  );
}

/** `a ** exponent` for a number exponent (PowBackward0) or a tensor exponent (PowBackward1). */
export function pow(a: Tensor, exponent: number | Tensor): Tensor {
  if (typeof exponent === 'number') {
    const e = exponent;
    if (e === 2) return square(a);
    return unary('PowBackward0', a, (x) => Math.pow(x, e), (x) => (e === 0 ? 0 : e * Math.pow(x, e - 1)));
  }
  return powTensor(a, exponent);
}

function powTensor(a: Tensor, e: Tensor): Tensor {
  // a ** e = exp(e * log a) only for the derivative; the value is Math.pow so signs and zeros are right.
  if (a.shape.length !== e.shape.length || a.shape.some((d, i) => d !== e.shape[i]))
    throw new EngineArgumentError('pow with a tensor exponent needs operands of the same shape');
  const n = a.numel;
  const y = allocate(a.dtype, n);
  for (let i = 0; i < n; i++) y[i] = Math.pow(a.data[i], e.data[i]);
  const out = new Tensor(y, a.shape);
  return record(out, 'PowBackward1', [a, e], (g) => {
    const gd = g.data;
    let ga: Tensor | null = null;
    let ge: Tensor | null = null;
    if (a.requiresGrad) {
      const d = allocate(g.dtype, n);
      for (let i = 0; i < n; i++) d[i] = e.data[i] === 0 ? 0 : gd[i] * e.data[i] * Math.pow(a.data[i], e.data[i] - 1);
      ga = new Tensor(d, a.shape);
    }
    if (e.requiresGrad) {
      const d = allocate(g.dtype, n);
      // PyTorch masks the a == 0, e >= 0 case to 0 instead of 0 * -inf.
      for (let i = 0; i < n; i++) d[i] = a.data[i] === 0 && e.data[i] >= 0 ? 0 : gd[i] * y[i] * Math.log(a.data[i]);
      ge = new Tensor(d, e.shape);
    }
    return [ga, ge];
  });
}

/** Multiplies by a 0/1 mask; convenience for masked edits (`w * (w.abs() >= 5)`). */
export function applyMask(a: Tensor, mask: Tensor): Tensor {
  return mul(a, mask);
}

/** Copies values into a fresh array of the same dtype (helper for ops that must not alias). */
export function copyArray(x: FloatArray): FloatArray {
  const out = allocate(x instanceof Float64Array ? 'float64' : 'float32', x.length);
  out.set(x);
  return out;
}
