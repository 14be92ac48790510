import {
  binaryCrossEntropyWithLogits,
  crossEntropy,
  formatList,
  formatSize,
  l1Loss,
  mean,
  mseLoss,
  sum,
  type Tensor,
} from '../engine/index.js';
import { NnArgumentError } from './errors.js';

/**
 * The losses a client names (api.md "Losses"), each PyTorch 1.13's functional
 * form with reduction='mean': `sum` and `mean` are `out.sum()` / `out.mean()`.
 * The arithmetic is the engine's; this file is the service's policy on top:
 * a target must have the output's shape (PyTorch only warns and broadcasts for
 * mse/l1), and cross_entropy targets must be integer class indices in range.
 */
export const LOSS_NAMES = ['sum', 'mean', 'mse', 'l1', 'cross_entropy', 'bce_with_logits'] as const;
export type LossName = (typeof LOSS_NAMES)[number];

/** PyTorch's default `ignore_index`: such targets add nothing and do not count towards the mean. */
export const IGNORE_INDEX = -100;

export function isLossName(name: unknown): name is LossName {
  return typeof name === 'string' && (LOSS_NAMES as readonly string[]).includes(name);
}

export function lossNeedsTarget(name: LossName): boolean {
  return name !== 'sum' && name !== 'mean';
}

/** Request field names for error details. */
export interface LossFields {
  loss?: string;
  target?: string;
}

function targetError(field: string, message: string, code = 'INVALID_TARGET'): NnArgumentError {
  return new NnArgumentError(message, code, { field });
}

/** Refuses what PyTorch would broadcast with a warning: the service wants equal shapes. */
function checkSameShape(output: Tensor, target: Tensor, field: string): void {
  const a = output.shape;
  const b = target.shape;
  if (a.length !== b.length || a.some((d, i) => d !== b[i]))
    throw targetError(field, `Target size (${formatSize(b)}) must be the same as input size (${formatSize(a)})`, 'SHAPE_MISMATCH');
}

/**
 * Class indices from a float target, with PyTorch's shape rules for input
 * [N, C] (target [N]) or [C] (a 0-d target) and its range message. Values
 * must be integers: JSON has no int64 tensors, so 1.0 is class 1 but 1.5 is
 * refused. `IGNORE_INDEX` passes through, as PyTorch's nll_loss skips it.
 */
export function classIndices(output: Tensor, target: Tensor, field = 'target'): Int32Array {
  if (output.ndim !== 1 && output.ndim !== 2)
    throw targetError(field, `cross_entropy expects logits of shape [N, C] or [C], got ${formatList(output.shape)}`, 'SHAPE_MISMATCH');
  if (target.ndim > 1) throw targetError(field, '0D or 1D target tensor expected, multi-target not supported', 'SHAPE_MISMATCH');
  if (output.ndim === 1 && target.ndim !== 0)
    throw targetError(field, `size mismatch (got input: ${formatList(output.shape)}, target: ${formatList(target.shape)})`, 'SHAPE_MISMATCH');
  const rows = output.ndim === 1 ? 1 : output.shape[0];
  const given = target.ndim === 0 ? 0 : target.shape[0];
  if (output.ndim === 2 && given !== rows)
    throw targetError(field, `Expected input batch_size (${rows}) to match target batch_size (${given}).`, 'SHAPE_MISMATCH');
  const classes = output.shape[output.ndim - 1];
  const t = target.data;
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = t[i];
    if (!Number.isInteger(c)) throw targetError(field, `Target ${c} is not an integer class index.`);
    if (c !== IGNORE_INDEX && (c < 0 || c >= classes)) throw targetError(field, `Target ${c} is out of bounds.`);
    out[i] = c;
  }
  return out;
}

/**
 * The named loss of `output` against `target` as a 0-d tensor with PyTorch's
 * grad_fn (MseLossBackward0, MeanBackward0 for l1, NllLossBackward0,
 * BinaryCrossEntropyWithLogitsBackward0, SumBackward0, MeanBackward0).
 * `sum` and `mean` ignore a target.
 */
export function computeLoss(name: string, output: Tensor, target?: Tensor | null, fields: LossFields = {}): Tensor {
  const lossField = fields.loss ?? 'loss';
  const targetField = fields.target ?? 'target';
  if (!isLossName(name))
    throw new NnArgumentError(`${lossField}: expected one of ${LOSS_NAMES.join(', ')}, got ${JSON.stringify(name)}`, 'UNKNOWN_LOSS', { field: lossField });
  if (name === 'sum') return sum(output);
  if (name === 'mean') return mean(output);
  if (target === undefined || target === null) throw targetError(targetField, `${targetField}: the ${name} loss needs a target`);
  switch (name) {
    case 'mse':
      checkSameShape(output, target, targetField);
      return mseLoss(output, target);
    case 'l1':
      checkSameShape(output, target, targetField);
      return l1Loss(output, target);
    case 'bce_with_logits':
      checkSameShape(output, target, targetField);
      return binaryCrossEntropyWithLogits(output, target);
    case 'cross_entropy':
      return crossEntropy(output, classIndices(output, target, targetField));
  }
}
