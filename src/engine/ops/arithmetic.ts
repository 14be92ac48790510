import { Tensor } from '../tensor.js';
import { allocate, promote, type FloatArray } from '../dtype.js';
import { sameShape, type Shape } from '../shape.js';
import { planBinary, sumToShape, type BroadcastPlan } from '../kernels/broadcast.js';
import { record } from '../autograd/record.js';
import { scalar } from './creation.js';

/** A tensor, or a number that broadcasts as a 0-d tensor (never tracked). */
export type TensorLike = Tensor | number;

function lift(x: TensorLike, like: Tensor): Tensor {
  return typeof x === 'number' ? scalar(x, like.dtype) : x;
}

function operands(a: TensorLike, b: TensorLike): [Tensor, Tensor] {
  if (typeof a === 'number' && typeof b === 'number') return [scalar(a), scalar(b)];
  if (typeof a === 'number') return [lift(a, b as Tensor), b as Tensor];
  return [a, lift(b, a)];
}

type Kernel = (plan: BroadcastPlan, x: FloatArray, y: FloatArray, out: FloatArray) => void;

/** Gradient of a broadcast operand: summed back down to its own shape. */
export function reduceGrad(g: FloatArray, gShape: Shape, to: Shape): Tensor {
  const out = allocate(g instanceof Float64Array ? 'float64' : 'float32', to.reduce((p, d) => p * d, 1));
  sumToShape(g, gShape, to, out);
  return new Tensor(out, to);
}

function binary(a: Tensor, b: Tensor, kernel: Kernel): { out: Tensor; plan: BroadcastPlan } {
  const plan = planBinary(a.shape, b.shape);
  const data = allocate(promote(a.dtype, b.dtype), plan.n);
  kernel(plan, a.data, b.data, data);
  return { out: new Tensor(data, plan.shape), plan };
}

/** Reads operand `which` (0 = a, 1 = b) at output element i, for gradient loops. */
function gather(plan: BroadcastPlan, x: FloatArray, which: 0 | 1): FloatArray {
  const sourceIsFull =
    plan.kind === 'same' || (which === 0 ? plan.kind === 'scalarB' || plan.kind === 'tileB' : plan.kind === 'scalarA' || plan.kind === 'tileA');
  if (sourceIsFull) return x;
  const out = allocate(x instanceof Float64Array ? 'float64' : 'float32', plan.n);
  if (plan.kind === 'general') {
    const idx = which === 0 ? plan.ai : plan.bi;
    for (let i = 0; i < plan.n; i++) out[i] = x[idx[i]];
  } else if (plan.kind === 'scalarA' || plan.kind === 'scalarB') out.fill(x[0]);
  else if (plan.kind === 'tileA' || plan.kind === 'tileB') {
    const p = plan.period;
    for (let i = 0, j = 0; i < plan.n; i++, j = j + 1 === p ? 0 : j + 1) out[i] = x[j];
  }
  return out;
}

function finish(g: FloatArray, shape: Shape, to: Shape): Tensor {
  return sameShape(shape, to) ? new Tensor(g, to) : reduceGrad(g, shape, to);
}

const addKernel: Kernel = (plan, x, y, out) => {
  const n = plan.n;
  if (plan.kind === 'same') for (let i = 0; i < n; i++) out[i] = x[i] + y[i];
  else if (plan.kind === 'tileB') {
    const p = plan.period;
    for (let r = 0; r < n; r += p) for (let j = 0; j < p; j++) out[r + j] = x[r + j] + y[j];
  } else if (plan.kind === 'scalarB') {
    const c = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] + c;
  } else {
    const xa = gather(plan, x, 0);
    const ya = gather(plan, y, 1);
    for (let i = 0; i < n; i++) out[i] = xa[i] + ya[i];
  }
};

/** `a + alpha * b` with broadcasting (AddBackward0). */
export function add(a: TensorLike, b: TensorLike, alpha = 1): Tensor {
  const [x, y] = operands(a, b);
  const yy = alpha === 1 ? y : scaled(y, alpha);
  const { out, plan } = binary(x, yy, addKernel);
  return record(out, 'AddBackward0', [x, y], (g) => [
    x.requiresGrad ? finish(g.data, plan.shape, x.shape) : null,
    y.requiresGrad ? finish(alpha === 1 ? g.data : scaleArray(g.data, alpha), plan.shape, y.shape) : null,
  ]);
}

