import type { Tensor } from '../tensor.js';
import { allocate, type DType, type FloatArray, allocateLike } from '../dtype.js';
import { numel, sameShape, type Shape } from '../shape.js';
import { expandOperand, planBinary, sumToShape, type BroadcastPlan, type ReadMode } from '../kernels/broadcast.js';
import { record } from '../autograd/record.js';
import { scalar } from './creation.js';
import { tensorOf } from './tensor-of.js';

/** A tensor, or a number that broadcasts as a 0-d tensor (never tracked). */
export type TensorLike = Tensor | number;

/** A number operand becomes a 0-d tensor of the other operand's dtype, like PyTorch's wrapped numbers. */
export function lift(x: TensorLike, other: TensorLike): Tensor {
  if (typeof x !== 'number') return x;
  return scalar(x, typeof other === 'number' ? 'float32' : other.dtype);
}

/**
 * PyTorch's result dtype for two float tensors: a 0-d tensor does not promote
 * a dimensioned one (float32 [3] + float64 0-d stays float32); otherwise
 * float64 wins.
 */
export function resultType(a: Tensor, b: Tensor): DType {
  const da = a.dtype;
  const db = b.dtype;
  if (da === db) return da;
  const za = a.ndim === 0;
  if (za !== (b.ndim === 0)) return za ? db : da;
  return 'float64';
}

/** An operand's values in the computation dtype; float64 into float32 rounds first, as PyTorch casts before computing. */
export function valuesAs(t: Tensor, dtype: DType): FloatArray {
  if (dtype === 'float64' || t.data instanceof Float32Array) return t.data;
  const out = new Float32Array(t.numel);
  out.set(t.data);
  return out;
}

/** Gradient of a broadcast operand: summed back down to its own shape. */
export function reduceGrad(g: FloatArray, gShape: Shape, to: Shape): Tensor {
  const out = allocate(g instanceof Float64Array ? 'float64' : 'float32', numel(to));
  sumToShape(g, gShape, to, out);
  return tensorOf(out, to);
}

/** `g` itself when no broadcasting happened (no copy), else its sum down to `to`. */
function sumTo(g: Tensor, to: Shape): Tensor {
  return sameShape(g.shape, to) ? g : reduceGrad(g.data, g.shape, to);
}

function finish(d: FloatArray, shape: Shape, to: Shape): Tensor {
  return sameShape(shape, to) ? tensorOf(d, to) : reduceGrad(d, shape, to);
}

function scaleArray(x: FloatArray, c: number): FloatArray {
  const out = allocate(x instanceof Float64Array ? 'float64' : 'float32', x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * c;
  return out;
}

/** A scalar argument (alpha) as the kernel sees it: PyTorch converts it to the op's dtype first. */
function inDtype(c: number, dtype: DType): number {
  return dtype === 'float32' ? Math.fround(c) : c;
}

/**
 * out = x + alpha·y over a plan. The common layouts get their own loop; other
 * broadcasts are expanded first. alpha = ±1 is exact, so add and sub share it.
 */
function addKernel(p: BroadcastPlan, x: FloatArray, y: FloatArray, alpha: number, out: FloatArray): void {
  const n = p.n;
  const ma = p.modeA;
  const mb = p.modeB;
  if (ma === 'full' && mb === 'full') for (let i = 0; i < n; i++) out[i] = x[i] + alpha * y[i];
  else if (ma === 'full' && mb === 'scalar') {
    const c = alpha * y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] + c;
  } else if (ma === 'full' && mb === 'tile') {
    const q = p.period;
    for (let r = 0; r < n; r += q) for (let j = 0; j < q; j++) out[r + j] = x[r + j] + alpha * y[j];
  } else if (ma === 'scalar' && mb === 'full') {
    const c = x[0];
    for (let i = 0; i < n; i++) out[i] = c + alpha * y[i];
  } else if (ma === 'tile' && mb === 'full') {
    const q = p.period;
    for (let r = 0; r < n; r += q) for (let j = 0; j < q; j++) out[r + j] = x[j] + alpha * y[r + j];
  } else {
    const xa = expandOperand(p, x, 0);
    const ya = expandOperand(p, y, 1);
    for (let i = 0; i < n; i++) out[i] = xa[i] + alpha * ya[i];
  }
}

