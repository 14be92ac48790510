import { Tensor } from '../tensor.js';
import { allocate, type FloatArray, allocateLike } from '../dtype.js';
import { formatSize, sameShape, type Shape } from '../shape.js';
import { expandOperand, planBinary } from '../kernels/broadcast.js';
import { record } from '../autograd/record.js';
import { EngineArgumentError, ShapeError, TensorIndexError } from '../errors.js';
import { reduceGrad, resultType, sub, valuesAs } from './arithmetic.js';
import { abs } from './unary.js';
import { mean, sum } from './reduce.js';
import { logSoftmax } from './softmax.js';
import { tensorOf } from './tensor-of.js';

/**
 * The loss functions that are single ATen ops in PyTorch, fused here too so
 * they carry PyTorch's grad_fn (MseLossBackward0, NllLossBackward0, ...) and
 * cost one graph node; l1 is composite in PyTorch 1.13 and is composed here.
 */
export type Reduction = 'none' | 'mean' | 'sum';

function checkReduction(reduction: string): asserts reduction is Reduction {
  if (reduction !== 'none' && reduction !== 'mean' && reduction !== 'sum')
    throw new EngineArgumentError(`${reduction} is not a valid value for reduction`);
}

function gradFor(d: FloatArray, shape: Shape, to: Shape): Tensor {
  return sameShape(shape, to) ? tensorOf(d, to) : reduceGrad(d, shape, to);
}

function negated(d: FloatArray): FloatArray {
  const out = allocate(d instanceof Float64Array ? 'float64' : 'float32', d.length);
  for (let i = 0; i < d.length; i++) out[i] = -d[i];
  return out;
}

/** `F.mse_loss(input, target, reduction)`: mean of (input - target)²; shapes broadcast, as PyTorch allows with a warning. */
export function mseLoss(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  checkReduction(reduction);
  const dtype = resultType(input, target);
  const plan = planBinary(input.shape, target.shape);
  const n = plan.n;
  const x = expandOperand(plan, valuesAs(input, dtype), 0);
  const t = expandOperand(plan, valuesAs(target, dtype), 1);
  let out: Tensor;
  if (reduction === 'none') {
    const d = allocate(dtype, n);
    for (let i = 0; i < n; i++) {
      const e = x[i] - t[i];
      d[i] = e * e;
    }
    out = tensorOf(d, plan.shape);
  } else {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const e = x[i] - t[i];
      s += e * e;
    }
    const v = allocate(dtype, 1);
    v[0] = reduction === 'mean' ? s / n : s;
    out = tensorOf(v, []);
  }
  return record(out, 'MseLossBackward0', [input, target], (g) => {
    const gd = g.data;
    const norm = reduction === 'mean' ? 2 / n : 2;
    const d = allocateLike(g.data, n);
    if (reduction === 'none') for (let i = 0; i < n; i++) d[i] = norm * (x[i] - t[i]) * gd[i];
    else {
      const c = norm * gd[0];
      for (let i = 0; i < n; i++) d[i] = c * (x[i] - t[i]);
    }
    return [
      input.requiresGrad ? gradFor(d, plan.shape, input.shape) : null,
      target.requiresGrad ? gradFor(negated(d), plan.shape, target.shape) : null,
    ];
  });
}

/** `F.l1_loss`: PyTorch 1.13 builds it from ops, so its grad_fn is MeanBackward0, SumBackward0 or AbsBackward0. */
export function l1Loss(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  checkReduction(reduction);
  const d = abs(sub(input, target));
  return reduction === 'mean' ? mean(d) : reduction === 'sum' ? sum(d) : d;
}

/**
 * `F.nll_loss(input, target)` for class indices: input [N, C] with N targets,
 * or [C] with one. Targets equal to `ignoreIndex` add nothing and do not count
 * towards the mean (NllLossBackward0).
 */
