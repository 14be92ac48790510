// The architecture spec <-> modules: validation (before any allocation), seeded construction, and the inverse.
export { validateSpec } from './validate.js';
export { buildModel } from './build.js';
export { modelToSpec } from './to-spec.js';
export { InvalidArchitectureError, UnknownModuleTypeError, ArchitectureLimitError } from './errors.js';
export {
  LAYER_TYPES,
  isRef,
  type LayerType,
  type SpecLimits,
  type ArchitectureSpec,
  type LayerJson,
  type RefJson,
  type NodeJson,
  type ParameterTieJson,
  type ValidatedSpec,
  type LayerNode,
  type LeafLayer,
  type SequentialLayer,
  type RefNode,
  type SpecChild,
  type SharedModule,
  type SpecStats,
} from './types.js';