function mulKernel(p: BroadcastPlan, x: FloatArray, y: FloatArray, out: FloatArray): void {
  const n = p.n;
  const ma = p.modeA;
  const mb = p.modeB;
  if (ma === 'full' && mb === 'full') for (let i = 0; i < n; i++) out[i] = x[i] * y[i];
  else if (ma === 'full' && mb === 'scalar') {
    const c = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] * c;
  } else if (ma === 'full' && mb === 'tile') {
    const q = p.period;
    for (let r = 0; r < n; r += q) for (let j = 0; j < q; j++) out[r + j] = x[r + j] * y[j];
  } else if (ma === 'scalar' && mb === 'full') {
    const c = x[0];
    for (let i = 0; i < n; i++) out[i] = c * y[i];
  } else {
    const xa = expandOperand(p, x, 0);
    const ya = expandOperand(p, y, 1);
    for (let i = 0; i < n; i++) out[i] = xa[i] * ya[i];
  }
}

function divKernel(p: BroadcastPlan, x: FloatArray, y: FloatArray, out: FloatArray): void {
  const n = p.n;
  if (p.modeA === 'full' && p.modeB === 'scalar') {
    const c = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] / c;
    return;
  }
  const xa = expandOperand(p, x, 0);
  const ya = expandOperand(p, y, 1);
  for (let i = 0; i < n; i++) out[i] = xa[i] / ya[i];
}

/** d[i] = g[i] ⊙ v(i), v read through the plan as operand `which`: the product and quotient rules' shared loop. */
function combine(g: FloatArray, p: BroadcastPlan, v: FloatArray, which: 0 | 1, divide: boolean): FloatArray {
  const n = p.n;
  const d = allocate(g instanceof Float64Array ? 'float64' : 'float32', n);
  const mode: ReadMode = which === 0 ? p.modeA : p.modeB;
  if (mode === 'full') {
    if (divide) for (let i = 0; i < n; i++) d[i] = g[i] / v[i];
    else for (let i = 0; i < n; i++) d[i] = g[i] * v[i];
  } else if (mode === 'scalar') {
    const c = v[0];
    if (divide) for (let i = 0; i < n; i++) d[i] = g[i] / c;
    else for (let i = 0; i < n; i++) d[i] = g[i] * c;
  } else {
    const vb = expandOperand(p, v, which);
    if (divide) for (let i = 0; i < n; i++) d[i] = g[i] / vb[i];
    else for (let i = 0; i < n; i++) d[i] = g[i] * vb[i];
  }
  return d;
}

/** `a + alpha * b` with broadcasting (AddBackward0). */
export function add(a: TensorLike, b: TensorLike, alpha = 1): Tensor {
  const x = lift(a, b);
  const y = lift(b, a);
  const dtype = resultType(x, y);
  const plan = planBinary(x.shape, y.shape);
  const out = allocate(dtype, plan.n);
  const al = inDtype(alpha, dtype);
  addKernel(plan, valuesAs(x, dtype), valuesAs(y, dtype), al, out);
  return record(
    tensorOf(out, plan.shape),
    'AddBackward0',
    [x, y],
    (g) => [
      x.requiresGrad ? sumTo(g, x.shape) : null,
      y.requiresGrad ? (al === 1 ? sumTo(g, y.shape) : finish(scaleArray(g.data, al), g.shape, y.shape)) : null,
    ],
    false,
  );
}