export function nllLoss(
  input: Tensor,
  target: Int32Array | readonly number[],
  reduction: Reduction = 'mean',
  ignoreIndex = -100,
): Tensor {
  checkReduction(reduction);
  if (input.ndim < 1 || input.ndim > 2) throw new ShapeError(`nll_loss takes a 1-D or 2-D input here, got ${input.ndim}-D`);
  const rows = input.ndim === 1 ? 1 : input.shape[0];
  const cols = input.shape[input.ndim - 1];
  if (target.length !== rows)
    throw new ShapeError(`Expected input batch_size (${rows}) to match target batch_size (${target.length}).`);
  const idx = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const c = target[r];
    if (c !== ignoreIndex && (!Number.isInteger(c) || c < 0 || c >= cols))
      throw new TensorIndexError(`Target ${c} is out of bounds.`, 'INDEX_OUT_OF_RANGE');
    idx[r] = c === ignoreIndex ? -1 : c;
  }
  const x = input.data;
  let counted = 0;
  let total = 0;
  const perRow = allocateLike(input.data, rows);
  for (let r = 0; r < rows; r++) {
    if (idx[r] < 0) continue;
    const v = -x[r * cols + idx[r]];
    perRow[r] = v;
    total += v;
    counted++;
  }
  let out: Tensor;
  if (reduction === 'none') out = tensorOf(perRow, input.ndim === 1 ? [] : [rows]);
  else {
    const v = allocateLike(input.data, 1);
    v[0] = reduction === 'mean' ? total / counted : total;
    out = tensorOf(v, []);
  }
  return record(out, 'NllLossBackward0', [input], (g) => {
    const gd = g.data;
    const gi = allocateLike(g.data, input.numel);
    for (let r = 0; r < rows; r++) {
      if (idx[r] < 0) continue;
      gi[r * cols + idx[r]] = reduction === 'none' ? -gd[r] : reduction === 'mean' ? -gd[0] / counted : -gd[0];
    }
    return [tensorOf(gi, input.shape)];
  });
}

/**
 * `F.cross_entropy(input, target)` for class indices: nll_loss of
 * log_softmax over the class dim (1, or 0 for a 1-D input), as PyTorch
 * composes it, so the graph is NllLossBackward0 over LogSoftmaxBackward0.
 */
export function crossEntropy(
  input: Tensor,
  target: Int32Array | readonly number[],
  reduction: Reduction = 'mean',
  ignoreIndex = -100,
): Tensor {
  checkReduction(reduction);
  if (input.ndim < 1 || input.ndim > 2) throw new ShapeError(`cross_entropy takes a 1-D or 2-D input here, got ${input.ndim}-D`);
  return nllLoss(logSoftmax(input, input.ndim === 1 ? 0 : 1), target, reduction, ignoreIndex);
}

/**
 * `F.binary_cross_entropy_with_logits(input, target)`: PyTorch's stable form
 * (1 - t)·x + m + log(e^{-m} + e^{-x-m}), m = max(-x, 0). Gradients:
 * σ(x) - t for the input, -x for the target (BinaryCrossEntropyWithLogitsBackward0).
 */
export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  checkReduction(reduction);
  if (!sameShape(input.shape, target.shape))
    throw new ShapeError(`Target size (${formatSize(target.shape)}) must be the same as input size (${formatSize(input.shape)})`);
  const dtype = resultType(input, target);
  const x = valuesAs(input, dtype);
  const t = valuesAs(target, dtype);
  const n = x.length;
  const losses = reduction === 'none' ? allocate(dtype, n) : null;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const m = Math.max(-x[i], 0);
    const l = (1 - t[i]) * x[i] + m + Math.log(Math.exp(-m) + Math.exp(-x[i] - m));
    if (losses !== null) losses[i] = l;
    else s += l;
  }
  let out: Tensor;
  if (losses !== null) out = tensorOf(losses, input.shape);
  else {
    const v = allocate(dtype, 1);
    v[0] = reduction === 'mean' ? s / n : s;
    out = tensorOf(v, []);
  }
  return record(out, 'BinaryCrossEntropyWithLogitsBackward0', [input, target], (g) => {
    const gd = g.data;
    const scale = reduction === 'mean' ? 1 / n : 1;
    const gAt = (i: number): number => (reduction === 'none' ? gd[i] : gd[0] * scale);
    let gi: Tensor | null = null;
    let gt: Tensor | null = null;
    if (input.requiresGrad) {
      const d = allocateLike(g.data, n);
      for (let i = 0; i < n; i++) d[i] = (1 / (1 + Math.exp(-x[i])) - t[i]) * gAt(i);
      gi = tensorOf(d, input.shape);
    }
    if (target.requiresGrad) {
      const d = allocateLike(g.data, n);
      for (let i = 0; i < n; i++) d[i] = -x[i] * gAt(i);
      gt = tensorOf(d, target.shape);
    }
    return [gi, gt];
  });
}
