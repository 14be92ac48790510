import { tieModule, tieParameter } from '../../nn/index.js';
import type { Caller, CoreContext, WriteOptions } from './context.js';
import { asBody, rejectUnknown, requiredString } from '../validation/fields.js';
import { InvalidArgumentError } from '../errors.js';
import { writeModel } from './model-usecases.js';
import { architectureOf } from '../models/model-codec.js';
import { modelView, type ModelView } from './views.js';

/** `POST {m}/ties`: `{module, to}` makes a path the same module object; `{parameter, to}` ties one parameter. */
export async function tie(ctx: CoreContext, caller: Caller, name: string, rawBody: unknown, options: WriteOptions): Promise<ModelView> {
  const body = asBody(rawBody);
  rejectUnknown(body, ['module', 'parameter', 'to']);
  const to = requiredString(body, 'to');
  const hasModule = body.module !== undefined;
  const hasParameter = body.parameter !== undefined;
  if (hasModule === hasParameter) throw new InvalidArgumentError('module', 'give exactly one of module or parameter');
  const path = requiredString(body, hasModule ? 'module' : 'parameter');
  const { model } = await writeModel(ctx, caller, name, options, (m) => {
    if (hasModule) tieModule(m.root, path, to, { maxModules: ctx.limits.maxModelModules });
    else tieParameter(m.root, path, to);
    m.structureChanged(architectureOf(m.root));
  });
  return modelView(model);
}
