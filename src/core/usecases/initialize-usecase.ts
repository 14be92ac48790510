import { applyInitializers, LAYER_TYPES, parseInitializer } from '../../nn/index.js';
import type { Caller, CoreContext, WriteOptions } from './context.js';
import { asBody, optionalSeed, optionalString, optionalStringArray, rejectUnknown } from '../validation/fields.js';
import { InvalidArgumentError, InvalidRequestError } from '../errors.js';
import { writeModel } from './model-usecases.js';
import { generatorFor } from '../compute/compute-jobs.js';

export interface InitializeView {
  version: number;
  initialized: { name: string; shape: number[]; initializer: string }[];
}

/**
 * `POST {m}/initialize`: named initializers on every module of the given types
 * in a subtree, per role, in PyTorch's `apply` order; all or nothing. With a
 * seed it is `torch.manual_seed(seed)` then `apply`.
 */
export async function initialize(ctx: CoreContext, caller: Caller, name: string, rawBody: unknown, options: WriteOptions): Promise<InitializeView> {
  const body = asBody(rawBody);
  rejectUnknown(body, ['module', 'moduleTypes', 'weight', 'bias', 'seed']);
  const module = optionalString(body, 'module') ?? '';
  const moduleTypes = optionalStringArray(body, 'moduleTypes');
  moduleTypes?.forEach((t, i) => {
    if (!(LAYER_TYPES as readonly string[]).includes(t))
      throw new InvalidRequestError(`moduleTypes[${i}]`, `moduleTypes[${i}]: unknown module type '${t}'; known: ${LAYER_TYPES.join(', ')}`, 'UNKNOWN_MODULE_TYPE');
  });
  const weight = body.weight === undefined || body.weight === null ? undefined : parseInitializer(body.weight, 'weight');
  const bias = body.bias === undefined || body.bias === null ? undefined : parseInitializer(body.bias, 'bias');
  if (weight === undefined && bias === undefined) throw new InvalidArgumentError('weight', 'give an initializer for weight, bias or both');
  const seed = optionalSeed(body);
  const { model, result } = await writeModel(ctx, caller, name, options, (m) =>
    applyInitializers(m.root, { module, moduleTypes, weight, bias }, generatorFor(seed)),
  );
  return { version: model.version, initialized: result.initialized };
}
