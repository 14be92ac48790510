import { Tensor } from '../../engine/index.js';
import { createOptimizer, LOSS_NAMES, lossNeedsTarget, isLossName, NnArgumentError, Parameter, type LossName } from '../../nn/index.js';
import type { Limits } from '../config.js';
import { InvalidArgumentError, InvalidRequestError, LimitExceededError } from '../errors.js';
import { tensorFromJson } from '../tensors/tensor-json.js';
import { asBody, optionalBoolean, optionalSeed, rejectUnknown, required, type Body } from '../validation/fields.js';

/**
 * `POST {m}/train` as a plan the training loop runs: every field checked here,
 * before anything is claimed or started, naming the field that is wrong.
 * What only the model can tell (input width, output shape against the
 * targets, class indices in range) is checked by the run's first step, before
 * the run is reported started.
 */

/** Losses a run can train on: each compares the output with a target. */
export const TRAIN_LOSSES = LOSS_NAMES.filter(lossNeedsTarget);

export interface PlanTensor {
  shape: number[];
  data: Float32Array;
}

export interface TrainPlan {
  /** `sgd`, `adam`, `adamw` (any case) and torch.optim's keyword arguments. */
  optimizer: { name: string; kwargs: Record<string, unknown> };
  loss: LossName;
  /** [N, ...]: one sample per row. */
  inputs: PlanTensor;
  /** [N, ...] (class indices [N] for cross_entropy). */
  targets: PlanTensor;
  epochs: number;
  batchSize: number;
  shuffle: boolean;
  /** `torch.manual_seed(seed)` before the first epoch: shuffling and Dropout draw from it. Null: fresh entropy. */
  seed: number | null;
  /** A step event every this many steps. */
  observeEvery: number;
  /** Step events carry per-parameter statistics (when the client asked with `observe`). */
  observeStats: boolean;
  /** Steps the run takes: epochs x batches per epoch, or fewer with maxSteps. */
  totalSteps: number;
}

const FIELDS = ['optimizer', 'loss', 'inputs', 'targets', 'epochs', 'batchSize', 'shuffle', 'seed', 'observe', 'maxSteps'];

function positiveInteger(body: Body, field: string, prefix = ''): number | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw new InvalidArgumentError(prefix + field, `${prefix}${field} must be an integer >= 1`);
  return v;
}

function requiredPositiveInteger(body: Body, field: string): number {
  required(body, field);
  return positiveInteger(body, field)!;
}

/** The optimizer's name and keyword arguments, checked by building it once over a stand-in parameter (PyTorch's messages). */
function parseOptimizer(raw: unknown): TrainPlan['optimizer'] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new InvalidArgumentError('optimizer', "optimizer must be an object such as {\"name\": \"sgd\", \"lr\": 0.1, \"momentum\": 0.9}");
  const { name, ...kwargs } = raw as Record<string, unknown>;
  if (typeof name !== 'string') throw new InvalidArgumentError('optimizer.name', 'optimizer.name is required: sgd, adam or adamw');
  createOptimizer(name, [new Parameter(new Float32Array(1), [1])], kwargs, 'optimizer');
  return { name, kwargs };
}

function parseLoss(raw: unknown): LossName {
  if (!isLossName(raw) || !lossNeedsTarget(raw)) throw new InvalidArgumentError('loss', `loss must be one of ${TRAIN_LOSSES.join(', ')}`, 'UNKNOWN_LOSS');
  return raw;
}

function parseObserve(raw: unknown): { every: number; stats: boolean } {
  if (raw === undefined || raw === null) return { every: 1, stats: false };
  const body = asBody(raw, 'observe');
  rejectUnknown(body, ['every'], 'observe.');
  return { every: positiveInteger(body, 'every', 'observe.') ?? 1, stats: true };
}

function plain(t: Tensor): PlanTensor {
  return { shape: t.shape.slice(), data: t.data as Float32Array };
}

export function parseTrainRequest(rawBody: unknown, limits: Limits): TrainPlan {
  const body = asBody(rawBody);
  rejectUnknown(body, FIELDS);
  const optimizer = parseOptimizer(required(body, 'optimizer'));
  const loss = parseLoss(required(body, 'loss'));
  const epochs = requiredPositiveInteger(body, 'epochs');
  const batchSize = requiredPositiveInteger(body, 'batchSize');
  const shuffle = optionalBoolean(body, 'shuffle') ?? false;
  const seed = optionalSeed(body) ?? null;
  const observe = parseObserve(body.observe);
  const maxSteps = positiveInteger(body, 'maxSteps');

  const tensorLimits = { maxElements: limits.maxTensorElements, maxDims: limits.maxTensorDims };
  const inputs = tensorFromJson(required(body, 'inputs'), 'inputs', tensorLimits);
  const targets = tensorFromJson(required(body, 'targets'), 'targets', tensorLimits);
  if (inputs.ndim === 0 || inputs.shape[0] === 0)
    throw new InvalidRequestError('inputs', `inputs must hold one sample per row ([N, ...] with N >= 1), got shape [${inputs.shape.join(', ')}]`, 'SHAPE_MISMATCH');
  const rows = inputs.shape[0];
  if (targets.ndim === 0 || targets.shape[0] !== rows)
    throw new InvalidRequestError('targets', `targets must have one row per input row (${rows}), got shape [${targets.shape.join(', ')}]`, 'SHAPE_MISMATCH');

  const perEpoch = Math.ceil(rows / batchSize);
  const planned = epochs * perEpoch;
  const totalSteps = Math.min(planned, maxSteps ?? planned);
  if (totalSteps > limits.maxTrainSteps)
    throw new LimitExceededError('maxTrainSteps', limits.maxTrainSteps, `the run would take ${totalSteps} steps (${epochs} epochs x ${perEpoch} batches), more than the limit of ${limits.maxTrainSteps}; lower epochs or set maxSteps`, { field: maxSteps === undefined ? 'epochs' : 'maxSteps' });

  return { optimizer, loss, inputs: plain(inputs), targets: plain(targets), epochs, batchSize, shuffle, seed, observeEvery: observe.every, observeStats: observe.stats, totalSteps };
}

/** An nn error about the optimizer's parameter list, as the request field it comes from. */
export function onOptimizer(e: unknown): unknown {
  if (e instanceof NnArgumentError && e.details.field === 'params') e.details.field = 'optimizer';
  return e;
}
