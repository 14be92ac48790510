import type { ModelView, ParameterView } from '../../../core/index.js';
import type { Model } from '../generated/paramserve/v1/Model.js';
import type { Parameter } from '../generated/paramserve/v1/Parameter.js';
import { architectureOut } from './architecture.js';
import { tensorOut, type Encoding } from './tensors.js';

/** The core's views (REST's JSON shapes) as proto messages: the same fields, snake_case. */

export function modelOut(m: ModelView): Model {
  return {
    name: m.name,
    version: m.version,
    architecture: architectureOut(m.architecture),
    summary: m.summary,
    parameters: m.parameters.map((p) => ({ name: p.name, shape: p.shape, requires_grad: p.requiresGrad })),
    parameter_count: m.parameterCount,
    training: m.training,
  };
}

export function parameterOut(p: ParameterView, encoding: Encoding): Parameter {
  return {
    name: p.name,
    shape: p.shape,
    dtype: p.dtype,
    requires_grad: p.requiresGrad,
    data: tensorOut(p.data, p.shape, encoding),
    grad: p.grad === null ? null : tensorOut(p.grad, p.shape, encoding),
    repr: p.repr,
    tied_to: p.tiedTo,
    version: p.version,
  };
}

/** An enum value `PREFIX_NAME` as the core's lower-case name; unspecified is absent; an unknown number goes through for the core to refuse by name. */
export function enumIn(value: string | number, prefix: string): string | number | undefined {
  if (typeof value === 'number') return value === 0 ? undefined : value;
  if (value === `${prefix}UNSPECIFIED`) return undefined;
  return value.slice(prefix.length).toLowerCase();
}
