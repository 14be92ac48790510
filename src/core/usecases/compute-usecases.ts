import { scalar } from '../../engine/index.js';
import { isLossName, LOSS_NAMES, lossNeedsTarget } from '../../nn/index.js';
import type { Caller, CoreContext, WriteOptions } from './context.js';
import { asBody, optionalBoolean, optionalSeed, rejectUnknown, required } from '../validation/fields.js';
import { InvalidArgumentError } from '../errors.js';
import { tensorFromJson, tensorToJson } from '../tensors/tensor-json.js';
import { accumulateGrads, type LossRequest } from '../compute/compute-jobs.js';
import { loadModel, writeModel } from './model-usecases.js';
import { tensorLimits } from './tensor-limits.js';

export interface ForwardView {
  output: unknown;
  shape: number[];
  gradFn: string | null;
  repr: string;
  version: number;
}

/** `POST {m}/forward` `{input, seed?}`: `net(x)`; nothing changes (seed only matters for Dropout in train mode). */
export async function forward(ctx: CoreContext, caller: Caller, name: string, rawBody: unknown): Promise<ForwardView> {
  const body = asBody(rawBody);
  rejectUnknown(body, ['input', 'seed']);
  const input = tensorFromJson(required(body, 'input'), 'input', tensorLimits(ctx));
  const seed = optionalSeed(body);
  const model = await loadModel(ctx, caller, name);
  const r = await ctx.compute.forward(model, input, seed);
  return { output: tensorToJson(r.output), shape: r.output.shape.slice(), gradFn: r.gradFn, repr: r.repr, version: model.version };
}

/**
 * `POST {m}/backward` `{input, loss, target?}` or `{input, gradOutput}`:
 * gradients accumulate into `.grad` as in PyTorch, committed as a new version.
 */
export async function backward(ctx: CoreContext, caller: Caller, name: string, rawBody: unknown, options: WriteOptions): Promise<{ loss: number | string | null; version: number }> {
  const body = asBody(rawBody);
  rejectUnknown(body, ['input', 'loss', 'target', 'gradOutput', 'seed']);
  const limits = tensorLimits(ctx);
  const input = tensorFromJson(required(body, 'input'), 'input', limits);
  const seed = optionalSeed(body);
  const hasLoss = body.loss !== undefined && body.loss !== null;
  const hasGrad = body.gradOutput !== undefined && body.gradOutput !== null;
  if (hasLoss === hasGrad)
    throw new InvalidArgumentError('loss', hasLoss ? 'give loss or gradOutput, not both' : 'give a loss (one of ' + LOSS_NAMES.join(', ') + ') or a gradOutput');
  let request: LossRequest;
  if (hasLoss) {
    if (!isLossName(body.loss)) throw new InvalidArgumentError('loss', `loss must be one of ${LOSS_NAMES.join(', ')}`, 'UNKNOWN_LOSS');
    const needs = lossNeedsTarget(body.loss);
    const target = body.target === undefined || body.target === null ? null : tensorFromJson(body.target, 'target', limits);
    if (needs && target === null) throw new InvalidArgumentError('target', `the ${body.loss} loss needs a target`);
    request = { kind: 'loss', name: body.loss, target };
  } else {
    request = { kind: 'gradOutput', gradOutput: tensorFromJson(body.gradOutput, 'gradOutput', limits) };
  }
  const { model, result } = await writeModel(ctx, caller, name, options, async (m) => {
    const r = await ctx.compute.backward(m, input, request, seed);
    accumulateGrads(m.root, r.grads);
    return r.loss;
  });
  return { loss: result === null ? null : (tensorToJson(scalar(result)) as number | string), version: model.version };
}

/** `POST {m}/zero_grad` `{setToNone?}` (default true, as PyTorch 2.x). */
export async function zeroGrad(ctx: CoreContext, caller: Caller, name: string, rawBody: unknown, options: WriteOptions): Promise<{ version: number }> {
  const body = asBody(rawBody);
  rejectUnknown(body, ['setToNone']);
  const setToNone = optionalBoolean(body, 'setToNone') ?? true;
  const { model } = await writeModel(ctx, caller, name, options, (m) => m.root.zeroGrad(setToNone));
  return { version: model.version };
}
