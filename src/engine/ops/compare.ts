import type { Tensor } from '../tensor.js';
import { allocate, allocateLike } from '../dtype.js';
import { broadcastShapes, numel, sameShape, type Shape } from '../shape.js';
import { broadcastIndex, mapBinary, planBinary } from '../kernels/broadcast.js';
import { record } from '../autograd/record.js';
import { lift, reduceGrad, resultType, valuesAs, type TensorLike } from './arithmetic.js';
import { tensorOf } from './tensor-of.js';

type Predicate = (a: number, b: number) => number;

/**
 * Comparisons give 0/1 masks in the operands' float dtype (PyTorch gives bool;
 * the engine has only float storage). Numbers compare in the tensor's dtype,
 * so `t > 0.1` on float32 compares against float32(0.1), as PyTorch does.
 * Masks never carry a gradient.
 */
function compare(a: TensorLike, b: TensorLike, p: Predicate): Tensor {
  const x = lift(a, b);
  const y = lift(b, a);
  const dtype = resultType(x, y);
  const plan = planBinary(x.shape, y.shape);
  const out = allocate(dtype, plan.n);
  mapBinary(plan, valuesAs(x, dtype), valuesAs(y, dtype), out, p);
  return tensorOf(out, plan.shape);
}

const GT: Predicate = (a, b) => (a > b ? 1 : 0);
const GE: Predicate = (a, b) => (a >= b ? 1 : 0);
const LT: Predicate = (a, b) => (a < b ? 1 : 0);
const LE: Predicate = (a, b) => (a <= b ? 1 : 0);
const EQ: Predicate = (a, b) => (a === b ? 1 : 0);
const NE: Predicate = (a, b) => (a !== b ? 1 : 0);

export const gt = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, GT);
export const ge = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, GE);
export const lt = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, LT);
export const le = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, LE);
export const eq = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, EQ);
export const ne = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, NE);

/** Reads `t` at every element of `shape` (itself when no broadcast is needed). */
function spreadTo(t: Tensor, values: ArrayLike<number>, shape: Shape): ArrayLike<number> {
  if (sameShape(t.shape, shape)) return values;
  const idx = broadcastIndex(t.shape, shape);
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = values[idx[i]];
  return out;
}

/**
 * `torch.where(cond, a, b)`: a where cond is nonzero (NaN counts as true, as
 * its bool does), else b; all three broadcast (WhereBackward0). Each branch's
 * gradient is the output gradient masked to the elements it supplied.
 */
export function where(cond: Tensor, a: TensorLike, b: TensorLike): Tensor {
  const x = lift(a, b);
  const y = lift(b, a);
  const dtype = resultType(x, y);
  const shape = broadcastShapes(broadcastShapes(cond.shape, x.shape), y.shape);
  const n = numel(shape);
  const c = spreadTo(cond, cond.data, shape);
  const xv = spreadTo(x, valuesAs(x, dtype), shape);
  const yv = spreadTo(y, valuesAs(y, dtype), shape);
  const out = allocate(dtype, n);
  for (let i = 0; i < n; i++) out[i] = c[i] !== 0 ? xv[i] : yv[i];
  return record(tensorOf(out, shape), 'WhereBackward0', [x, y], (g) => {
    const gd = g.data;
    const branch = (t: Tensor, taken: boolean): Tensor => {
      const d = allocateLike(g.data, n);
      for (let i = 0; i < n; i++) d[i] = (c[i] !== 0) === taken ? gd[i] : 0;
      return sameShape(shape, t.shape) ? tensorOf(d, t.shape) : reduceGrad(d, shape, t.shape);
    };
    return [x.requiresGrad ? branch(x, true) : null, y.requiresGrad ? branch(y, false) : null];
  });
}