/** `a - alpha * b` (SubBackward0; RsubBackward1 when `a` is a number, as for `2 - t`). */
export function sub(a: TensorLike, b: TensorLike, alpha = 1): Tensor {
  const x = lift(a, b);
  const y = lift(b, a);
  const dtype = resultType(x, y);
  const plan = planBinary(x.shape, y.shape);
  const out = allocate(dtype, plan.n);
  const al = inDtype(alpha, dtype);
  addKernel(plan, valuesAs(x, dtype), valuesAs(y, dtype), -al, out);
  return record(
    tensorOf(out, plan.shape),
    typeof a === 'number' ? 'RsubBackward1' : 'SubBackward0',
    [x, y],
    (g) => [
      x.requiresGrad ? sumTo(g, x.shape) : null,
      y.requiresGrad ? finish(scaleArray(g.data, -al), g.shape, y.shape) : null,
    ],
    false,
  );
}

/** Elementwise product (MulBackward0). */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  const x = lift(a, b);
  const y = lift(b, a);
  const dtype = resultType(x, y);
  const plan = planBinary(x.shape, y.shape);
  const xd = valuesAs(x, dtype);
  const yd = valuesAs(y, dtype);
  const out = allocate(dtype, plan.n);
  mulKernel(plan, xd, yd, out);
  return record(tensorOf(out, plan.shape), 'MulBackward0', [x, y], (g) => [
    x.requiresGrad ? finish(combine(g.data, plan, yd, 1, false), plan.shape, x.shape) : null,
    y.requiresGrad ? finish(combine(g.data, plan, xd, 0, false), plan.shape, y.shape) : null,
  ]);
}

/**
 * Elementwise true division (DivBackward0). A number numerator is PyTorch's
 * `__rtruediv__`, `reciprocal(b) * a`, so it rounds twice and shows MulBackward0.
 */
export function div(a: TensorLike, b: TensorLike): Tensor {
  if (typeof a === 'number' && typeof b !== 'number') return scaledReciprocal(a, b);
  const x = lift(a, b);
  const y = lift(b, a);
  const dtype = resultType(x, y);
  const plan = planBinary(x.shape, y.shape);
  const xd = valuesAs(x, dtype);
  const yd = valuesAs(y, dtype);
  const out = allocate(dtype, plan.n);
  divKernel(plan, xd, yd, out);
  return record(tensorOf(out, plan.shape), 'DivBackward0', [x, y], (g) => {
    const ga = x.requiresGrad ? finish(combine(g.data, plan, yd, 1, true), plan.shape, x.shape) : null;
    let gb: Tensor | null = null;
    if (y.requiresGrad) {
      // PyTorch's -grad * ((a / b) / b), each step rounded; a / b is the forward value.
      const q = combine(out, plan, yd, 1, true);
      const gd = g.data;
      const d = allocateLike(g.data, plan.n);
      for (let i = 0; i < d.length; i++) d[i] = -gd[i] * q[i];
      gb = finish(d, plan.shape, y.shape);
    }
    return [ga, gb];
  });
}

/** `c / t` as PyTorch computes it: `t.reciprocal() * c`. */
function scaledReciprocal(c: number, t: Tensor): Tensor {
  const n = t.numel;
  const x = t.data;
  const r = allocateLike(t.data, n);
  for (let i = 0; i < n; i++) r[i] = 1 / x[i];
  const k = inDtype(c, t.dtype);
  const out = allocateLike(t.data, n);
  for (let i = 0; i < n; i++) out[i] = r[i] * k;
  return record(tensorOf(out, t.shape), 'MulBackward0', [t], (g) => {
    // MulBackward0 then ReciprocalBackward0: -(g·c) · (r·r), rounded at each step.
    const gd = g.data;
    const gc = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) gc[i] = gd[i] * k;
    const rr = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) rr[i] = r[i] * r[i];
    const d = allocateLike(g.data, n);
    for (let i = 0; i < n; i++) d[i] = -gc[i] * rr[i];
    return [tensorOf(d, t.shape)];
  });
}

/** `-a` (NegBackward0). */
export function neg(a: Tensor): Tensor {
  const out = tensorOf(scaleArray(a.data, -1), a.shape);
  return record(out, 'NegBackward0', [a], (g) => [tensorOf(scaleArray(g.data, -1), a.shape)], false);
}
