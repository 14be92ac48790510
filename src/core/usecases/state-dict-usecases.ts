import { decodeSafetensors, encodeSafetensors, toFloat32, Tensor } from '../../engine/index.js';
import { resolveModule, type IncompatibleKeys } from '../../nn/index.js';
import type { Caller, CoreContext, WriteOptions } from './context.js';
import { asBody, optionalBoolean, rejectUnknown, required } from '../validation/fields.js';
import { InvalidArgumentError, LimitExceededError } from '../errors.js';
import { AppError } from '../../errors/index.js';
import { tensorFromJson } from '../tensors/tensor-json.js';
import { loadModel, writeModel } from './model-usecases.js';
import { tensorView, type TensorView } from './views.js';
import { tensorLimits } from './tensor-limits.js';

/** `GET {m}/state_dict?module=PATH`: every key in PyTorch's order, tied parameters under each name. */
export async function getStateDict(ctx: CoreContext, caller: Caller, name: string, modulePath = ''): Promise<{ stateDict: Record<string, TensorView>; version: number }> {
  const model = await loadModel(ctx, caller, name);
  const { module } = resolveModule(model.root, modulePath);
  const out: Record<string, TensorView> = {};
  for (const [key, t] of module.stateDict()) out[key] = tensorView(t);
  return { stateDict: out, version: model.version };
}

/**
 * The same as a safetensors file PyTorch loads (`safetensors.torch.load_file`
 * then `load_state_dict`): tied parameters are written under each key as
 * copies, as a plain writer would, so a strict load into a tied model works.
 */
export async function getStateDictSafetensors(ctx: CoreContext, caller: Caller, name: string, modulePath = ''): Promise<{ bytes: Uint8Array; version: number }> {
  const model = await loadModel(ctx, caller, name);
  const { module } = resolveModule(model.root, modulePath);
  const entries = new Map<string, { shape: readonly number[]; data: Float32Array }>();
  for (const [key, t] of module.stateDict()) entries.set(key, { shape: t.shape, data: t.data as Float32Array });
  return { bytes: encodeSafetensors(entries, { format: 'pt' }), version: model.version };
}

export interface LoadResult extends IncompatibleKeys {
  version: number;
}

/** `PUT {m}/state_dict` with JSON `{stateDict, strict}`: PyTorch's load_state_dict, all or nothing. */
export async function putStateDict(ctx: CoreContext, caller: Caller, name: string, rawBody: unknown, modulePath: string, options: WriteOptions): Promise<LoadResult> {
  const body = asBody(rawBody);
  rejectUnknown(body, ['stateDict', 'strict']);
  const strict = optionalBoolean(body, 'strict') ?? true;
  const given = required(body, 'stateDict');
  if (given === null || typeof given !== 'object' || Array.isArray(given))
    throw new InvalidArgumentError('stateDict', 'stateDict must be an object of key -> tensor');
  const tensors = new Map<string, Tensor>();
  let total = 0;
  for (const [key, value] of Object.entries(given as Record<string, unknown>)) {
    const t = tensorFromJson(value, `stateDict.${key}`, tensorLimits(ctx));
    total += t.numel;
    if (total > ctx.limits.maxModelParameters)
      throw new LimitExceededError('maxModelParameters', ctx.limits.maxModelParameters, `stateDict holds more than ${ctx.limits.maxModelParameters} elements`, { field: 'stateDict' });
    tensors.set(key, t);
  }
  return load(ctx, caller, name, tensors, strict, modulePath, options);
}

/** `PUT {m}/state_dict` with a safetensors body. */
export async function putStateDictSafetensors(ctx: CoreContext, caller: Caller, name: string, bytes: Uint8Array, strict: boolean, modulePath: string, options: WriteOptions): Promise<LoadResult> {
  const { tensors: entries } = decodeSafetensors(bytes);
  const tensors = new Map<string, Tensor>();
  for (const [key, e] of entries) tensors.set(key, new Tensor(toFloat32(e), e.shape));
  return load(ctx, caller, name, tensors, strict, modulePath, options);
}

async function load(ctx: CoreContext, caller: Caller, name: string, tensors: Map<string, Tensor>, strict: boolean, modulePath: string, options: WriteOptions): Promise<LoadResult> {
  const { model, result } = await writeModel(ctx, caller, name, options, (m) => {
    const { module } = resolveModule(m.root, modulePath);
    try {
      return module.loadStateDict(tensors, strict);
    } catch (e) {
      // load_state_dict's mismatches (missing / unexpected keys, shapes) are about the stateDict the client sent.
      if (e instanceof AppError && e.details.field === undefined) e.details.field = 'stateDict';
      throw e;
    }
  });
  return { version: model.version, ...result };
}
