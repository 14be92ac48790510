import { Tensor, allocate, formatSize, type Generator as RandomGenerator } from '../../engine/index.js';
import { AppError } from '../../errors/index.js';
import { join, type Module } from '../module.js';
import type { Parameter } from '../parameter.js';
import { resolveModule } from '../paths.js';
import { applyOrder } from './apply-order.js';
import { checkTarget, fillInitializer } from './catalog.js';
import { InvalidInitializerError } from './errors.js';
import { PARAMETER_ROLES, type InitTarget, type InitializerName, type InitializerSpec, type ParameterRole } from './initializer-spec.js';

export interface InitializeRequest {
  /** The subtree, as a dotted path of child names or positions; missing or empty is the root. */
  module?: string;
  /** Only modules of these type names (`Linear`); missing means every module that has the role. */
  moduleTypes?: readonly string[];
  weight?: InitializerSpec;
  bias?: InitializerSpec;
}

export interface InitializedParameter {
  /** The full dotted name from the root, child names spelled out (`0.block 1.0.weight`). */
  name: string;
  shape: number[];
  initializer: InitializerName;
}

export interface InitializeResult {
  initialized: InitializedParameter[];
}

interface Visit {
  name: string;
  parameter: Parameter;
  spec: InitializerSpec;
  target: InitTarget;
}

/**
 * The service's initialize use case, equal to PyTorch's
 * `torch.manual_seed(seed); subtree.apply(init_fn)` where `init_fn`
 * initialises the weight, then the bias, of each matching module: modules in
 * `apply` order (so a module tied under two parents is initialised twice and
 * draws twice), one generator, each initializer's draws as PyTorch makes them.
 *
 * Atomic: every (parameter, initializer) pair is checked before anything is
 * drawn, the new values are then computed into fresh buffers, and only then
 * written, in visiting order (a parameter visited twice keeps the last).
 * A failure therefore changes neither the model nor the generator.
 */
export function applyInitializers(root: Module, request: InitializeRequest, generator: RandomGenerator): InitializeResult {
  const { module, canonicalPath } = resolveModule(root, request.module ?? '');
  const visits = collectVisits(module, canonicalPath, request);
  for (const visit of visits) {
    try {
      checkTarget(visit.spec, visit.target);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      throw new InvalidInitializerError(`cannot initialize ${visit.name} ${formatSize(visit.target.shape)} with ${visit.spec.name}: ${e.message}`, {
        path: visit.name,
        field: visit.target.role,
      });
    }
  }
  const values = visits.map((visit) => {
    const out = new Tensor(allocate(visit.target.dtype, visit.parameter.numel), visit.target.shape);
    fillInitializer(visit.spec, out, visit.target, generator);
    return out.data;
  });
  visits.forEach((visit, i) => visit.parameter.data.set(values[i]));
  return {
    initialized: visits.map((v) => ({ name: v.name, shape: [...v.target.shape], initializer: v.spec.name })),
  };
}

function collectVisits(subtree: Module, subtreePath: string, request: InitializeRequest): Visit[] {
  const visits: Visit[] = [];
  for (const [path, m] of applyOrder(subtree, subtreePath)) {
    if (request.moduleTypes !== undefined && !request.moduleTypes.includes(m.typeName)) continue;
    for (const role of PARAMETER_ROLES) {
      const spec = request[role];
      const parameter = m.parameters_.get(role);
      if (spec === undefined || parameter === null || parameter === undefined) continue;
      visits.push({ name: join(path, role), parameter, spec, target: targetOf(parameter, m, role) });
    }
  }
  return visits;
}

function targetOf(parameter: Parameter, module: Module, role: ParameterRole): InitTarget {
  return { shape: parameter.shape, dtype: parameter.dtype, module, role };
}
