import { formatSize, noGrad, sameShape } from '../../engine/index.js';
import { editParameter, resolveModule, resolveParameter, EDIT_OPS, type EditOp } from '../../nn/index.js';
import type { Caller, CoreContext, WriteOptions } from './context.js';
import { asBody, optionalBoolean, optionalString, rejectUnknown, required } from '../validation/fields.js';
import { InvalidArgumentError, InvalidRequestError } from '../errors.js';
import { tensorFromJson } from '../tensors/tensor-json.js';
import { loadModel, writeModel } from './model-usecases.js';
import { parameterInfos, parameterView, type ParameterInfo, type ParameterView } from './views.js';
import { tensorLimits } from './tensor-limits.js';

/** `GET {m}/parameters?module=PATH`: named_parameters of that module, names relative to it, tied ones once. */
export async function listParameters(ctx: CoreContext, caller: Caller, name: string, modulePath = ''): Promise<{ parameters: ParameterInfo[]; version: number }> {
  const model = await loadModel(ctx, caller, name);
  const { module } = resolveModule(model.root, modulePath);
  return { parameters: parameterInfos(module), version: model.version };
}

export async function getParameter(ctx: CoreContext, caller: Caller, name: string, path: string): Promise<ParameterView> {
  const model = await loadModel(ctx, caller, name);
  return parameterView(model, path);
}

/** `PUT {m}/parameters/{p}` `{data}`: replaces the whole value (same shape), in place, so ties see it. */
export async function putParameter(ctx: CoreContext, caller: Caller, name: string, path: string, rawBody: unknown, options: WriteOptions): Promise<ParameterView> {
  const body = asBody(rawBody);
  rejectUnknown(body, ['data']);
  const value = tensorFromJson(required(body, 'data'), 'data', tensorLimits(ctx));
  const { model } = await writeModel(ctx, caller, name, options, (m) => {
    const { parameter, canonicalName } = resolveParameter(m.root, path);
    if (!sameShape(value.shape, parameter.shape))
      throw new InvalidRequestError('data', `data has shape ${formatSize(value.shape)}, ${canonicalName} has ${formatSize(parameter.shape)}`, 'SHAPE_MISMATCH');
    noGrad(() => parameter.data.set(value.data));
  });
  return parameterView(model, path);
}

/**
 * `PATCH {m}/parameters/{p}`: an in-place edit `{index?, op, value}` on a
 * region (PyTorch index strings), and/or `{requiresGrad}` to freeze or unfreeze.
 */
export async function patchParameter(ctx: CoreContext, caller: Caller, name: string, path: string, rawBody: unknown, options: WriteOptions): Promise<ParameterView> {
  const body = asBody(rawBody);
  rejectUnknown(body, ['index', 'op', 'value', 'requiresGrad']);
  const requiresGrad = optionalBoolean(body, 'requiresGrad');
  const index = optionalString(body, 'index');
  const op = body.op;
  const hasEdit = op !== undefined || body.value !== undefined || index !== undefined;
  if (!hasEdit && requiresGrad === undefined) throw new InvalidArgumentError('op', 'give an edit {index?, op, value}, or requiresGrad, or both');
  let edit: { op: EditOp; value: ReturnType<typeof tensorFromJson> | number; index?: string } | null = null;
  if (hasEdit) {
    if (typeof op !== 'string' || !(EDIT_OPS as readonly string[]).includes(op))
      throw new InvalidArgumentError('op', `op must be one of ${EDIT_OPS.join(', ')}`);
    const raw = required(body, 'value');
    const value = typeof raw === 'number' ? raw : tensorFromJson(raw, 'value', tensorLimits(ctx));
    edit = { op: op as EditOp, value, index };
  }
  const { model } = await writeModel(ctx, caller, name, options, (m) => {
    const { parameter } = resolveParameter(m.root, path);
    if (edit !== null) editParameter(parameter, edit, { index: 'index', op: 'op', value: 'value' });
    if (requiresGrad !== undefined) parameter.requiresGrad = requiresGrad;
  });
  return parameterView(model, path);
}
