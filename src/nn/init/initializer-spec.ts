import type { DType, Shape } from '../../engine/index.js';
import type { Module } from '../module.js';

/**
 * A validated initializer: `torch.nn.init`'s name without the underscore and
 * its keyword arguments with PyTorch's defaults filled in, plus the service's
 * own `default` (the layer's reset) and `mixture`.
 */
export type InitializerSpec =
  | { name: 'uniform'; a: number; b: number }
  | { name: 'normal'; mean: number; std: number }
  | { name: 'trunc_normal'; mean: number; std: number; a: number; b: number }
  | { name: 'constant'; val: number }
  | { name: 'ones' }
  | { name: 'zeros' }
  | { name: 'eye' }
  | { name: 'dirac'; groups: number }
  | { name: 'xavier_uniform'; gain: number }
  | { name: 'xavier_normal'; gain: number }
  | { name: 'kaiming_uniform'; a: number; mode: string; nonlinearity: string }
  | { name: 'kaiming_normal'; a: number; mode: string; nonlinearity: string }
  | { name: 'orthogonal'; gain: number }
  | { name: 'sparse'; sparsity: number; std: number }
  | { name: 'default' }
  | { name: 'mixture'; components: MixtureComponent[] };

export type InitializerName = InitializerSpec['name'];

/** One part of a mixture: an element comes from `init` with probability `weight`. */
export interface MixtureComponent {
  weight: number;
  init: InitializerSpec;
}

/** The roles an initialize request can address, in the order a module's roles are initialised. */
export const PARAMETER_ROLES = ['weight', 'bias'] as const;
export type ParameterRole = (typeof PARAMETER_ROLES)[number];

/** The tensor an initializer is about to fill, and (for `default`) the module and role it belongs to. */
export interface InitTarget {
  shape: Shape;
  dtype: DType;
  module?: Module;
  role?: ParameterRole;
}
