// Original file: proto/paramserve/v1/compute.proto

import type { TensorStats as _paramserve_v1_TensorStats, TensorStats__Output as _paramserve_v1_TensorStats__Output } from '../../paramserve/v1/TensorStats.js';

export interface ParameterStats {
  'name'?: (string);
  'requires_grad'?: (boolean);
  /**
   * After this step's update.
   */
  'value'?: (_paramserve_v1_TensorStats | null);
  /**
   * This step's gradient (a shared layer's is the sum over its uses); unset for a frozen parameter.
   */
  'grad'?: (_paramserve_v1_TensorStats | null);
}

export interface ParameterStats__Output {
  'name': (string);
  'requires_grad': (boolean);
  /**
   * After this step's update.
   */
  'value': (_paramserve_v1_TensorStats__Output | null);
  /**
   * This step's gradient (a shared layer's is the sum over its uses); unset for a frozen parameter.
   */
  'grad': (_paramserve_v1_TensorStats__Output | null);
}