/** `a - alpha * b` (SubBackward0). */
export function sub(a: TensorLike, b: TensorLike, alpha = 1): Tensor {
  const [x, y] = operands(a, b);
  const { out, plan } = binary(x, scaled(y, -alpha), addKernel);
  return record(out, typeof a === 'number' ? 'RsubBackward1' : 'SubBackward0', [x, y], (g) => [
    x.requiresGrad ? finish(g.data, plan.shape, x.shape) : null,
    y.requiresGrad ? finish(scaleArray(g.data, -alpha), plan.shape, y.shape) : null,
  ]);
}

const mulKernel: Kernel = (plan, x, y, out) => {
  const n = plan.n;
  if (plan.kind === 'same') for (let i = 0; i < n; i++) out[i] = x[i] * y[i];
  else if (plan.kind === 'scalarB') {
    const c = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] * c;
  } else {
    const xa = gather(plan, x, 0);
    const ya = gather(plan, y, 1);
    for (let i = 0; i < n; i++) out[i] = xa[i] * ya[i];
  }
};

/** Elementwise product (MulBackward0). */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands(a, b);
  const { out, plan } = binary(x, y, mulKernel);
  return record(out, 'MulBackward0', [x, y], (g) => {
    const gd = g.data;
    const n = plan.n;
    let ga: Tensor | null = null;
    let gb: Tensor | null = null;
    if (x.requiresGrad) {
      const yb = gather(plan, y.data, 1);
      const d = allocate(g.dtype, n);
      for (let i = 0; i < n; i++) d[i] = gd[i] * yb[i];
      ga = finish(d, plan.shape, x.shape);
    }
    if (y.requiresGrad) {
      const xb = gather(plan, x.data, 0);
      const d = allocate(g.dtype, n);
      for (let i = 0; i < n; i++) d[i] = gd[i] * xb[i];
      gb = finish(d, plan.shape, y.shape);
    }
    return [ga, gb];
  });
}

const divKernel: Kernel = (plan, x, y, out) => {
  const xa = gather(plan, x, 0);
  const ya = gather(plan, y, 1);
  for (let i = 0; i < plan.n; i++) out[i] = xa[i] / ya[i];
};

/** Elementwise quotient (DivBackward0). */
export function div(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands(a, b);
  const { out, plan } = binary(x, y, divKernel);
  return record(out, 'DivBackward0', [x, y], (g) => {
    const gd = g.data;
    const n = plan.n;
    const yb = gather(plan, y.data, 1);
    let ga: Tensor | null = null;
    let gb: Tensor | null = null;
    if (x.requiresGrad) {
      const d = allocate(g.dtype, n);
      for (let i = 0; i < n; i++) d[i] = gd[i] / yb[i];
      ga = finish(d, plan.shape, x.shape);
    }
    if (y.requiresGrad) {
      const xb = gather(plan, x.data, 0);
      const d = allocate(g.dtype, n);
      for (let i = 0; i < n; i++) d[i] = (-gd[i] * xb[i]) / (yb[i] * yb[i]);
      gb = finish(d, plan.shape, y.shape);
    }
    return [ga, gb];
  });
}

function scaleArray(x: FloatArray, c: number): FloatArray {
  const out = allocate(x instanceof Float64Array ? 'float64' : 'float32', x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * c;
  return out;
}

/** `c * t` as a plain value (no graph), for alpha scaling inside ops. */
function scaled(t: Tensor, c: number): Tensor {
  return c === 1 ? t : new Tensor(scaleArray(t.data, c), t.shape);
}

/** `-a` (NegBackward0). */
export function neg(a: Tensor): Tensor {
  const out = new Tensor(scaleArray(a.data, -1), a.shape);
  return record(out, 'NegBackward0', [a], (g) => [new Tensor(scaleArray(g.data, -1), a.shape)]);
}
