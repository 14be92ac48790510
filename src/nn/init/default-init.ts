import type { Generator as RandomGenerator, Tensor } from '../../engine/index.js';
import type { Module } from '../module.js';
import { InvalidInitializerError } from './errors.js';
import type { InitTarget, ParameterRole } from './initializer-spec.js';

/** A layer that can redo its own initialisation of one parameter (Linear's `reset_parameters`, per role). */
interface ResettableModule extends Module {
  resetParameter(role: ParameterRole, generator: RandomGenerator): void;
}

function isResettable(module: Module): module is ResettableModule {
  return typeof (module as { resetParameter?: unknown }).resetParameter === 'function';
}

/** `default` needs the owning layer, and a layer that knows its own reset. */
export function checkDefault(target: InitTarget): void {
  if (target.module === undefined || target.role === undefined)
    throw new InvalidInitializerError('default initializes a parameter of a layer, not a bare tensor');
  if (!isResettable(target.module))
    throw new InvalidInitializerError(`${target.module.typeName} has no default initialization of its ${target.role}`);
}

/**
 * The layer's own reset of one role, written into `out` instead of the
 * parameter: the parameter's storage is swapped for `out`'s for the duration
 * of the (synchronous) call, so the layer's code runs unchanged and the
 * parameter itself is untouched until the caller commits.
 */
export function fillDefault(out: Tensor, target: InitTarget, generator: RandomGenerator): void {
  checkDefault(target);
  const module = target.module as ResettableModule;
  const role = target.role!;
  const parameter = module.parameters_.get(role);
  if (parameter === null || parameter === undefined)
    throw new InvalidInitializerError(`${module.typeName} has no ${role} to initialize`);
  const own = parameter.data;
  parameter.data = out.data;
  try {
    module.resetParameter(role, generator);
  } finally {
    parameter.data = own;
  }
}
